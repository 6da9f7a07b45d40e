package trace

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

// chromium finds a headless-capable Chromium, or skips the test saying
// how to get one. (The classroom page's test has a launcher like this one;
// each package keeps its own, so that neither imports the other's tests.)
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (chromium, chromium-browser, google-chrome): apt-get install chromium to run the page's browser test")
	return ""
}

// load opens a page in headless Chromium and returns the DOM once its
// scripts have run, and what the browser logged (the console among it).
func load(t *testing.T, browser, page string) (dom, log string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
		"--dump-dom", "file://"+filepath.ToSlash(page)+"#selftest")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errs.String())
	}
	return out.String(), errs.String()
}

// consoleErrors are the console's errors in Chromium's log.
var consoleErrors = regexp.MustCompile(`(?m)^.*CONSOLE.*(?:Uncaught|Error|error).*$`)

// The page loads in a browser with no console error, its script runs, its
// lanes and marks are drawn, and zooming widens the picture.
func TestThePageLoadsInABrowser(t *testing.T) {
	browser := chromium(t)
	run, m := loadFixture(t, filepath.Join("testdata", "opposite_deadlock_cycle"))
	page := filepath.Join(t.TempDir(), "run.html")
	var b bytes.Buffer
	if err := HTML(&b, run, lang.English, m.Root); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := load(t, browser, page)
	if errs := consoleErrors.FindAllString(log, -1); len(errs) > 0 {
		t.Errorf("the console has errors:\n%s", strings.Join(errs, "\n"))
	}
	if !strings.Contains(dom, `data-ready="1"`) {
		t.Fatalf("the page's script did not run to its end:\n%s", dom)
	}
	if n := strings.Count(dom, `<line class="run"`) + strings.Count(dom, `<line class="wait"`); n < len(run.Lanes) {
		t.Errorf("%d lane segments drawn, want at least one for each of %d lanes", n, len(run.Lanes))
	}
	if n := strings.Count(dom, `class="ev `); n != len(run.Rows) {
		t.Errorf("%d marks drawn, want one for each of %d rows", n, len(run.Rows))
	}
	m2 := regexp.MustCompile(`data-zoomed="(\d+)"`).FindStringSubmatch(dom)
	w := regexp.MustCompile(`<svg id="run"[^>]* width="(\d+)"`).FindStringSubmatch(b.String())
	if m2 == nil || w == nil {
		t.Fatalf("no zoom seen (data-zoomed %v, width %v)", m2, w)
	}
	if z, _ := strconv.Atoi(m2[1]); z <= atoi(w[1]) {
		t.Errorf("zooming in made the picture %d wide, from %s", z, w[1])
	}
}

// The test sees a console error when there is one.
func TestTheBrowserTestSeesAConsoleError(t *testing.T) {
	browser := chromium(t)
	page := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(page, []byte("<!DOCTYPE html><html><body><script>nosuch();</script></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log := load(t, browser, page)
	if !consoleErrors.MatchString(log) {
		t.Errorf("a page whose script throws logged no console error the test can see:\n%s", log)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
