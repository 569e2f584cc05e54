/* test_lib.c - unit tests: loader spans, ids, dates, personnummer, quoting,
 * starting libgit2 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/index.h>

#include "binio.h"
#include "date.h"
#include "emit.h"
#include "git.h"
#include "ids.h"
#include "node.h"
#include "opt.h"
#include "pnr.h"
#include "tap.h"
#include "treecache.h"
#include "util.h"

static struct samv_doc *
parse(const char *text, struct samv_diags *d)
{
	struct samv_doc *doc = NULL;

	samv_doc_parse(&doc, "t.yaml", text, strlen(text), NULL, d);
	return doc;
}

static void
test_spans(void)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	const char *text = "# c\nnamn: \"Östersund\"\nlista:\n  - ett\n"
	    "  - två: 3\n";
	struct samv_doc *doc = parse(text, &d);
	const struct samv_node *v, *l;

	ok(doc != NULL && d.n == 0, "a plain document loads");
	if (doc == NULL)
		return;
	v = samv_node_get(doc->root, "namn");
	ok(v && v->span.line == 2 && v->span.col == 7, "value at 2:7");
	ok(v && strncmp(text + v->span.start, "\"Östersund\"",
	    v->span.end - v->span.start) == 0 && v->span.end - v->span.start ==
	    strlen("\"Östersund\""), "quoted span covers the bytes exactly");
	is_str(samv_node_str(v), "Östersund", "quoted value");
	l = samv_node_get(doc->root, "lista");
	ok(l && l->kind == SAMV_NODE_SEQ && l->n_items == 2, "a list of two");
	if (l && l->n_items == 2) {
		const struct samv_node *k = l->items[1]->pairs[0].key;

		ok(k->span.line == 5 && k->span.col == 5, "key at 5:5");
		ok(strncmp(text + k->span.start, "två", 4) == 0,
		    "key byte offset after multibyte text");
	}
	samv_doc_free(doc);
	samv_diags_release(&d);
}

static void
test_types(void)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = parse("a: 13:00\nb: '7'\nc: 7\nd: 1.5e3\n"
	    "e: true\nf: yes\ng: ~\nh: 2021-10-08\ni: 0777\nj: -0\n", &d);
	static const struct {
		const char *key;
		enum samv_scalar_type type;
	} want[] = {
		{ "a", SAMV_TYPE_STRING }, { "b", SAMV_TYPE_STRING },
		{ "c", SAMV_TYPE_INT }, { "d", SAMV_TYPE_FLOAT },
		{ "e", SAMV_TYPE_BOOL }, { "f", SAMV_TYPE_STRING },
		{ "g", SAMV_TYPE_NULL }, { "h", SAMV_TYPE_STRING },
		{ "i", SAMV_TYPE_STRING }, { "j", SAMV_TYPE_INT },
	};
	size_t i;

	for (i = 0; doc && i < sizeof(want) / sizeof(want[0]); i++)
		ok(samv_node_type(samv_node_get(doc->root, want[i].key)) ==
		    want[i].type, "scalar '%s' resolves JSON-style", want[i].key);
	samv_doc_free(doc);
	samv_diags_release(&d);
}

static void
test_refusals(void)
{
	static const struct {
		const char *text, *rule;
		unsigned line, col;
	} cases[] = {
		{ "a: 1\na: 2\n", "yaml-duplicate-key", 2, 1 },
		{ "a: &x 1\n", "yaml-alias", 1, 4 },
		{ "a: *x\n", "yaml-alias", 1, 4 },
		{ "a: 1\n---\nb: 2\n", "yaml-multidoc", 2, 1 },
		{ "a: \"\xc3\x28\"\n", "yaml-utf8", 1, 6 },
		{ "? [a]\n: 1\n", "yaml", 1, 3 },
		{ "a: !!int 1\n", "yaml", 1, 4 },
		{ "", "yaml", 1, 1 },
		{ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		    "[[[[[[[[[]]]", "yaml-depth", 1, 65 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = parse(cases[i].text, &d);

		ok(doc == NULL && d.n >= 1 && strcmp(d.v[0].rule,
		    cases[i].rule) == 0 && d.v[0].line == cases[i].line &&
		    d.v[0].col == cases[i].col, "refused %s at %u:%u (got %s "
		    "%u:%u)", cases[i].rule, cases[i].line, cases[i].col,
		    d.n ? d.v[0].rule : "-", d.n ? d.v[0].line : 0,
		    d.n ? d.v[0].col : 0);
		samv_doc_free(doc);
		samv_diags_release(&d);
	}
}

static void
test_ids(void)
{
	char *id = NULL;

	ok(samv_path_parse("decisions/svom/2021/009.yaml", &id) ==
	    SAMV_KIND_DECISION, "decision path");
	is_str(id, "svom/2021/9", "decision id without zeros");
	free(id);
	ok(samv_path_parse("decisions/svom/2021/9.yaml", &id) ==
	    SAMV_KIND_NONE, "an unpadded § file is not a record path");
	ok(samv_path_parse("decisions/svom/2021/0009.yaml", &id) ==
	    SAMV_KIND_NONE, "an over-padded § file is not a record path");
	ok(samv_path_parse("meetings/svom/2021-10-08-2.yaml", &id) ==
	    SAMV_KIND_MEETING, "second meeting of a day");
	is_str(id, "svom/2021-10-08-2", "its id");
	free(id);
	ok(samv_path_parse("meetings/svom/2021-02-30.yaml", &id) ==
	    SAMV_KIND_NONE, "no meeting on 30 February");
	ok(samv_path_parse("bodies/../etc.yaml", &id) == SAMV_KIND_NONE,
	    "dot-dot is not an id");
	ok(samv_path_parse("bodies/Svom.yaml", &id) == SAMV_KIND_NONE,
	    "upper case is not an id");
	ok(samv_id_canonical(SAMV_KIND_DECISION, "svom/2021/\xc2\xa7" "9",
	    &id) == 0, "§9 is accepted");
	is_str(id, "svom/2021/9", "and made canonical");
	free(id);
	ok(samv_id_canonical(SAMV_KIND_DECISION, "svom/2021/0", &id) < 0,
	    "§ 0 does not exist");
	ok(samv_id_canonical(SAMV_KIND_ASSIGNMENT, "fg/2021/../x", &id) < 0,
	    "no path tricks in assignment ids");
	id = samv_id_path(SAMV_KIND_DECISION, "svom/2021/9");
	is_str(id, "decisions/svom/2021/009.yaml", "path from a decision id");
	free(id);
}

static void
test_dates(void)
{
	samv_day d, e;
	char buf[11];
	int m;

	ok(samv_date_parse("2020-02-29", &d) == 0, "leap day 2020");
	ok(samv_date_parse("2021-02-29", &d) < 0, "no leap day 2021");
	ok(samv_date_parse("1900-02-29", &d) < 0, "no leap day 1900");
	ok(samv_date_parse("2021-10-08", &d) == 0 &&
	    samv_date_parse("2021-10-01", &e) == 0 && d - e == 7,
	    "a week between dates");
	samv_date_format(d, buf);
	is_str(buf, "2021-10-08", "format round trip");
	ok(samv_time_parse("13:05", &m) == 0 && m == 785, "13:05");
	ok(samv_time_parse("9:05", &m) == 0 && m == 545, "9:05");
	ok(samv_time_parse("24:00", &m) < 0, "24:00 is not a time");
}

static void
test_pnr(void)
{
	static const char *const yes[] = { "811218-9876", "8112189876",
	    "19811218-9876", "198112189876", "811218+9876", "811278-9873",
	    "Namn 811218-9876, bor" };
	static const char *const no[] = { "811218-9877", "2021-10-08",
	    "063-14 30 00", "070-123 45 67", "RS/1234/2021", "2021-00123",
	    "1234567890123", "20211008", "13:00-16:30", "811318-9876" };
	size_t i, off;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		ok(samv_pnr_find(yes[i], strlen(yes[i]), &off) == 1,
		    "personnummer found in '%s'", yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		ok(samv_pnr_find(no[i], strlen(no[i]), &off) == 0,
		    "no alarm on '%s'", no[i]);
}

static void
test_quoting(void)
{
	ok(samv_emit_needs_quotes("13:00"), "times are quoted");
	ok(samv_emit_needs_quotes("yes") && samv_emit_needs_quotes("No"),
	    "YAML 1.1 booleans are quoted");
	ok(samv_emit_needs_quotes("0777"), "octal-looking text is quoted");
	ok(samv_emit_needs_quotes("12"), "numbers meant as text are quoted");
	ok(!samv_emit_needs_quotes("Fredagsgruppen"), "plain words stay plain");
	ok(!samv_emit_needs_quotes("Region Jämtland Härjedalen"),
	    "text with spaces stays plain");
}

static void
test_opt(void)
{
	static const struct samv_option o[] = {
		{ "ref", 0, SAMV_OPT_LIST, "ID", "x" },
		{ "rev", 0, SAMV_OPT_VALUE, "REV", "x" },
		{ "strict", 0, SAMV_OPT_FLAG, NULL, "x" },
		{ NULL, 0, 0, NULL, NULL }
	};
	static const struct samv_command_spec spec = { "t", "[X]", "t", o, 0,
	    1 };
	char *argv[] = { "t", "--ref", "a", "--ref=b", "--rev", "HEAD", "x",
	    "--strict", NULL };
	char *bad[] = { "t", "--rev", NULL };
	struct samv_args a;
	char *err = NULL;

	ok(samv_opt_parse(&spec, 8, argv, &a, &err) == 0, "options parse");
	ok(samv_args_get(&a, &spec, "ref")->n == 2, "a list repeats");
	is_str(samv_args_get(&a, &spec, "rev")->value, "HEAD", "a value");
	ok(samv_args_get(&a, &spec, "strict")->set, "a flag");
	ok(a.npos == 1 && strcmp(a.pos[0], "x") == 0, "one positional");
	samv_args_release(&a);
	ok(samv_opt_parse(&spec, 2, bad, &a, &err) < 0, "missing value");
	is_str(err, "option '--rev' needs a value (REV)", "says which");
	free(err);
	samv_args_release(&a);
}

/* samv_git_init() skips only the CA parse inside git_libgit2_init():
 * later certificate loading still reaches mbedTLS, so a file that is not
 * there is an error and the system bundle loads. */
