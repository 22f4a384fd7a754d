# Top-level convenience wrapper around configure + meson + ninja.
#   make            configure (if needed) and build
#   make check      build and run every test suite (unit, qtest, sanitizer build,
#                   a bounded run of each fuzzer)
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (FUZZ=NAME: one)
#   make demo       run the demo on the simulated host
#   make bench      build and run the benchmarks (they print figures)
#   make install    install (honours DESTDIR and configure --prefix)

BUILD ?= build
SANBUILD ?= build-san
NINJA ?= ninja
MESON ?= meson
DEPS = scripts/install-deps.sh

.PHONY: all deps check check-unit check-qtest check-guest check-sanitizers check-fuzz demo bench install clean distclean fuzz format format-check

all: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

deps:
	@sh $(DEPS)

$(BUILD)/build.ninja:
	@sh $(DEPS)
	./configure --builddir=$(BUILD)

$(SANBUILD)/build.ninja:
	@sh $(DEPS)
	./configure --builddir=$(SANBUILD) --enable-sanitizers --enable-debug

check: all
	$(MAKE) -k --no-print-directory check-unit check-qtest check-guest; s1=$$?; \
	$(MAKE) --no-print-directory check-sanitizers; s2=$$?; \
	$(MAKE) --no-print-directory check-fuzz; \
	python3 scripts/test-summary.py $(BUILD)/meson-logs/testlog.json $(SANBUILD)/meson-logs/testlog.json \
	    --result $(FUZZ_RESULT) --expect '$(addprefix fuzz-,$(FUZZ))'; s3=$$?; \
	[ $$s1 -eq 0 ] && [ $$s2 -eq 0 ] && [ $$s3 -eq 0 ]

check-unit: all
	$(MESON) test -C $(BUILD) --suite unit --print-errorlogs --num-processes 2

check-qtest: all
	$(MESON) test -C $(BUILD) --suite qtest --print-errorlogs --num-processes 2 --logbase testlog-qtest

# Bare-metal guest programs under -accel tcg (tests/guest; skip without
# s390x-linux-gnu-gcc)
check-guest: all
	$(MESON) test -C $(BUILD) --suite guest --print-errorlogs --num-processes 2 --logbase testlog-guest

# Unit and qtest suites again under AddressSanitizer + UndefinedBehaviorSanitizer.
check-sanitizers: $(SANBUILD)/build.ninja
	$(NINJA) -C $(SANBUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MESON) test -C $(SANBUILD) --suite unit --suite qtest --print-errorlogs --num-processes 2 --timeout-multiplier 3

demo: all
	sh scripts/demo.sh $(BUILD)/qemu-system-s390x

bench: all
	sh scripts/bench.sh $(BUILD)

install: all
	$(MESON) install -C $(BUILD) $(if $(DESTDIR),--destdir $(DESTDIR))

# libFuzzer targets (clang, ASan+UBSan; docs/devel/fuzzing.rst). One line
# per target NAME (tests/fuzz/fuzz-NAME.c, seeds in tests/fuzz/corpus/NAME);
# FUZZ_ARGS_NAME adds libFuzzer options for it.
FUZZBUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 20
FUZZ_TARGETS = ccw-xlate
FUZZ_TARGETS += qmp
FUZZ_TARGETS += qtest
FUZZ_TARGETS += cmdline
FUZZ_TARGETS += ckd-image
FUZZ_TARGETS += clp
FUZZ_ARGS_ccw-xlate = -max_len=8192
FUZZ_ARGS_qmp = -max_len=4096 -close_fd_mask=3 -dict=tests/fuzz/qmp.dict
FUZZ_ARGS_qtest = -max_len=4096 -close_fd_mask=3 -dict=tests/fuzz/qtest.dict
FUZZ_ARGS_cmdline = -max_len=1024 -close_fd_mask=3
FUZZ_ARGS_ckd-image = -max_len=4096
FUZZ_ARGS_clp = -max_len=8192
# the targets to build and run: "make fuzz FUZZ=qmp" runs one
FUZZ ?= $(FUZZ_TARGETS)
FUZZ_RESULT = $(FUZZBUILD)/fuzz-result.txt

.PHONY: fuzz-build

fuzz-build:
	@EXTRA_PKGS="clang libclang-rt-14-dev" sh $(DEPS)
	@test -f $(FUZZBUILD)/build.ninja || ./configure --builddir=$(FUZZBUILD) --enable-fuzzing
	$(NINJA) -C $(FUZZBUILD) $(addprefix tests/fuzz/fuzz-,$(FUZZ))

# Each target for FUZZ_SECONDS; every one runs even when one fails.
fuzz: fuzz-build
	@rm -f $(FUZZ_RESULT); st=0; \
	$(foreach t,$(FUZZ),sh tests/fuzz/run-fuzz.sh $(FUZZBUILD) $(t) $(FUZZ_SECONDS) $(FUZZ_RESULT) $(FUZZ_ARGS_$(t)) || st=1;) \
	exit $$st

# The fuzzers for a bounded time as part of make check; each target is one
# test in the summary (a failed build fails them all).
check-fuzz:
	@mkdir -p $(FUZZBUILD); rm -f $(FUZZ_RESULT)
	@if $(MAKE) --no-print-directory fuzz-build; then \
	    $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS); \
	else for t in $(FUZZ); do echo "fuzz-$$t FAIL" >> $(FUZZ_RESULT); done; exit 1; fi

# Formatting (.clang-format, Debian's clang-format 14) of the C files changed
# since FORMAT_BASE (default: uncommitted changes only).
FORMAT_BASE ?= HEAD
format:
	sh scripts/check-format.sh --fix $(FORMAT_BASE)

format-check:
	sh scripts/check-format.sh $(FORMAT_BASE)

clean:
	-$(NINJA) -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(SANBUILD) $(FUZZBUILD)
