// Package report is what the koan helper (package koan) and the koans runner
// agree on: the markers that start the lines the helper's guards print, and
// the one machine line of each report (a Report as JSON after the Data
// marker) that the runner decodes, never the sentences a person reads.
//
// It is a leaf: it imports neither testing nor goleak, so the runner can read
// the helper's reports without linking the helper, and the helper, imported
// by every koan package, can import it.
package report
