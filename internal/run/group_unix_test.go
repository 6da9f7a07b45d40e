//go:build unix

package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Cancelling a run ends the test binary too, not only go test: a koan left
// sleeping would else run on after the learner pressed Ctrl-C.
func TestCancellingARunEndsItsTestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a test binary")
	}
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/sleeper\n\ngo 1.25\n")
	write("sleep_test.go", `package sleeper

import (
	"os"
	"strconv"
	"testing"
	"time"
)

func TestSleep(t *testing.T) {
	os.WriteFile(`+strconv.Quote(pidFile)+`, []byte(strconv.Itoa(os.Getpid())), 0o644)
	time.Sleep(time.Minute)
}
`)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = Go(ctx, Options{Dir: dir, Vet: "off", Timeout: 2 * time.Minute}, "./...")
	}()
	var pid int
	for deadline := time.Now().Add(time.Minute); pid == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the test binary never started")
		}
		data, _ := os.ReadFile(pidFile)
		pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
	}
	cancel()
	<-done
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return // gone
		}
		if time.Now().After(deadline) {
			t.Fatalf("the test binary (pid %d) still runs after the run was cancelled", pid)
		}
	}
}
