// Package version is golang.org/x/exp/trace's internal/version (see
// package internal/xtrace): the versions of the trace format it reads.
package version
