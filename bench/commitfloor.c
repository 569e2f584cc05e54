/* commitfloor.c - the least a libgit2 program does to commit one file:
 * the floor under a samv writing command.
 *
 *   commitfloor REPO PATH TEXT
 *
 * Writes TEXT to REPO/PATH, makes the blob from memory, updates HEAD's
 * tree for that one path (git_tree_create_updated), commits on HEAD and
 * updates the index entry from the file's stat data and the blob, as
 * samv does; nothing else (no validation, no lock file, no journal).
 * It starts libgit2 as samv does, without the CA bundle (lib/gitinit.c,
 * built in). Exit 0 on success.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "git.h"

static int
fail(const char *what)
{
	const git_error *e = git_error_last();

	fprintf(stderr, "commitfloor: %s: %s\n", what, e ? e->message : "?");
	return 1;
}

int
main(int argc, char **argv)
{
	git_repository *repo = NULL;
	git_index *index = NULL;
	git_object *head = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_tree_update up;
	git_oid blob, tid, cid;
	git_index_entry ie;
	struct stat st;
	char *abs;
	FILE *f;
	size_t len;

	if (argc != 4) {
		fprintf(stderr, "usage: commitfloor REPO PATH TEXT\n");
		return 2;
	}
	len = strlen(argv[3]);
	samv_git_init();
	if (git_repository_open(&repo, argv[1]) < 0)
		return fail("open");
	abs = malloc(strlen(argv[1]) + strlen(argv[2]) + 2);
	sprintf(abs, "%s/%s", argv[1], argv[2]);
	if ((f = fopen(abs, "w")) == NULL || fwrite(argv[3], 1, len, f) != len ||
	    fclose(f) != 0 || stat(abs, &st) < 0)
		return fail("write");
	if (git_blob_create_from_buffer(&blob, repo, argv[3], len) < 0)
		return fail("blob");
	if (git_revparse_single(&head, repo, "HEAD") < 0 ||
	    git_commit_lookup(&parent, repo, git_object_id(head)) < 0 ||
	    git_commit_tree(&tree, parent) < 0)
		return fail("HEAD");
	memset(&up, 0, sizeof(up));
	up.action = GIT_TREE_UPDATE_UPSERT;
	git_oid_cpy(&up.id, &blob);
	up.filemode = GIT_FILEMODE_BLOB;
	up.path = argv[2];
	if (git_tree_create_updated(&tid, repo, tree, 1, &up) < 0)
		return fail("tree");
	git_tree_free(tree);
	tree = NULL;
	if (git_tree_lookup(&tree, repo, &tid) < 0 ||
	    git_signature_now(&sig, "bench", "bench@samv.invalid") < 0 ||
	    git_commit_create(&cid, repo, "HEAD", sig, sig, NULL, "floor",
	    tree, 1, (const git_commit **)&parent) < 0)
		return fail("commit");
	if (git_repository_index(&index, repo) < 0)
		return fail("index");
	memset(&ie, 0, sizeof(ie));
	ie.ctime.seconds = (int32_t)st.st_ctim.tv_sec;
	ie.ctime.nanoseconds = (uint32_t)st.st_ctim.tv_nsec;
	ie.mtime.seconds = (int32_t)st.st_mtim.tv_sec;
	ie.mtime.nanoseconds = (uint32_t)st.st_mtim.tv_nsec;
	ie.ino = (uint32_t)st.st_ino;
	ie.uid = (uint32_t)st.st_uid;
	ie.gid = (uint32_t)st.st_gid;
	ie.file_size = (uint32_t)st.st_size;
	ie.mode = GIT_FILEMODE_BLOB;
	ie.path = argv[2];
	git_oid_cpy(&ie.id, &blob);
	if (git_index_add(index, &ie) < 0 ||
	    git_index_write(index) < 0)
		return fail("index write");
	git_index_free(index);
	git_signature_free(sig);
	git_tree_free(tree);
	git_commit_free(parent);
	git_object_free(head);
	git_repository_free(repo);
	free(abs);
	git_libgit2_shutdown();
	return 0;
}
