# `make run` and `make test` install what is missing (scripts/bootstrap), build, and go.
SWIFT ?= swift
SAMPLES ?= Samples

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
	$(SWIFT) test --skip-build

bench: bootstrap
	$(SWIFT) build -c release --product squint
	$(SWIFT) build -c release --product squint-bench
	.build/release/squint-bench

release: bootstrap
	$(SWIFT) build -c release --product squint
	@echo "built .build/release/squint"

clean:
	rm -rf .build
