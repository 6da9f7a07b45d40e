//go:build koanfixture

package plainleak

import "testing"

// A plain test leaves a goroutine blocked on a send: the helper's leak check,
// added through -overlay, finds it.
func TestAPlainTestLeaksASender(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
}
