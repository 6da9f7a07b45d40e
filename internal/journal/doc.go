// Package journal keeps the learner's journal: .koans/journal.jsonl, an
// append-only file of JSON lines, one typed event each (a koan reached, a
// run that found it failing and how, a hint asked, the koan passed), and
// sums it up for the learner and their instructor (see Summarize).
//
// Only the learner's own walk of the path and `hint` write to it; verify,
// stress and other selected walks never do. Nothing in it names the learner,
// and nothing sends it anywhere: it stays in .koans/, which git ignores,
// unless the learner commits it.
//
// Appending is one small write (the save-to-verdict time is measured). A
// line that cannot be read (a crash mid-write, a hand edit) never stops the
// runner: Read skips it and counts it.
package journal
