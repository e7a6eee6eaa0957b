# The two commands the README gives: `make check` runs the main job (checking
# the example programme) and `make test` runs the tests. Both install the
# system libraries first when they are missing.
SWIFT ?= swift
DPFLOW = .build/debug/dpflow

.PHONY: bootstrap build check test bench clean

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build

check: build
	$(DPFLOW) check Flows/homes-for-ukraine.yaml

test: bootstrap
	$(SWIFT) build
	$(SWIFT) test

bench: bootstrap
	bench/run.sh

clean:
	rm -rf .build
