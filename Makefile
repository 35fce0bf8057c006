# `make run` and `make test` install what is missing (scripts/bootstrap), build, and go.
SWIFT ?= swift
SAMPLES ?= Samples
# Release builds link the Swift runtime and Foundation statically: about 5 ms less to start, which a person
# feels in `squint view` and the benchmarks measure.
RELEASE ?= -c release --static-swift-stdlib

.PHONY: all bootstrap build run test bench release clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

run: build
	$(SWIFT) run --skip-build squint $(SAMPLES)

test: bootstrap
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/run-tests

bench: bootstrap
	$(SWIFT) build $(RELEASE) --product squint
	$(SWIFT) build $(RELEASE) --product squint-bench
	.build/release/squint-bench

# The commit goes into `squint --version` (only here: a changing C define would rebuild everything each commit).
COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null)

release: bootstrap
	$(SWIFT) build $(RELEASE) -Xcc -DSQUINT_COMMIT='"$(COMMIT)"' --product squint
	@echo "built .build/release/squint"

clean:
	rm -rf .build
