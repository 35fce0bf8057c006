# `make run` and `make test` install what is missing (scripts/bootstrap), build, and go.
SWIFT ?= swift
SAMPLES ?= Samples
# Release builds link the Swift runtime and Foundation statically: about 5 ms less to start, which a person
# feels in `squint view` and the benchmarks measure.
RELEASE ?= -c release --static-swift-stdlib

.PHONY: all bootstrap build run test bench release install clean

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

# `make install PREFIX=~/.local`: the binary, shell completions for bash, zsh and fish, and the man page.
PREFIX ?= /usr/local
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 .build/release/squint $(DESTDIR)$(PREFIX)/bin/squint
	.build/release/squint --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/squint
	.build/release/squint --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_squint
	.build/release/squint --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/squint.fish
	mkdir -p .build/man
	# The man page is the same from any build: the debug one (already there after `make build`) spares a
	# second release build, which the plugin's own flags would make from scratch.
	$(SWIFT) build
	$(SWIFT) package --allow-writing-to-directory .build/man generate-manual --configuration debug --output-directory .build/man
	install -m 0644 .build/man/squint.1 $(DESTDIR)$(PREFIX)/share/man/man1/squint.1
	@echo "installed squint under $(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build
