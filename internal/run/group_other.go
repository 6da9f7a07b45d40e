//go:build !unix

package run

import "os/exec"

// ownGroup does nothing where there are no process groups: cancelling the
// context kills go test alone.
func ownGroup(*exec.Cmd) {}
