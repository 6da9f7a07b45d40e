package waitfor

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/traceback"
)

func TestScratch(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	text := string(data)
	if i := strings.Index(text, "all goroutines at that moment"); i >= 0 {
		text = text[i:]
	}
	gs := OfKoan(traceback.Parse(text), os.Getenv("KOAN"))
	p := Analyze(gs, func(f string) bool { return strings.Contains(f, "/koans/") && !strings.HasSuffix(f, "main_test.go") })
	out, _ := json.MarshalIndent(p, "", " ")
	fmt.Println(string(out))
}
