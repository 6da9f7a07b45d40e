# Go Concurrency Koans. `make koans` to walk the path, `make test` for every check.
# Everything runs through `go`, so the first call of a target builds what it needs.

SHELL := bash
GO    ?= go
# The Go packages of the machinery (the koans and solutions are judged by verify).
CODE  := ./cmd/... ./internal/... ./koan/... ./scripts/...

# The learner's commands run the runner from bin/, built again only when one of
# its source files is newer: `go tool koans` would ask go to check the whole
# build for staleness on every save, a few tenths of a second each time.
ifeq ($(OS),Windows_NT)
EXE := .exe
endif
KOANS     := bin/koans$(EXE)
KOANS_SRC := $(shell find cmd internal koan -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*') go.mod go.sum
# A new Go release builds it again too (its VERSION file, where go has one).
KOANS_SRC += $(wildcard $(dir $(shell command -v $(GO)))../VERSION)

.DEFAULT_GOAL := koans
.PHONY: koans watch hint list reset lang stats solution trace prove test unit unit-race unit-all short verify verify-next lint stress mutate adversary bench solutions-branch autograder help

## koans: run the path and show the next failing koan (KOAN=TestName or CONCEPT=05_x: that one alone)
koans: $(KOANS)
	@$(KOANS) run $(KOAN) $(CONCEPT); s=$$?; [ $$s -le 1 ] || exit $$s

## watch: run again on every save (keys: h hint, l list, r run, q quit)
watch: $(KOANS)
	@$(KOANS) watch

## hint: a nudge for the current koan (ask again for a stronger one); KOAN=TestName for another
hint: $(KOANS)
	@$(KOANS) hint $(KOAN)

## list: the map of the path as your last walk judged it, at once (RUN=1 judges every koan now)
list: $(KOANS)
	@$(KOANS) list $(if $(RUN),-run)

## reset: restore a koan's file as shipped, keeping yours: make reset KOAN=TestName (or a file)
reset: $(KOANS)
	@$(KOANS) reset $(KOAN)

## stats: your journal summed up: time per concept, the hardest koans, the commonest ways to fail
stats: $(KOANS)
	@$(KOANS) stats

## lang: the comments of your koan files in Chinese or back in English: make lang L=zh (or L=en)
lang: $(KOANS)
	@$(KOANS) lang $(L)

## solution: a passed koan's solution against yours: make solution (the last passed) or KOAN=TestName
solution: $(KOANS)
	@$(KOANS) solution $(KOAN); s=$$?; [ $$s -le 1 ] || exit $$s

## trace: see the current koan run: its goroutines over time (KOAN=TestName for another; HTML=page.html for a page too)
trace: $(KOANS)
	@$(KOANS) trace $(if $(KOAN),-koan $(KOAN)) $(if $(HTML),-html $(HTML)); s=$$?; [ $$s -le 1 ] || exit $$s

## prove: run the last koan passed (or KOAN=TestName, CONCEPT=05_x) N=20 times at -cpu 1,2,4,8 under -race
prove: $(KOANS)
	@$(KOANS) prove $(if $(KOAN),-koan $(KOAN))$(if $(CONCEPT),-koan $(CONCEPT)) $(if $(N),-n $(N)); s=$$?; [ $$s -le 1 ] || exit $$s

# go build -v names each package as it builds it: counted on one line (a
# terminal) or summed up at the end, so the first build is not silent.
$(KOANS): $(KOANS_SRC)
	@echo "Building the koans runner (once, and again when it changes)..." >&2
	@set -o pipefail; $(GO) build -v -o $@ ./cmd/koans 2>&1 | { n=0; \
	  while IFS= read -r l; do case "$$l" in *[\ :]*|'#'*) echo "$$l" >&2;; \
	    *) n=$$((n+1)); if [ -t 2 ]; then printf '\r  built %d packages' $$n >&2; fi;; esac; done; \
	  if [ $$n -gt 0 ]; then if [ -t 2 ]; then echo >&2; else echo "  built $$n packages" >&2; fi; fi; }

