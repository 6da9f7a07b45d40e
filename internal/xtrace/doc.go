// Package trace is a copy of golang.org/x/exp/trace at
// v0.0.0-20261113113407-e3970619a1a4, the reader of the runtime's execution
// traces (go test -trace) that package internal/trace draws from. It reads
// the traces of Go 1.11 to 1.26; Go 1.27 writes the format of 1.26 ("go 1.26
// trace"), and reads with it (internal/trace's TestGo127Trace).
//
// It is a copy rather than a requirement because every version of
// golang.org/x/exp since August 2026 declares go 1.26.0 in its go.mod, which
// would raise this module's minimum Go from 1.25. The copy is x/exp's trace
// directory without its tests, its testdata, internal/testgen,
// internal/testtrace, internal/diff, internal/raw (used by tests only) and
// flightrecorder.go (a writer, which this course never uses), with
// "golang.org/x/exp/trace" replaced by this package's path in the imports.
// The package docs of tracev1 and version moved to a doc.go of their own.
// LICENSE is x/exp's. To take a newer version, copy it again the same way.
//
// Reader reads a trace event by event; Event.StateTransition says what a
// goroutine did (started, blocked with a reason and a stack, was woken, by
// whom, with what stack).
package trace
