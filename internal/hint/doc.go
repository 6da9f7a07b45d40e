// Package hint gives the learner the current koan's hints, one level more
// each time they ask: a nudge first, stronger ones after, never the
// answer. The levels shown are remembered in .koans/ (package state), and
// each hint asked on the learner's own path goes to the journal.
package hint
