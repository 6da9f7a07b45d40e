// Package traceback reads the goroutine dumps that the Go runtime prints
// (after a panic, a fatal error, a test timeout, or runtime.Stack(buf, true))
// into a small model: goroutines, their wait states, their frames and the go
// statement that started each one.
//
// The parser is lenient: it picks goroutine blocks out of any surrounding text
// and ignores lines it does not understand, because dumps reach the runner
// interleaved with test output.
package traceback
