// Package kind names the ways a koan can fail, and what each way means to
// the runner: how the learner reads it, whether it ends the test binary,
// whether a detector judges it, whether a koan may ship failing that way.
//
// A Kind is a string, and the strings are part of the runner's stable -json
// contract: add kinds, never rename one.
package kind
