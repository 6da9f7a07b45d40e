// Package prove runs a koan, or every koan of a concept, many times at
// several -cpu settings under the race detector, and counts the passes of
// each: a race koan that turned green once has proven little, since a race
// the detector did not see in one run may show in the next.
//
// Each run is a run of its own test binary (built once, go test -c -race):
// the race detector reports a race once per process, so that the runs of
// one binary with -count=N would hide every race after the first. The
// output of the first failing run is kept, for the learner to read.
package prove
