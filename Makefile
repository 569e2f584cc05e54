# samv - governance records of collaboration bodies, kept in git
#
#   make            build into build/ (installs missing Debian packages)
#   make demo       build and run samv on the bundled example region
#   make check      build and run the tests
#   make check-valgrind
#                   the tests under valgrind memcheck (CI)
#   make install    install under PREFIX (DESTDIR honoured)
#
# SANITIZE=1 builds with ASan+UBSan into build-san/; CI=1 adds -Werror.

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec/samv
DATADIR ?= $(PREFIX)/share/samv
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS = yaml-0.1 libgit2 libcmark-gfm

ifeq ($(FUZZ),1)
B = build-fuzz
CC = clang
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
else ifeq ($(SANITIZE),1)
B = build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
else
B = build
SANFLAGS =
endif

WARN = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wformat=2 -Wno-format-nonliteral
ifneq ($(CI),)
WARN += -Werror
endif

# Deferred (=) so that pkg-config runs after the dependency check has
# installed the packages it asks about.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
DEP_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lcmark-gfm-extensions -lm \
	-lpthread
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(WARN) $(CFLAGS) $(SANFLAGS) $(SECTIONS) -Ilib -I$(B) $(DEP_CFLAGS) \
	-DSAMV_VERSION='"$(VERSION)"' -DSAMV_LIBEXECDIR='"$(LIBEXECDIR)"' \
	-DSAMV_MANDIR='"$(MANDIR)"'
# Unused functions are dropped and a library nothing calls is not
# linked: the dispatcher then starts without libgit2, cmark and libyaml.
SECTIONS = -ffunction-sections -fdata-sections
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) -Wl,--gc-sections -Wl,--as-needed

COMMANDS = init check meeting agenda decide protocol decision diff log \
	report trace body assign
LIB_SRC = lib/util.c lib/diag.c lib/yaml.c lib/schema.c lib/opt.c \
	lib/date.c lib/pnr.c lib/source.c lib/records.c lib/rules.c \
	lib/git.c lib/gitinit.c lib/ids.c lib/map.c lib/emit.c lib/write.c lib/edit.c \
	lib/agenda.c lib/json.c lib/decision.c lib/render.c lib/labels.c \
	lib/protocol.c lib/semdiff.c lib/report.c lib/body.c lib/assign.c \
	lib/check.c lib/treecache.c lib/binio.c
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/lib/schemas.o
SCHEMAS = schema/samv.schema.json schema/body.schema.json \
	schema/meeting.schema.json schema/decision.schema.json \
	schema/assignment.schema.json
MAN1 = man/samv.1 man/samv-init.1 man/samv-check.1 man/samv-meeting.1 \
	man/samv-agenda.1 man/samv-diff.1 man/samv-log.1 man/samv-decide.1 \
	man/samv-protocol.1 man/samv-decision.1 man/samv-report.1 \
	man/samv-trace.1 man/samv-body.1 man/samv-assign.1
MAN5 = man/samv-records.5
MAN7 = man/samv-githooks.7
UNIT = test_lib test_schema schema_suite test_render
TEST_TOOLS = yaml2json protodigest yaml_suite
FUZZ_TARGETS = fuzz_loader fuzz_schema fuzz_ids fuzz_repo fuzz_cache
FUZZ_SECONDS ?= 60
VALGRIND_JOBS ?= 2
BINS = $(B)/bin/samv $(COMMANDS:%=$(B)/bin/samv-%)

DEPS_BUILD = $(B)/.deps-build
DEPS_CHECK = $(B)/.deps-check

.SECONDARY:

.PHONY: all demo check check-valgrind test unit man-lint lint install uninstall \
	clean deps bench

all: $(BINS)

deps: $(DEPS_BUILD)

$(DEPS_BUILD): tools/deps.sh
	@mkdir -p $(B)
	@sh tools/deps.sh build
	@touch $@

$(DEPS_CHECK): tools/deps.sh
	@mkdir -p $(B)
	@sh tools/deps.sh check
	@touch $@

$(B)/lib/%.o: lib/%.c lib/*.h Makefile | $(DEPS_BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/cmd/%.o: cmd/%.c cmd/common.h lib/*.h Makefile | $(DEPS_BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The caches in $GIT_DIR/samv/ are keyed by this: a hash of every source
# file, the same for every samv-* program of one build (their caches are
# shared), another for any change of code or schema.
$(B)/build_id.h: $(LIB_SRC) lib/*.h cmd/*.c cmd/*.h $(SCHEMAS) Makefile
	@mkdir -p $(dir $@)
	@cat $^ | sha256sum | sed 's/^\([0-9a-f]*\).*/#define SAMV_BUILD_ID "\1"/' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(B)/lib/util.o: $(B)/build_id.h

$(B)/libsamv.a: $(LIB_OBJ) Makefile
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

