// Package goline splits one line of Go into its tokens, comments included,
// for the checks that compare a koan's line with another (verify's mirror
// and its answer finder, grading's line rule): a line alone is rarely
// whole Go, so it is scanned, not parsed.
package goline
