//go:build koanfixture

package loudoutput

import (
	"fmt"
	"strings"
	"testing"
)

// A koan that prints far more than the runner keeps (run.KeepBytes at each
// end): its failure, printed last, is still found.
func TestAKoanThatPrintsALotStillFails(t *testing.T) {
	line := strings.Repeat("loud ", 20)
	for i := range 1500 {
		fmt.Println(i, line)
	}
	t.Errorf("wanted %d, got %d", 1, 2)
}
