//go:build unix

package run

import (
	"os/exec"
	"syscall"
)

// ownGroup puts go test and the test binaries it starts in a process group
// of their own, and makes the context's cancellation kill the whole group:
// killing go alone would leave a koan's test binary running (sleeping, or
// stuck) until its own deadline, after the learner pressed Ctrl-C.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