static void
test_gitinit(void)
{
	const char *bundle = "/etc/ssl/certs/ca-certificates.crt";
	int r;

	ok(samv_git_init() >= 1, "libgit2 starts");
	r = git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS,
	    "/nonexistent/ca.crt", NULL);
	ok(r < 0, "a CA file that is not there is still an error (%d)", r);
	if (access(bundle, R_OK) == 0)
		ok(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, bundle,
		    NULL) == 0, "the system's CA bundle loads when asked for");
	else
		ok(1, "# SKIP no %s here", bundle);
	git_libgit2_shutdown();
}

/*
 * samv_git_commit_changes() stages what it wrote as add_bypath would:
 * a conflict on the path becomes resolve-undo data, and the entry holds
 * the committed blob and the file's stat data.
 */
static void
test_commit_stages(void)
{
	char dir[] = "/tmp/samv-unit-XXXXXX", *abs = NULL, *err = NULL;
	git_repository *repo = NULL;
	git_index *index = NULL;
	git_index_entry our, their;
	const git_index_entry *a, *o, *t, *e;
	struct samv_change ch = { "a.yaml", "title: ny\n", 10 };
	git_oid want, got;
	struct stat st;
	int r;

	samv_git_init();
	setenv("GIT_AUTHOR_NAME", "Unit", 1);
	setenv("GIT_AUTHOR_EMAIL", "unit@samv.invalid", 1);
	if (mkdtemp(dir) == NULL || git_repository_init(&repo, dir, 0) < 0 ||
	    git_repository_index(&index, repo) < 0) {
		ok(0, "a scratch repository");
		goto out;
	}
	memset(&our, 0, sizeof(our));
	memset(&their, 0, sizeof(their));
	our.mode = their.mode = GIT_FILEMODE_BLOB;
	our.path = their.path = "a.yaml";
	git_blob_create_from_buffer(&our.id, repo, "title: a\n", 9);
	git_blob_create_from_buffer(&their.id, repo, "title: b\n", 9);
	ok(git_index_conflict_add(index, NULL, &our, &their) == 0 &&
	    git_index_write(index) == 0, "a conflict on a.yaml");
	r = samv_git_commit_changes(repo, &ch, 1, "ny", &got, &err);
	ok(r == 0, "committed (%s)", err ? err : "no error");
	git_index_read(index, 1);
	ok(git_index_conflict_get(&a, &o, &t, index, "a.yaml") ==
	    GIT_ENOTFOUND, "the conflict is gone");
	ok(git_index_reuc_get_bypath(index, "a.yaml") != NULL,
	    "and kept as resolve-undo data");
	e = git_index_get_bypath(index, "a.yaml", 0);
	git_odb_hash(&want, ch.data, ch.len, GIT_OBJECT_BLOB);
	ok(e && git_oid_equal(&e->id, &want), "stage 0 holds the blob");
	abs = samv_xasprintf("%s/a.yaml", dir);
	ok(e && lstat(abs, &st) == 0 && e->ino == (uint32_t)st.st_ino &&
	    e->file_size == (uint32_t)st.st_size &&
	    e->mtime.seconds == (int32_t)st.st_mtim.tv_sec &&
	    e->mtime.nanoseconds == (uint32_t)st.st_mtim.tv_nsec &&
	    e->ctime.seconds == (int32_t)st.st_ctim.tv_sec &&
	    e->ctime.nanoseconds == (uint32_t)st.st_ctim.tv_nsec,
	    "and the file's stat data");
out:
	free(err);
	free(abs);
	git_index_free(index);
	git_repository_free(repo);
	{
		char *rm = samv_xasprintf("rm -rf '%s'", dir);

		if (system(rm) != 0)
			fprintf(stderr, "# cannot remove %s\n", dir);
		free(rm);
	}
	git_libgit2_shutdown();
}

