package trace

import (
	"context"
	"os"
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
	Annotate(run, rec.Output, k)
	Text(os.Stdout, run, Style{})
}
