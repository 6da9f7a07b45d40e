// Package trace shows a learner their own run: it reads the runtime trace
// of one koan (go test -trace, read with golang.org/x/exp/trace), keeps the
// koan's goroutines only (the test's, those its code started, and theirs;
// never the runtime's, the test framework's or the hang guard's), and draws
// them as lanes over time: where each started, each time it blocked and on
// what, who woke it and with what, and how it ended. It draws in the
// terminal (Text) and as one self-contained HTML page with an SVG (HTML).
//
// The picture is drawn in the order things happened, one row per event,
// with the real time beside each row: a koan inside a synctest bubble runs
// on a fake clock the trace does not record, so its order is what is drawn.
// The race detector's accesses are not in the trace: a race koan's two
// accesses are read from the race report and marked on their lanes at the
// end. A deadlocked koan's wait-for cycle comes from the hang guard's dump
// (package waitfor), as the verdict names it.
package trace
