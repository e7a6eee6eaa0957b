# The two commands the README gives: `make check` runs the main job (checking
# the example programme) and `make test` runs the tests. Both install the
# system libraries first when they are missing.
SWIFT ?= swift
DPFLOW = .build/debug/dpflow

.PHONY: bootstrap build check test bench reports clean fuzz sanitize hostile

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build

check: build
	$(DPFLOW) check Flows/homes-for-ukraine.yaml

test: bootstrap
	@scripts/bootstrap.sh --test
	$(SWIFT) build
	$(SWIFT) test

# The committed example outputs under Reports/ (tests check they are up to date):
# each example programme's report, and the MHCLG example department's map.
reports: build
	$(DPFLOW) report Flows/homes-for-ukraine.yaml --as-of 2026-11-29
	$(DPFLOW) report Examples/blue-badge-digital-service.yaml --as-of 2026-11-29
	$(DPFLOW) report Examples/shielded-patient-list.yaml --as-of 2026-11-29
	$(DPFLOW) map Flows -o Reports/department --as-of 2026-11-29 --fail-on never

# The benchmark of issue 13 (bench/run.sh): check against the libyaml floor
# (callgrind instructions, CPU side by side, peak RSS, stage shares) on the
# clean and the findings programme, text and json; 1k/10k/100k scaling;
# diagrams at 20/200/1,000 systems; report at 1k/10k. Writes bench/out/results.md.
# BENCH_MILLION=1 make bench adds 1,000,000 flows (about 700 MB of YAML, 5 GB RSS).
bench:
	@scripts/bootstrap.sh --bench
	bench/run.sh 10000 7

# The hostile inputs of issue 14 (bench/hostile.py) on a release build: time
# and peak memory of each (docs/security.md records the figures).
hostile: bootstrap
	bench/hostile.sh

# libFuzzer with AddressSanitizer over FuzzEntry (load, rules, every check
# format, DOT, trace, the report document model), for SECONDS seconds, from
# the committed seeds (Fuzz/corpus) and dictionary (Fuzz/yaml.dict). New
# inputs go to Fuzz/.build/corpus; a crash is written as Fuzz/.build/crash-*.
# Fuzz/ is a package of its own (libFuzzer supplies main); .link/dpflow gives
# this repository the package name dpflow whatever its folder is called.
FUZZ_SECONDS ?= $(if $(SECONDS),$(SECONDS),60)
fuzz: bootstrap
	mkdir -p Fuzz/.link Fuzz/.build/corpus
	ln -sfn ../.. Fuzz/.link/dpflow
	rm -f Fuzz/.build/*/release/description.json  # SwiftPM caches a path dependency's file list
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address
	Fuzz/.build/release/DPFlowFuzz Fuzz/.build/corpus Fuzz/corpus -dict=Fuzz/yaml.dict \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
	  -print_final_stats=1 -artifact_prefix=Fuzz/.build/crash-

# AddressSanitizer build (its own scratch path) and the tests that render with
# Graphviz, write files and replay the fuzz corpus, the CLI ones spawning the
# ASan-built binary. scripts/asan.supp documents the one suppression.
# The swift-testing tests only (--disable-xctest: XCTest's harness leaks when it
# runs no test); Swift's crash handler is off, since it hangs under ASan.
SANITIZE_TESTS = DPFlowSecurityTests|DPFlowDiagramTests\.DiagramTests|DPFlowReportTests|ReportCommandTests|DiagramCommandTests|SecurityCLITests
sanitize: bootstrap
	@scripts/bootstrap.sh --test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/asan
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/asan.supp:print_suppressions=0 \
	  $(SWIFT) test --skip-build --disable-xctest --sanitize=address --scratch-path .build/asan --filter '$(SANITIZE_TESTS)'

clean:
	rm -rf .build
