package class

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable Chromium: $KOANS_CHROMIUM, else the
// usual names on PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("KOANS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (chromium, chromium-browser, google-chrome; or set KOANS_CHROMIUM): the class view's page is not tested in a browser here. Debian: apt-get install chromium (.ci/run does)")
	return ""
}

// browse runs headless Chromium on the page with args, and returns its
// standard output and what it logged.
func browse(t *testing.T, bin, page string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--log-level=0"}, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, "file://"+page)...)
	var out, log strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, log.String())
	}
	return out.String(), log.String()
}

// The class view's page in a real browser: it loads with no console
// message (an error, a blocked request), the script draws every cell of
// the heatmap, and it is kept as a screenshot 390 pixels wide (a phone) and 2000 tall (the whole page),
// in testdata/out/ (which git ignores).
func TestTheClassPageDrawsItsHeatmapInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser: not in -short")
	}
	bin := chromium(t)
	v := fixtureView(t)
	out, err := filepath.Abs(filepath.Join("testdata", "out"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, "class.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.HTML(f, "Go Concurrency Koans: the fixture class"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	dom, log := browse(t, bin, page, "--dump-dom")
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, ":CONSOLE") {
			t.Errorf("the page wrote to the console: %s", l)
		}
	}
	want := len(v.Learners) * len(v.Order)
	if n := strings.Count(dom, `<rect class="cell `); n != want {
		t.Errorf("the heatmap has %d cells drawn, want %d (%d learners × %d koans)", n, want, len(v.Learners), len(v.Order))
	}
	if m := regexp.MustCompile(`data-cells="(\d+)"`).FindStringSubmatch(dom); m == nil {
		t.Error("the script did not finish drawing the heatmap")
	}
	shot := filepath.Join(out, "class-390.png")
	os.Remove(shot)
	browse(t, bin, page, "--window-size=390,2000", "--hide-scrollbars", "--screenshot="+shot)
	if fi, err := os.Stat(shot); err != nil || fi.Size() == 0 {
		t.Fatalf("no screenshot: %v", err)
	}
	t.Logf("screenshot: %s", shot)
}
