// Package run runs koan packages under go test -json and gathers, for each
// package, what happened to each test: started, passed, failed, skipped, or
// started and never finished (the binary died), with the output of each.
//
// It does not judge (package diagnose does) and prints nothing: Warm tells
// how far a first build is through a callback (render.Progress says it).
// Keeping the raw events lets the runner's tests record real streams and
// replay them (see diagnose's testdata).
package run
