# Top-level convenience wrapper around configure + meson + ninja.
#   make            configure (if needed) and build
#   make deps       install (as root) or name every package make check needs
#   make check      the same dependency step first, then build and run every
#                   test suite (unit, qtest, libvirt where installed,
#                   sanitizer build, a bounded run of each fuzzer); the last
#                   line is "N passed, N failed"
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (FUZZ=NAME: one)
#   make demo       run the demo on the simulated host
#   make bench      build and run the benchmarks (they print figures)
#   make install    install (honours DESTDIR and configure --prefix): the
#                   program, its man page, trace-events-all, the docs
#   make check-kernel  the real-kernel tier: Debian's s390x kernel under TCG
#                   with vfio_ccw, Debian's amd64 kernel with vfio-pci
#                   (docs/devel/testing-kernel.rst; CK_ONLY=s390x|x86;
#                   its packages: sh scripts/install-deps.sh kernel)
#   make check-libvirt  the libvirt tier: Debian's libvirt drives the program
#                   (installs it as root; docs/devel/testing-libvirt.rst)
# The Debian package: dpkg-buildpackage -b (debian/, docs/system/s390x/
# packaging.rst).

BUILD ?= build
SANBUILD ?= build-san
NINJA ?= ninja
MESON ?= meson
DEPS = scripts/install-deps.sh

.PHONY: all deps check check-unit check-qtest check-guest check-sanitizers check-fuzz demo bench install clean distclean fuzz format format-check

all: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

# every package `make check` needs (DEPS_SETS=build: only the build's)
DEPS_SETS ?= check
deps:
	@sh $(DEPS) $(DEPS_SETS)

$(BUILD)/build.ninja:
	@sh $(DEPS)
	./configure --builddir=$(BUILD)

$(SANBUILD)/build.ninja:
	@sh $(DEPS)
	./configure --builddir=$(SANBUILD) --enable-sanitizers --enable-debug

# make check: first one dependency step that names every missing package
# the suites need (as root: installs them), before anything is built; then
# each suite.  A build that fails, or a suite that leaves no results, counts
# as one failed test.  The last line of the output is the total of
# scripts/test-summary.py, "N passed, N failed", also when something fails
# (make then adds its own "Error" note on stderr); the exit status is 1 when
# N failed is not 0.
CHECK_STEPS = $(BUILD)/check-steps.txt

check:
	@if ! sh $(DEPS) check; then \
	    echo "make check: install the packages named above first; nothing was built or run"; \
	    echo "0 passed, 1 failed"; exit 1; \
	fi
	@rm -f $(BUILD)/meson-logs/testlog*.json $(SANBUILD)/meson-logs/testlog*.json; \
	steps=; \
	if $(MAKE) --no-print-directory all; then \
	    $(MAKE) -k --no-print-directory check-unit check-qtest check-guest check-libvirt-suite; \
	    [ -f $(BUILD)/meson-logs/testlog.json ] || steps="$$steps unit"; \
	    [ -f $(BUILD)/meson-logs/testlog-qtest.json ] || steps="$$steps qtest"; \
	else steps="$$steps build"; fi; \
	if $(MAKE) --no-print-directory $(SANBUILD)/build.ninja && $(NINJA) -C $(SANBUILD); then \
	    $(MAKE) --no-print-directory check-sanitizers; \
	    [ -f $(SANBUILD)/meson-logs/testlog.json ] || steps="$$steps sanitizers"; \
	else steps="$$steps build-sanitizers"; fi; \
	$(MAKE) --no-print-directory check-fuzz; \
	$(MAKE) --no-print-directory check-kernel-result; \
	mkdir -p $(BUILD); : > $(CHECK_STEPS); \
	for s in $$steps; do echo "$$s FAIL" >> $(CHECK_STEPS); done; \
	python3 scripts/test-summary.py $(BUILD)/meson-logs/testlog.json $(SANBUILD)/meson-logs/testlog.json \
	    --result $(CHECK_STEPS) --result $(FUZZ_RESULT) --result $(KERNEL_RESULT) \
	    --expect '$(addprefix fuzz-,$(FUZZ))'

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

