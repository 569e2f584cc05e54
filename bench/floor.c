/*
 * floor - the floor for samv check: list the record files as samv does
 * (samv.yaml, then bodies/, meetings/, decisions/, assignments/ walked
 * recursively, hidden entries skipped, regular files only), then
 *
 *   floor read  [DIR]   only read every file (the I/O floor);
 *   floor parse [DIR]   read every file and run libyaml's event parser
 *                       over it until STREAM_END (the parse floor).
 *
 * Single-threaded. Prints "files N bytes N seconds S" on stdout; exit 1
 * if a file cannot be read or does not parse.
 *
 * Built by make bench: cc -O2 bench/floor.c $(pkg-config --cflags --libs
 * yaml-0.1).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

struct list {
	char **v;
	size_t n, cap;
};

static void
die(const char *what, const char *path)
{
	fprintf(stderr, "floor: %s: %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL) {
		perror("floor");
		exit(1);
	}
	return p;
}

static char *
join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = xrealloc(NULL, la + lb + 2);

	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

static void
add(struct list *l, char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = path;
}

static void
walk(const char *dir, struct list *l, int depth)
{
	DIR *d;
	struct dirent *de;

	if (depth > 8)
		return;
	d = opendir(dir);
	if (d == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return;
		die("cannot open", dir);
	}
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		char *p;

		if (de->d_name[0] == '.')
			continue;
		p = join(dir, de->d_name);
		if (lstat(p, &st) != 0) {
			free(p);
		} else if (S_ISDIR(st.st_mode)) {
			walk(p, l, depth + 1);
			free(p);
		} else if (S_ISREG(st.st_mode)) {
			add(l, p);
		} else {
			free(p);
		}
	}
	closedir(d);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The whole file into *buf (grown as needed); its length. */
static size_t
slurp(const char *path, char **buf, size_t *cap)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	ssize_t r;

	if (fd < 0)
		die("cannot open", path);
	for (;;) {
		if (len == *cap) {
			*cap = *cap ? 2 * *cap : 65536;
			*buf = xrealloc(*buf, *cap);
		}
		r = read(fd, *buf + len, *cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			die("cannot read", path);
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	return len;
}

static void
parse(const char *path, const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0;

	if (!yaml_parser_initialize(&p)) {
		fprintf(stderr, "floor: out of memory\n");
		exit(1);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "floor: %s:%lu:%lu: %s\n", path,
			    (unsigned long)p.problem_mark.line + 1,
			    (unsigned long)p.problem_mark.column + 1,
			    p.problem ? p.problem : "parse error");
			exit(1);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

int
main(int argc, char **argv)
{
	static const char *const dirs[] = {
		"bodies", "meetings", "decisions", "assignments"
	};
	struct list l = { NULL, 0, 0 };
	struct timespec t0, t1;
	struct stat st;
	const char *root;
	char *buf = NULL, *cfg;
	size_t cap = 0, i, bytes = 0;
	int do_parse;

	if (argc < 2 || argc > 3 || (strcmp(argv[1], "read") != 0 &&
	    strcmp(argv[1], "parse") != 0)) {
		fprintf(stderr, "usage: floor read|parse [DIR]\n");
		return 2;
	}
	do_parse = strcmp(argv[1], "parse") == 0;
	root = argc == 3 ? argv[2] : ".";

	clock_gettime(CLOCK_MONOTONIC, &t0);
	cfg = join(root, "samv.yaml");
	if (lstat(cfg, &st) == 0 && S_ISREG(st.st_mode))
		add(&l, cfg);
	else
		free(cfg);
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct list sub = { NULL, 0, 0 };
		char *d = join(root, dirs[i]);
		size_t j;

		walk(d, &sub, 0);
		qsort(sub.v, sub.n, sizeof(*sub.v), cmp);
		for (j = 0; j < sub.n; j++)
			add(&l, sub.v[j]);
		free(sub.v);
		free(d);
	}
	for (i = 0; i < l.n; i++) {
		size_t len = slurp(l.v[i], &buf, &cap);

		bytes += len;
		if (do_parse)
			parse(l.v[i], buf, len);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("files %zu bytes %zu seconds %.3f\n", l.n, bytes,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	free(buf);
	return 0;
}
