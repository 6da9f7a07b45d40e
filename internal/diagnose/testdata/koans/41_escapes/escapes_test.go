//go:build koanfixture

package escapes

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A koan whose failure message holds terminal control sequences (colour,
// clearing the screen, moving the cursor, a window title, a bell, a
// carriage return): the verdict shows the words without them.
func TestEscapesInAMessageDoNotReachTheTerminal(t *testing.T) {
	assert.Equal(t, 1, 2, "\x1b[31mred\x1b[0m \x1b[2J\x1b[Hcleared \x1b]0;a title\x07titled \x1b(Bcharset\a bell\rreturn")
}
