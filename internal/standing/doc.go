// Package standing is the model of where a learner stands: every concept's
// outcomes, the first failing koan, the koans passed. It holds results and
// how to settle them, and runs nothing: the engine fills it, the walk keeps
// it, and grade, hint and render read it.
package standing