# the guest program needs the cross compiler: installed first (as root),
# and a build configured before it was there is configured again
demo:
	@sh $(DEPS) demo
	@if [ -f $(BUILD)/build.ninja ] && command -v s390x-linux-gnu-gcc >/dev/null && \
	    ! grep -q demo-dasd.elf $(BUILD)/build.ninja; then \
	    $(MESON) setup --reconfigure $(BUILD); fi
	$(MAKE) --no-print-directory all
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
FUZZ_TARGETS += sclp
FUZZ_TARGETS += cmdline
FUZZ_TARGETS += ckd-image
FUZZ_TARGETS += clp
FUZZ_TARGETS += pci-bdf
FUZZ_TARGETS += vfio-pci-sim
FUZZ_ARGS_ccw-xlate = -max_len=8192
FUZZ_ARGS_qmp = -max_len=4096 -close_fd_mask=3 -dict=tests/fuzz/qmp.dict
FUZZ_ARGS_qtest = -max_len=4096 -close_fd_mask=3 -dict=tests/fuzz/qtest.dict
FUZZ_ARGS_sclp = -max_len=8192 -close_fd_mask=3
FUZZ_ARGS_cmdline = -max_len=1024 -close_fd_mask=3
FUZZ_ARGS_ckd-image = -max_len=4096
FUZZ_ARGS_clp = -max_len=8192
FUZZ_ARGS_pci-bdf = -max_len=256
FUZZ_ARGS_vfio-pci-sim = -max_len=4100
# the targets to build and run: "make fuzz FUZZ=qmp" runs one
FUZZ ?= $(FUZZ_TARGETS)
FUZZ_RESULT = $(FUZZBUILD)/fuzz-result.txt

.PHONY: fuzz-build

fuzz-build:
	@sh $(DEPS) fuzz
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

# The real-kernel tier (docs/devel/testing-kernel.rst): downloads Debian
# packages into $(BUILD)/check-kernel and boots Debian's s390x kernel, then
# its amd64 kernel with the native $(BUILD)/qemu-system-s390x inside.
# make check runs it too (check-kernel-result: each check one result line
# for the total; CHECK_KERNEL=0 leaves it out; without the archive or
# Debian's QEMUs it skips).
.PHONY: check-kernel check-kernel-result
check-kernel: all
	sh scripts/check-kernel/run.sh $(BUILD)

KERNEL_RESULT = $(BUILD)/check-kernel-result.txt
CHECK_KERNEL ?= 1
check-kernel-result:
	@mkdir -p $(BUILD); : > $(KERNEL_RESULT); \
	if [ "$(CHECK_KERNEL)" = 0 ]; then \
	    echo "check-kernel: not run (CHECK_KERNEL=0)"; exit 0; \
	fi; \
	sh scripts/check-kernel/run.sh $(BUILD) 2>&1 | tee $(BUILD)/check-kernel.log; \
	awk '/^ok /{ print "kernel:" $$2 " OK" } /^not ok /{ print "kernel:" $$3 " FAIL" }' \
	    $(BUILD)/check-kernel.log > $(KERNEL_RESULT); \
	grep -qE '^[0-9]+ passed, [0-9]+ failed' $(BUILD)/check-kernel.log || \
	    echo "kernel:run FAIL" >> $(KERNEL_RESULT)

# The libvirt tier (docs/devel/testing-libvirt.rst): virsh with libvirt's
# embedded QEMU driver, its state in $(BUILD)/check-libvirt. Without
# libvirt (not root, nothing installed) it skips and exits 0.
# make check runs it as meson's suite libvirt (tests/libvirt/meson.build,
# skipped there without libvirt; make check does not install libvirt).
.PHONY: check-libvirt check-libvirt-suite
check-libvirt: all
	@sh $(DEPS) check-libvirt || true
	python3 tests/libvirt/check-libvirt.py $(BUILD)

check-libvirt-suite: all
	$(MESON) test -C $(BUILD) --suite libvirt --print-errorlogs --logbase testlog-libvirt

clean:
	-$(NINJA) -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(SANBUILD) $(FUZZBUILD)
