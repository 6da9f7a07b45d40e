package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/gokoans/concurrency/internal/cli"
)

// watchCourse lays out a course with one failing koan (a blank) and builds
// the runner; it returns the course and the binary.
func watchCourse(t *testing.T) (dir, bin string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if err := layCourse(repo, dir); err != nil {
		t.Fatal(err)
	}
	if err := copyTree(filepath.Join(dir, "fixtures", "01_blank"), filepath.Join(dir, "koans", "01_blank"), false); err != nil {
		t.Fatal(err)
	}
	bin = filepath.Join(t.TempDir(), "koans")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// saveLikeVim fills the blank the way vim and JetBrains save: a new file,
// renamed over the old one.
func saveLikeVim(t *testing.T, dir string) {
	t.Helper()
	file := filepath.Join(dir, "koans", "01_blank", "blank_test.go")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	tmp := file + ".swp-new"
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(data), "__, <-ch", `"ping", <-ch`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// expect reads r until want appears, or fails after a while.
func expect(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	deadline := time.After(90 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("output ended before %q", want)
			}
			if strings.Contains(l, want) {
				return
			}
		case <-deadline:
			t.Fatalf("no %q after 90s", want)
		}
	}
}

func readLines(r io.Reader) <-chan string {
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return lines
}

// In a terminal: the verdict, a save by rename runs the koans again, and q
// quits.
func TestWatchInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	dir, bin := watchCourse(t)
	cmd := exec.Command(bin, "watch")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "NO_COLOR=1")
	tty, err := pty.Start(cmd)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer tty.Close()
	lines := readLines(tty)
	expect(t, lines, "Verdict  Fill in the blank")
	expect(t, lines, "Watching koans/ for saves")
	saveLikeVim(t, dir)
	expect(t, lines, "You have walked the whole path")
	expect(t, lines, "Watching koans/ for saves")
	if _, err := tty.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("watch ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("q did not end the watch")
	}
}

// With stdin closed (CI, an editor's task runner) it still runs on saves.
func TestWatchWithoutATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	dir, bin := watchCourse(t)
	cmd := exec.Command(bin, "watch", "-runs", "2")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := readLines(out)
	expect(t, lines, "Watching koans/ for saves")
	saveLikeVim(t, dir)
	expect(t, lines, "You have walked the whole path")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("watch -runs 2 ended with %v", err)
	}
}

// slowCourse lays out a course whose one koan writes a file named started
// beside itself, then sleeps for a minute; it returns the course, the
// binary and the started file.
func slowCourse(t *testing.T) (dir, bin, started string) {
	t.Helper()
	dir, bin = watchCourse(t)
	koan := filepath.Join(dir, "koans", "01_blank")
	if err := os.RemoveAll(koan); err != nil {
		t.Fatal(err)
	}
	slow := filepath.Join(dir, "koans", "01_slow")
	if err := os.MkdirAll(slow, 0o755); err != nil {
		t.Fatal(err)
	}
	src := `package slow

import (
	"os"
	"testing"
	"time"
)

func TestSlow(t *testing.T) {
	if err := os.WriteFile("started", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Minute)
}
`
	if err := os.WriteFile(filepath.Join(slow, "slow_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, bin, filepath.Join(slow, "started")
}

// Ctrl-C while a koan runs stops the run at once, in a terminal (a key
// press in raw mode) as without one (SIGINT): exit 130, not a word after
// the verdict that never came, nothing remembered of the run.
func TestWatchCtrlCStopsTheRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	for _, terminal := range []bool{false, true} {
		t.Run(map[bool]string{false: "SIGINT", true: "terminal"}[terminal], func(t *testing.T) {
			dir, bin, started := slowCourse(t)
			cmd := exec.Command(bin, "watch")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "NO_COLOR=1", "KOANS_TIMEOUT=2m")
			var out strings.Builder
			var interrupt func() error
			copied := make(chan struct{})
			if terminal {
				tty, err := pty.Start(cmd)
				if err != nil {
					t.Skipf("no pseudo-terminal here: %v", err)
				}
				defer tty.Close()
				go func() { _, _ = io.Copy(&out, tty); close(copied) }()
				interrupt = func() error { _, err := tty.Write([]byte{3}); return err }
			} else {
				cmd.Stdout = &out
				close(copied)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				interrupt = func() error { return cmd.Process.Signal(os.Interrupt) }
			}
			waitForFile(t, started, cmd)
			if err := interrupt(); err != nil {
				t.Fatal(err)
			}
			began := time.Now()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("Ctrl-C did not stop the run within 10s")
			}
			select {
			case <-copied: // the output is all there
			case <-time.After(5 * time.Second):
				t.Fatal("the terminal's output did not end")
			}
			if took := time.Since(began); took > 1500*time.Millisecond {
				t.Errorf("watch took %v to end after Ctrl-C", took.Round(time.Millisecond))
			}
			if code := cmd.ProcessState.ExitCode(); code != cli.ExitInterrupted {
				t.Errorf("exit %d (%v), want %d", code, err, cli.ExitInterrupted)
			}
			if strings.Contains(out.String(), "Watching koans/") || strings.Contains(out.String(), "Koan ") {
				t.Errorf("output after Ctrl-C:\n%s", out.String())
			}
			if _, err := os.Stat(filepath.Join(dir, ".koans", "walk.json")); err == nil {
				t.Error("the interrupted run was remembered in .koans/walk.json")
			}
		})
	}
}

// waitForFile waits until the koan has started (its file is there).
func waitForFile(t *testing.T, file string, cmd *exec.Cmd) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(file); err == nil {
			return
		}
	}
	_ = cmd.Process.Kill()
	t.Fatal("the koan never started")
}

// watch -poll looks at the files' times, as file events never do (a change
// of time alone is no event worth a run): a touch runs the koans again.
func TestWatchPollSeesWhatEventsDoNot(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	dir, bin := watchCourse(t)
	cmd := exec.Command(bin, "watch", "-poll", "-runs", "2")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := readLines(out)
	expect(t, lines, "Watching koans/ for saves")
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, "koans", "01_blank", "blank_test.go"), later, later); err != nil {
		t.Fatal(err)
	}
	expect(t, lines, "Verdict  Fill in the blank")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("watch -poll -runs 2 ended with %v", err)
	}
}