/* One node of a tree cache file: head byte, the span's six varints
 * (start and line as zigzag differences), the count. */
static void
tc_node(struct samv_buf *b, unsigned head, const uint64_t v[7])
{
	unsigned char h = (unsigned char)head;
	int i;

	samv_buf_add(b, (const char *)&h, 1);
	for (i = 0; i < 7; i++)
		samv_wr_uv(b, v[i]);
}

/* A tree cache file of one record, text "a: b", with the nodes given;
 * parsed as samv would read it: the number of trees it builds. */
static int
tc_parse(const struct samv_buf *nodes, uint64_t need)
{
	struct samv_buf b = SAMV_BUF_INIT;
	unsigned char build[16], sum[16];
	int n;

	samv_buf_puts(&b, "samv-trees 3\n");
	samv_wr_u64(&b, 0x0102030405060708ULL);
	samv_build_id(build);
	samv_buf_add(&b, (const char *)build, 16);
	samv_wr_u64(&b, 1);
	samv_wr_str(&b, "a.yaml");
	samv_wr_u64(&b, 1);	/* dev, ino, size, mtime, ctime, seen */
	samv_wr_u64(&b, 2);
	samv_wr_u64(&b, 4);
	samv_wr_u64(&b, 0);
	samv_wr_u64(&b, 0);
	samv_wr_u64(&b, 1000000000000000000ULL);
	samv_wr_u64(&b, 1);	/* schema_ok */
	samv_wr_u64(&b, 0);	/* no fields */
	samv_wr_u64(&b, 4);
	samv_buf_add(&b, "a: b", 4);
	samv_wr_u64(&b, nodes->len);
	samv_wr_u64(&b, need);
	samv_buf_add(&b, nodes->s, nodes->len);
	samv_hash128(b.s, b.len, sum);
	samv_buf_add(&b, (const char *)sum, 16);
	n = samv_treecache_parse(b.s, b.len);
	samv_buf_release(&b);
	return n;
}