# The schemas are linted (only implemented keywords) and then compiled
# into the binary: schema/ stays the single source of truth.
$(B)/tools/embed: tools/embed.c | $(DEPS_BUILD)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -o $@ tools/embed.c

$(B)/tools/schema_lint: tests/unit/schema_lint.c $(B)/lib/yaml.o \
		$(B)/lib/util.o $(B)/lib/diag.o $(B)/lib/schema.o $(B)/lib/date.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

$(B)/schemas.c: $(SCHEMAS) $(B)/tools/embed $(B)/tools/schema_lint
	$(B)/tools/schema_lint $(SCHEMAS)
	$(B)/tools/embed $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(B)/lib/schemas.o: $(B)/schemas.c lib/schemas.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $(B)/schemas.c

# The dispatcher needs none of the libraries: linked without them it
# starts in a quarter of the time, before every samv COMMAND.
$(B)/bin/samv: $(B)/cmd/samv.o $(B)/cmd/common.o $(B)/libsamv.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $^ $(ALL_LDFLAGS) -lpthread

$(B)/bin/samv-%: $(B)/cmd/samv-%.o $(B)/cmd/common.o $(B)/libsamv.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libsamv.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

unit: $(UNIT:%=$(B)/tests/%) $(TEST_TOOLS:%=$(B)/tests/%) \
	$(FUZZ_TARGETS:%=$(B)/replay/%)

# Fuzzing (clang + libFuzzer): make fuzz [FUZZ_SECONDS=60]. Seed corpora
# come from the examples; crashes are kept in tests/fuzz/regress/TARGET/
# and replayed by make check.

$(B)/fuzz/%: tests/fuzz/%.c $(B)/libsamv.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

$(B)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(B)/libsamv.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

fuzz:
	@sh tools/deps.sh fuzz
	$(MAKE) FUZZ=1 fuzz-run

fuzz-run: $(FUZZ_TARGETS:%=$(B)/fuzz/%)
	sh tests/fuzz/run.sh $(B) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-run

# The demo: a temporary governance repository made from the bundled
# example region, checked and summarised.
demo: all
	@SAMV=$(CURDIR)/$(B)/bin/samv sh tools/demo.sh examples/jamtland

# prove gives the closing line CI reads; every test file is TAP.
check: all unit $(DEPS_CHECK) man-lint lint
	SAMV_BUILD=$(CURDIR)/$(B) SAMV_SRC=$(CURDIR) prove -f \
		$(UNIT:%=$(B)/tests/%) tests/*.bats

test: check

# The suite under valgrind memcheck (CI): the unit tests, and in the bats
# tests every samv command, the fuzz replays and the YAML test suite
# (tests/valgrind-run). VALGRIND_JOBS test files at a time, as each test
# has its own temporary directory; reports are kept in $(B)/valgrind and
# listed at the end.
check-valgrind: all unit $(DEPS_CHECK)
	@sh tools/deps.sh valgrind
	rm -rf $(B)/valgrind && mkdir -p $(B)/valgrind
	export SAMV_VALGRIND=1 SAMV_VALGRIND_LOG=$(CURDIR)/$(B)/valgrind \
		SAMV_BUILD=$(CURDIR)/$(B) SAMV_SRC=$(CURDIR); \
	prove -f --exec tests/valgrind-run $(UNIT:%=$(B)/tests/%) && \
	prove -f --timer -j$(VALGRIND_JOBS) tests/*.bats; st=$$?; \
	sh tests/valgrind-report $(B)/valgrind || st=1; exit $$st

# Static analysis with a checked-in configuration (tools/cppcheck.txt).
lint: | $(DEPS_CHECK)
	cppcheck --quiet --std=c11 --enable=warning,portability,performance \
		--inline-suppr --suppressions-list=tools/cppcheck.txt \
		--error-exitcode=1 -I lib -I cmd lib cmd tools/embed.c

man-lint: | $(DEPS_CHECK)
	mandoc -T lint -W warning $(MAN1) $(MAN5) $(MAN7)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(B)/bin/samv $(DESTDIR)$(BINDIR)/samv
	for c in $(COMMANDS); do \
		install -m 755 $(B)/bin/samv-$$c $(DESTDIR)$(LIBEXECDIR)/samv-$$c || exit 1; \
	done
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	install -m 644 $(SCHEMAS) $(DESTDIR)$(DATADIR)/schema/
	install -m 644 completion/samv.bash $(DESTDIR)$(BASHCOMPDIR)/samv

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/samv
	rm -rf $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(DATADIR)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(DESTDIR)$(BASHCOMPDIR)/samv

# The benchmark of issue #7 (bench/run.sh): make bench [QUICK=1].
# Results on stdout and in build/bench/last.md; see bench/RESULTS.md.
bench: all $(DEPS_CHECK)
	QUICK=$(QUICK) sh bench/run.sh

clean:
	rm -rf build build-san
