package trace

import (
	"context"
	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/internal/waitfor"
	"os"
	"strings"
	"testing"
	"time"
)

func TestDev(t *testing.T) {
	root := "/work/wt/trace"
	dir, test := os.Getenv("DIR"), os.Getenv("TEST")
	if dir == "" {
		t.Skip()
	}
	rec, err := Record(context.Background(), root, dir, test, "/tmp/trexp/dev.trace", 60*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	k := KoanIn(root, "github.com/gokoans/concurrency", dir, test)
	f, _ := os.Open(rec.Trace)
	run, err := Read(f, k)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/trexp/out.txt", []byte(rec.Output), 0o644)
	Annotate(run, rec.Output, k)
	Text(os.Stdout, run, Style{})
	h, _ := os.Create("/tmp/trexp/page.html")
	HTML(h, run, 0, root)
	h.Close()
}

func TestDevCycle(t *testing.T) {
	data, _ := os.ReadFile("/tmp/trexp/out.txt")
	gs := traceback.Parse(string(data))
	t.Log(len(gs))
	mine := waitfor.OfKoan(gs, os.Getenv("TEST"))
	t.Log(len(mine))
	p := waitfor.Analyze(mine, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
	t.Logf("%+v", p)
}