## test: every check: the runner's tests, the course's proof, and the linters, side by side
# They mostly wait (for go test's builds, the koans' hang guards and
# deadlines), so they run at once: each one's output is printed whole when
# it ends (--output-sync), and make test fails if any of them does. A make
# without --output-sync (macOS's 3.81) runs them one after another.
SIDE_BY_SIDE := $(if $(filter output-sync,$(.FEATURES)),-j4 --output-sync=target)
test: export KOANS_MAINTAINER = 1
test:
	@$(MAKE) --no-print-directory $(SIDE_BY_SIDE) unit-race unit-all verify lint

## unit: the runner's and the helper's own tests: the unit tests under -race, then all of them without
# The end-to-end tests (testscripts, the watch screen, verify on fixtures) run
# go test -race on fixture koans themselves; under -race as well they take
# longer (the 35 testscripts: 296 s of test time against 217 s) and check
# nothing more of the runner, whose code paths the unit tests run under
# -race in the first pass (unit-race; unit-all is the second). cmd/koans's
# scripts take minutes, more beside verify on a busy machine: go test's
# default deadline of ten minutes is too short for them there.
unit: export KOANS_MAINTAINER = 1
unit: unit-race unit-all
unit-race:
	$(GO) tool gotestsum --format testname -- -race -short $(CODE)
unit-all:
	$(GO) tool gotestsum --format testname -- -timeout=20m $(CODE)

## short: the fast tier for a contributor's loop: every unit test, no end-to-end test, no -race
short:
	$(GO) test -short $(CODE)

## verify: every koan fails for its catalog's reason; every solution passes; the mirror holds
verify:
	$(GO) tool koans verify

## verify-next: verify again on the newest Go the course is tested on (NEXT_GO), for the koans that need it
# The course is tested on the two Go releases the Go team supports (1.26 and
# 1.27): verify runs on the Go at hand and skips the koans whose files need
# a newer one (//go:build go1.27); here it runs again on NEXT_GO, which the
# go command fetches from the module proxy the first time (about 10 s), and
# the adversary attacks the koans that need it, which make adversary skips.
NEXT_GO ?= go1.27.3
verify-next:
	GOTOOLCHAIN=$(NEXT_GO) $(GO) tool koans verify
	GOTOOLCHAIN=$(NEXT_GO) $(GO) tool koans adversary -gated

## lint: gofmt, go mod tidy, go vet and staticcheck on the machinery, actionlint on the workflows
lint:
	@bad=$$(gofmt -l cmd internal koan koans solutions); if [ -n "$$bad" ]; then echo "gofmt would change:"; echo "$$bad"; exit 1; fi
	$(GO) mod tidy -diff
	$(GO) vet $(CODE)
	$(GO) tool staticcheck $(CODE)
	$(GO) tool actionlint .github/workflows/*.yml

## stress: solutions 50 times at -cpu 1,2,4,8 under -race, koans judged 10 times; flakes by koan
stress:
	$(GO) tool koans stress

## mutate: take each line of synchronisation out of the solutions in turn; the koan must fail in each of 3 runs
mutate:
	$(GO) tool koans mutate

## adversary: the wrong answers a learner would try (declared in the catalogs, and generic) fail in every run
adversary:
	$(GO) tool koans adversary

## bench: save-to-verdict time of make koans against a bare go test of the same koan
bench:
	$(GO) run ./scripts/bench

## solutions-branch: build the git branch `solutions` with the solved koans in koans/
solutions-branch:
	bash scripts/solutions-branch

## autograder: the Classroom 50 autograder's bundle: the course as committed (no solutions/) in classroom50/autograders/go-concurrency-koans/course.tar.gz
# What grades a learner must come from outside their repository: the runner,
# the koan helper, go.mod and go.sum, and koans/ as shipped. The answers stay
# out (the bundle is served from the teacher's Pages site).
AUTOGRADER := classroom50/autograders/go-concurrency-koans
COURSE_PATHS := go.mod go.sum cmd internal koan koans
autograder:
	git archive --format=tar.gz -o $(AUTOGRADER)/course.tar.gz HEAD -- $(COURSE_PATHS) ':(exclude)*/testdata/*'
	@echo "$(AUTOGRADER)/course.tar.gz: $$(wc -c < $(AUTOGRADER)/course.tar.gz) bytes (Classroom 50 fetches a bundle of at most 10 MB); copy the folder to CLASSROOM/autograders/ASSIGNMENT/"

## help: this list
help:
	@grep -E '^## ' Makefile | sed 's/^## /  make /'
