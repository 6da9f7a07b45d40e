// Package render turns a walk's standing into what the learner reads: the
// terminal text, or the one-line JSON verdict that tools and graders read.
// It is the only package that knows about colour.
package render
