/* samv - the dispatcher: runs samv-COMMAND as git runs git-COMMAND */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "util.h"

struct command {
	const char *name;
	const char *summary;
};

/* The commands samv ships; others are found as samv-NAME on PATH. */
static const struct command commands[] = {
	{ "init", "create a governance repository with a first commit" },
	{ "check", "check records: schema, references and the bodies' rules" },
	{ "meeting", "create and list meetings, record attendance" },
	{ "agenda", "build, edit, publish and render agendas" },
	{ "decide", "record a decision (§) on an agenda item" },
	{ "protocol", "minutes, adjusters, justering; render protocols" },
	{ "decision", "list and show decisions; record adoption" },
	{ "diff", "record changes between revisions, in the domain's words" },
	{ "log", "the governance history: who changed which record" },
	{ "body", "bodies, their members and terms of reference" },
	{ "assign", "assignments (uppdrag): give, report back, follow up" },
	{ "report", "follow-up: balance list, overdue, adoption, compliance" },
	{ "trace", "a case's lineage across bodies, with dates and commits" },
	{ "help", "show the manual page of a command" },
	{ NULL, NULL }
};

static void
usage(FILE *fp)
{
	const struct command *c;

	fprintf(fp, "usage: samv [-C DIR] [--version] [--help] COMMAND "
	    "[ARGS]\n\nsamv keeps the records of collaboration bodies "
	    "(bodies, meetings,\ndecisions, assignments) as YAML in git.\n\n"
	    "commands:\n");
	for (c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fprintf(fp, "\n'samv COMMAND --help' shows a command's options; "
	    "'samv help COMMAND' its manual.\n");
}

/* The directory this executable lives in (allocated), or NULL. */
static char *
self_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return samv_xstrdup(buf);
}

static int
is_exec(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0;
}

/*
 * Where samv-NAME lives: $SAMV_EXEC_PATH, the libexec directory next to
 * this binary (relocatable install), this binary's own directory (the
 * build tree), the configured libexec directory, then PATH.
 */
static char *
find_command(const char *name)
{
	const char *env = getenv("SAMV_EXEC_PATH"), *path;
	char *dir = self_dir(), *cand = NULL, *p, *copy, *save = NULL;
	char *tries[4];
	size_t i, n = 0;

	if (env && *env)
		tries[n++] = samv_xasprintf("%s/samv-%s", env, name);
	if (dir) {
		tries[n++] = samv_xasprintf("%s/../libexec/samv/samv-%s", dir,
		    name);
		tries[n++] = samv_xasprintf("%s/samv-%s", dir, name);
	}
	tries[n++] = samv_xasprintf("%s/samv-%s", SAMV_LIBEXECDIR, name);
	for (i = 0; i < n; i++) {
		if (cand == NULL && is_exec(tries[i]))
			cand = tries[i];
		else
			free(tries[i]);
	}
	free(dir);
	if (cand)
		return cand;
	path = getenv("PATH");
	if (path == NULL)
		return NULL;
	copy = samv_xstrdup(path);
	for (p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
		char *c = samv_xasprintf("%s/samv-%s", *p ? p : ".", name);

		if (is_exec(c)) {
			free(copy);
			return c;
		}
		free(c);
	}
	free(copy);
	return NULL;
}

static int
valid_name(const char *s)
{
	if (*s == '\0' || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return 0;
	return 1;
}

/* samv help COMMAND: the man page, from the build tree or installed. */
static int
help(const char *cmd)
{
	char *dir = self_dir(), *page, *cands[3];
	const char *sect = "1";
	size_t i, n = 0;

	if (cmd == NULL) {
		usage(stdout);
		return 0;
	}
	if (!valid_name(cmd)) {
		char *v = samv_visible(cmd);

		fprintf(stderr, "samv: no manual for '%s'\n", v);
		free(v);
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "records") == 0)
		sect = "5";
	else if (strcmp(cmd, "githooks") == 0)
		sect = "7";
	page = strcmp(cmd, "samv") == 0 ? samv_xstrdup("samv") :
	    samv_xasprintf("samv-%s", cmd);
	if (dir) {
		cands[n++] = samv_xasprintf("%s/../../man/%s.%s", dir, page,
		    sect);
		cands[n++] = samv_xasprintf("%s/../share/man/man%s/%s.%s", dir,
		    sect, page, sect);
	}
	cands[n++] = samv_xasprintf("%s/man%s/%s.%s", SAMV_MANDIR, sect, page,
	    sect);
	free(dir);
	for (i = 0; i < n; i++) {
		if (access(cands[i], R_OK) == 0) {
			fflush(stdout);
			execlp("man", "man", "-l", cands[i], (char *)NULL);
			execlp("mandoc", "mandoc", "-a", cands[i], (char *)NULL);
			fprintf(stderr, "samv: cannot run man or mandoc to show "
			    "'%s': %s\n", cands[i], strerror(errno));
			return EXIT_FAILURE_OTHER;
		}
	}
	for (i = 0; i < n; i++)
		free(cands[i]);
	execlp("man", "man", sect, page, (char *)NULL);
	fprintf(stderr, "samv: no manual page for '%s'\n", cmd);
	return EXIT_FAILURE_OTHER;
}

int
main(int argc, char **argv)
{
	int i = 1;
	const char *cmd;
	char *exe;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "-C") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "samv: option '-C' needs a "
				    "directory\n");
				return EXIT_USAGE;
			}
			if (chdir(argv[i + 1]) < 0) {
				fprintf(stderr, "samv: cannot change to '%s': "
				    "%s\n", argv[i + 1], strerror(errno));
				return EXIT_FAILURE_OTHER;
			}
			i += 2;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("samv %s\n", SAMV_VERSION);
			cmd_exit(0);
		} else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			cmd_exit(0);
		} else {
			char *v = samv_visible(argv[i]);

			fprintf(stderr, "samv: unknown option '%s'\n", v);
			free(v);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[i];
	if (strcmp(cmd, "help") == 0)
		return help(i + 1 < argc ? argv[i + 1] : NULL);
	if (!valid_name(cmd) || (exe = find_command(cmd)) == NULL) {
		char *v = samv_visible(cmd);

		fprintf(stderr, "samv: '%s' is not a samv command; see "
		    "'samv --help'\n", v);
		free(v);
		return EXIT_USAGE;
	}
	argv[i] = exe;
	fflush(stdout);
	execv(exe, argv + i);
	fprintf(stderr, "samv: cannot run '%s': %s\n", exe, strerror(errno));
	return EXIT_FAILURE_OTHER;
}
