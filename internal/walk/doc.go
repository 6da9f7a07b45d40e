// Package walk walks the learner along the path, on the engine: it runs
// the concepts in curriculum order, from where the learner's last walk
// stopped, and stops at the first koan that fails, which is where the
// learner stands. It keeps that place, what the walk judged and the
// journal in .koans/ (package state), looks for what changed since, runs a
// race koan that just turned green once more, and reads KOANS_TIMEOUT.
// A look ahead (Ahead), one koan (One) and every concept at once (All) are
// engine runs of a selection, which move no place.
//
// Passed packages cost almost nothing on the next walk: go test caches
// passing results, and the walk runs all the concepts up to the one it last
// stopped at in a single go test call, or none when nothing they build from
// has changed.
package walk