/* The tree cache's node decoder takes a well-formed tree and refuses
 * what samv never writes: a key that is not a scalar, a value said to
 * be the text where the text is too short, a span past the text. */
static void
test_treecache_nodes(void)
{
	/* map at 0..4, line 1; key "a" at 0..1; value "b" at 3..4 */
	static const uint64_t map[7] = { 0, 8, 2, 1, 0, 5, 1 };
	static const uint64_t key[7] = { 0, 2, 0, 1, 0, 2, 1 };
	static const uint64_t seqkey[7] = { 0, 0, 0, 1, 0, 1, 0 };
	static const uint64_t val[7] = { 6, 2, 0, 4, 0, 5, 1 };
	static const uint64_t longval[7] = { 6, 2, 0, 4, 0, 5, 9 };
	static const uint64_t pastval[7] = { 6, 8, 0, 4, 0, 5, 1 };
	struct samv_buf b = SAMV_BUF_INIT;

	tc_node(&b, 2, map);	/* kind 2: a map */
	tc_node(&b, 0x80, key);	/* a scalar that is its text */
	tc_node(&b, 0x80, val);
	ok(tc_parse(&b, 4096) == 1, "a map of one slice pair builds");
	b.len = 0;
	tc_node(&b, 2, map);
	tc_node(&b, 0, key);	/* its bytes follow */
	samv_buf_add(&b, "a", 1);
	tc_node(&b, 0x80, val);
	ok(tc_parse(&b, 4096) == 1, "a scalar with its own bytes builds");
	b.len = 0;
	tc_node(&b, 2, map);
	tc_node(&b, 1, seqkey);
	tc_node(&b, 0x80, val);
	ok(tc_parse(&b, 4096) == 0, "a key that is a sequence is refused");
	b.len = 0;
	tc_node(&b, 2, map);
	tc_node(&b, 0x80, key);
	tc_node(&b, 0x80, longval);
	ok(tc_parse(&b, 4096) == 0, "a slice longer than the text is refused");
	b.len = 0;
	tc_node(&b, 2, map);
	tc_node(&b, 0x80, key);
	tc_node(&b, 0x80, pastval);
	ok(tc_parse(&b, 4096) == 0, "a span past the text is refused");
	b.len = 0;
	tc_node(&b, 2, map);
	tc_node(&b, 0x80, key);
	ok(tc_parse(&b, 4096) == 0, "a map short of its value is refused");
	/* what a tree may allocate is bounded by its file */
	{
		static const uint64_t huge[7] = { 0, 8, 2, 1, 0, 5,
		    1u << 22 };
		static const uint64_t seq[7] = { 0, 8, 2, 1, 0, 5, 60 };
		static const uint64_t whole[7] = { 0, 8, 0, 1, 0, 5, 4 };
		int i;

		struct rusage ru0, ru1;

		b.len = 0;
		tc_node(&b, 2, huge);
		tc_node(&b, 0x80, key);
		tc_node(&b, 0x80, val);
		getrusage(RUSAGE_SELF, &ru0);
		ok(tc_parse(&b, 4096) == 0,
		    "a map claiming 4 million pairs is refused");
		getrusage(RUSAGE_SELF, &ru1);
		ok(ru1.ru_maxrss - ru0.ru_maxrss < 16 * 1024,
		    "before its 64 MB of pairs are allocated (%ld KiB)",
		    ru1.ru_maxrss - ru0.ru_maxrss);
		b.len = 0;
		tc_node(&b, 1, seq);
		for (i = 0; i < 60; i++)
			tc_node(&b, 0x80, whole);	/* all of "a: b" */
		ok(tc_parse(&b, 1 << 20) == 0,
		    "an arena size past what the file can fill is refused");
		ok(tc_parse(&b, 4096) == 0,
		    "sixty values sliced from one text exceed their budget");
		ok(tc_parse(&b, 16384) == 1, "and fit the budget they need");
	}
	samv_buf_release(&b);
}

int
main(void)
{
	test_spans();
	test_types();
	test_refusals();
	test_ids();
	test_dates();
	test_pnr();
	test_quoting();
	test_opt();
	test_gitinit();
	test_commit_stages();
	test_treecache_nodes();
	return tap_done();
}
