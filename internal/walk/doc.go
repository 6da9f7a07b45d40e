// Package walk walks the learner along the path: it runs the concepts in
// curriculum order with go test, judges each koan, and stops at the first
// koan that fails, which is where the learner stands.
//
// Passed packages cost almost nothing on the next walk: go test caches
// passing results, and the walk runs all the concepts up to the one it last
// stopped at in a single go test call.
package walk
