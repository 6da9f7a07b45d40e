//go:build unix

package verify

import (
	"os/exec"
	"syscall"
)

// ownGroup puts a test binary and the processes it starts (a koan may run
// itself again) in a process group of their own, which the context's
// cancellation kills whole.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
