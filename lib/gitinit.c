/* gitinit.c - start libgit2 without parsing the system's CA bundle */
#define _GNU_SOURCE	/* RTLD_NEXT */
#include <dlfcn.h>
#include <stddef.h>

#include <git2.h>

#include "git.h"

/*
 * Debian's libgit2 1.5 is built with mbedTLS, and git_libgit2_init()
 * parses every certificate of /etc/ssl/certs/ca-certificates.crt into
 * the TLS configuration, whether or not the program will ever open a
 * connection: about 3 ms (mbedTLS decodes the base64 in constant time),
 * a fifth of a one-record commit at 1 000 records. samv never talks to
 * a remote, so samv_git_init() has that one parse skipped: while it runs
 * in this thread, the executable's own mbedtls_x509_crt_parse_file
 * (exported, so the dynamic linker binds libgit2's call to it before
 * libmbedx509's) adds no certificate and reports success. Any other
 * call, such as git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, ...),
 * goes on to mbedTLS unchanged. With a libgit2 built on OpenSSL the
 * function is never called and this changes nothing.
 */
static _Thread_local int in_init;

int mbedtls_x509_crt_parse_file(void *chain, const char *path);

int
mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	int (*real)(void *, const char *);

	if (in_init)
		return 0;
	*(void **)&real = dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
	if (real == NULL)
		return -1;	/* no mbedTLS below: nothing parsed */
	return real(chain, path);
}

int
samv_git_init(void)
{
	int r;

	in_init = 1;
	r = git_libgit2_init();
	in_init = 0;
	return r;
}

