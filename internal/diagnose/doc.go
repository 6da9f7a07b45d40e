// Package diagnose turns what go test printed about one koan package into a
// judgement of each koan: passed, failed (and why, in the learner's terms,
// at the learner's line), or not run.
//
// It never runs go: a judgement depends only on the course, the run's
// events and the koans' source files, which it reads (to quote the line a
// koan fails at, and to find the loop of a koan that never finished). So it
// is tested on recorded streams (testdata/) replayed against the recorded
// koans.
package diagnose
