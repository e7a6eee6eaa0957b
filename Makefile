# The two commands the README gives: `make check` runs the main job (checking
# the example programme) and `make test` runs the tests. Both install the
# system libraries first when they are missing.
SWIFT ?= swift
DPFLOW = .build/debug/dpflow

.PHONY: bootstrap build check test bench reports clean

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

bench: bootstrap
	bench/run.sh

clean:
	rm -rf .build
