// Package state owns .koans/, the runner's small memory in the learner's
// clone: where each tree's walk stopped (walk.json), how many hints of each
// koan were shown (hints.json), the backups reset keeps, the journal, the
// go test overlay and the crash log. The directory's layout is here and
// nowhere else; the packages that keep a file there ask a Dir for it.
//
// The files are the learner's, on disk across runner versions: their
// names and formats never change. A file that is missing or damaged reads
// as empty: the memory is a convenience, never a reason to stop.
package state
