package solution

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/course"
)

func TestDiff(t *testing.T) {
	a := []string{"func T() {", "\tx := 1", "\tassert(__, x)", "}"}
	b := []string{"func T() {", "\tx := 1", "\tassert(1, x)", "}"}
	want := []Line{{' ', a[0]}, {' ', a[1]}, {'-', a[2]}, {'+', b[2]}, {' ', a[3]}}
	if got := diff(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("diff\n%q\nwant\n%q", got, want)
	}
	if got := diff(a, a[:2]); !reflect.DeepEqual(got, []Line{{' ', a[0]}, {' ', a[1]}, {'-', a[2]}, {'-', a[3]}}) {
		t.Errorf("diff with a shorter one: %q", got)
	}
	if got := diff(nil, b[:1]); !reflect.DeepEqual(got, []Line{{'+', b[0]}}) {
		t.Errorf("diff from nothing: %q", got)
	}
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const koanFile = `package x

// A send on an unbuffered channel waits for a receiver. The two meet:
// see the memory model.
func TestASendWaits(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	assert.Equal(t, %s, <-ch)
}
`

func TestCompare(t *testing.T) {
	root := t.TempDir()
	write(t, root, "koans/01_x/a_test.go", fmtKoan("1 /* mine */"))
	k := &course.Koan{Name: "TestASendWaits", File: "koans/01_x/a_test.go"}
	if _, err := Compare(root, k); !errors.Is(err, ErrNoSolutions) {
		t.Errorf("without solutions/: %v, want ErrNoSolutions", err)
	}
	write(t, root, "solutions/01_x/a_test.go", fmtKoan("1"))
	c, err := Compare(root, k)
	if err != nil {
		t.Fatal(err)
	}
	if c.Sentence != "a send waits" || c.Lesson != "A send on an unbuffered channel waits for a receiver." {
		t.Errorf("summary %q / %q", c.Sentence, c.Lesson)
	}
	if c.Yours.Line != 5 || c.Solution.File != "solutions/01_x/a_test.go" || len(c.Solution.Lines) != 5 || c.Same() {
		t.Errorf("comparison %+v", c)
	}
	write(t, root, "koans/01_x/a_test.go", fmtKoan("1"))
	if c, err := Compare(root, k); err != nil || !c.Same() {
		t.Errorf("the same function: %v, %+v", err, c)
	}
	k.Name = "TestGone"
	if _, err := Compare(root, k); err == nil {
		t.Error("a koan that is not in the file: no error")
	}
}

func fmtKoan(blank string) string { return strings.Replace(koanFile, "%s", blank, 1) }
