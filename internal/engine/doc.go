// Package engine judges a selection of a course's koans: it runs every
// selected package in one go test -json call (go runs packages side by
// side), judges each koan (package diagnose), and runs again only what one
// run could not say: a package vet stopped, without vet; the koans a crash
// kept from their leak check or from running at all, without the koans
// already judged. It knows nothing of the learner: no saved position, no
// .koans/, no environment, no git (package walk is the learner's path on
// top of it; verify, stress and grade call it with explicit selections).
package engine
