# Top-level convenience wrapper around configure + meson + ninja.
#   make            configure (if needed) and build
#   make check      build and run every test suite (unit, qtest, sanitizer build)
#   make demo       run the demo on the simulated host
#   make bench      build and run the benchmarks (they print figures)
#   make install    install (honours DESTDIR and configure --prefix)

BUILD ?= build
SANBUILD ?= build-san
NINJA ?= ninja
MESON ?= meson
DEPS = scripts/install-deps.sh

.PHONY: all deps check check-unit check-qtest check-sanitizers check-fuzz demo bench install clean distclean fuzz fuzz-ckd-image format

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
	$(MAKE) -k --no-print-directory check-unit check-qtest; s1=$$?; \
	$(MAKE) --no-print-directory check-sanitizers; s2=$$?; \
	$(MAKE) --no-print-directory check-fuzz; \
	python3 scripts/test-summary.py $(BUILD)/meson-logs/testlog.json $(SANBUILD)/meson-logs/testlog.json \
	    --result $(FUZZBUILD)/fuzz-result.txt; s3=$$?; \
	[ $$s1 -eq 0 ] && [ $$s2 -eq 0 ] && [ $$s3 -eq 0 ]

check-unit: all
	$(MESON) test -C $(BUILD) --suite unit --print-errorlogs --num-processes 2

check-qtest: all
	$(MESON) test -C $(BUILD) --suite qtest --print-errorlogs --num-processes 2 --logbase testlog-qtest

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

# libFuzzer target of the CCW translator (clang): FUZZ_SECONDS per run.
FUZZBUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 30
fuzz:
	@EXTRA_PKGS="clang libclang-rt-14-dev" sh $(DEPS)
	@test -f $(FUZZBUILD)/build.ninja || ./configure --builddir=$(FUZZBUILD) --enable-fuzzing
	$(NINJA) -C $(FUZZBUILD) tests/fuzz/fuzz-ccw-xlate
	mkdir -p $(FUZZBUILD)/corpus/ccw-xlate
	$(FUZZBUILD)/tests/fuzz/fuzz-ccw-xlate -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=8192 -print_final_stats=1 -artifact_prefix=$(FUZZBUILD)/ \
	    $(FUZZBUILD)/corpus/ccw-xlate

# The CKD image parser and the 3390 engine on hostile image files; seeds
# in tests/fuzz/corpus/ckd-image, new inputs in $(FUZZBUILD)/corpus.
fuzz-ckd-image:
	@EXTRA_PKGS="clang libclang-rt-14-dev" sh $(DEPS)
	@test -f $(FUZZBUILD)/build.ninja || ./configure --builddir=$(FUZZBUILD) --enable-fuzzing
	$(NINJA) -C $(FUZZBUILD) tests/fuzz/fuzz-ckd-image
	mkdir -p $(FUZZBUILD)/corpus/ckd-image
	$(FUZZBUILD)/tests/fuzz/fuzz-ckd-image -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=4096 -print_final_stats=1 -artifact_prefix=$(FUZZBUILD)/ \
	    $(FUZZBUILD)/corpus/ckd-image tests/fuzz/corpus/ckd-image

# The fuzzers for a bounded time as part of make check; each fuzz target
# is one test in the summary (one line of fuzz-result.txt).
check-fuzz:
	@mkdir -p $(FUZZBUILD)
	@if $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS); then \
	    echo "fuzz-ccw-xlate OK" > $(FUZZBUILD)/fuzz-result.txt; \
	else echo "fuzz-ccw-xlate FAIL" > $(FUZZBUILD)/fuzz-result.txt; fi
	@if $(MAKE) --no-print-directory fuzz-ckd-image FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS); then \
	    echo "fuzz-ckd-image OK" >> $(FUZZBUILD)/fuzz-result.txt; \
	else echo "fuzz-ckd-image FAIL" >> $(FUZZBUILD)/fuzz-result.txt; fi

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	-$(NINJA) -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(SANBUILD)
