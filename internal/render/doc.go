// Package render turns a walk's standing into what the learner reads on a
// terminal: the verdict as text, the map of the path (list), the first run's
// build progress. It is the only package that knows about colour; the -json
// contract it prints from is package verdict's.
package render
