// Package solution sets a koan's reference solution (the same function in
// solutions/, the mirror of koans/) against the learner's own, line by
// line, with the koan's lesson in one line. It only reads files: whether
// the learner may see a solution (only for a koan already passed) is the
// runner's call.
package solution
