// Package cli is the runner's command line: the table of its commands
// (name, arguments, what each does, how it runs), the flag sets, the usage
// printed from that same table, so that what runs and what the usage
// lists cannot disagree, and the exit status each outcome maps to.
package cli
