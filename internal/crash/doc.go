// Package crash turns a panic of the runner's own, in any of its
// goroutines, into a report the learner can hand on: the panic and its
// stack written to .koans/crash.log, the terminal put back as it was, one
// short paragraph in the learner's language naming the file, and exit
// status 2.
//
// A panic can only be recovered in the goroutine that panics, so Main
// recovers its own (Report), and every goroutine the runner starts runs
// through Go or Guard, which recover and hand the panic to the same
// reporter, then end the process: a goroutine cannot return Main's exit
// status. The reporter is set once per process (Install), because the
// goroutines are started deep in packages that know nothing of Main.
package crash
