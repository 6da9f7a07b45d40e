# Go Concurrency Koans. `make koans` to walk the path, `make test` for every check.
# Everything runs through `go tool`, so the first call of a target builds what it needs.

SHELL := bash
GO    ?= go
# The Go packages of the machinery (the koans and solutions are judged by verify).
CODE  := ./cmd/... ./internal/... ./koan/...

.DEFAULT_GOAL := koans
.PHONY: koans watch hint list test unit verify lint stress mutate bench solutions-branch help

## koans: run the path and show the next failing koan (the learner's main command)
koans:
	@$(GO) tool koans; s=$$?; [ $$s -le 1 ] || exit $$s

## hint: a nudge for the current koan (ask again for a stronger one)
hint:
	@$(GO) tool koans hint

## test: every check: the runner's tests, the course's proof, and the linters
test: unit verify lint

## unit: the runner's and the helper's own tests, under -race
unit:
	$(GO) tool gotestsum --format testname -- -race $(CODE)

## verify: every koan fails for its catalog's reason; every solution passes; the mirror holds
verify:
	$(GO) tool koans verify

## lint: gofmt, go vet and staticcheck on the machinery
lint:
	@bad=$$(gofmt -l cmd internal koan koans solutions); if [ -n "$$bad" ]; then echo "gofmt would change:"; echo "$$bad"; exit 1; fi
	$(GO) vet $(CODE)
	$(GO) tool staticcheck $(CODE)
	$(GO) tool actionlint

## help: this list
help:
	@grep -E '^## ' Makefile | sed 's/^## /  make /'
