/*
 * rusage - run a command and measure it: wall time and peak memory.
 *
 *   rusage [-o OUT] [-O STDOUT] [-E STDERR] [-C DIR] -- CMD [ARG...]
 *
 * Forks, execs CMD (searched in PATH) with standard input from /dev/null
 * and its standard output and error to /dev/null unless -O / -E name a
 * file, waits for it with wait4(2), and writes one line
 *
 *   SECONDS MAXRSS_KIB STATUS
 *
 * to OUT (appended; standard output without -o): wall-clock seconds from
 * just before fork to the return of wait4 (CLOCK_MONOTONIC), the child's
 * ru_maxrss in KiB (getrusage semantics on Linux), and its exit status
 * (128 + N when killed by signal N; 127 when it could not be executed).
 * rusage exits with the same STATUS, or 125 on its own failure.
 *
 * Built by make bench: cc -O2 -o build/bench/rusage bench/rusage.c
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: rusage [-o OUT] [-O STDOUT] [-E STDERR] "
	    "[-C DIR] -- CMD [ARG...]\n");
	exit(125);
}

static void
redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0666);

	if (f < 0) {
		fprintf(stderr, "rusage: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
}

int
main(int argc, char **argv)
{
	const char *out = NULL, *cout = "/dev/null", *cerr = "/dev/null";
	const char *dir = NULL;
	struct timespec t0, t1;
	struct rusage ru;
	int opt, status, rc;
	pid_t pid;
	FILE *f;

	while ((opt = getopt(argc, argv, "+o:O:E:C:")) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'O': cout = optarg; break;
		case 'E': cerr = optarg; break;
		case 'C': dir = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("rusage: fork");
		return 125;
	}
	if (pid == 0) {
		if (dir && chdir(dir) != 0) {
			fprintf(stderr, "rusage: %s: %s\n", dir, strerror(errno));
			_exit(127);
		}
		redirect("/dev/null", 0, O_RDONLY);
		redirect(cout, 1, O_WRONLY | O_CREAT | O_TRUNC);
		redirect(cerr, 2, O_WRONLY | O_CREAT | O_TRUNC);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "rusage: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("rusage: wait4");
			return 125;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (WIFEXITED(status))
		rc = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		rc = 128 + WTERMSIG(status);
	else
		rc = 125;

	f = out ? fopen(out, "a") : stdout;
	if (f == NULL) {
		fprintf(stderr, "rusage: %s: %s\n", out, strerror(errno));
		return 125;
	}
	fprintf(f, "%.6f %ld %d\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss, rc);
	if (out && fclose(f) != 0)
		return 125;
	return rc;
}
