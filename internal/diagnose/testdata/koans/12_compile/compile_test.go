//go:build koanfixture

package compile

import "testing"

func TestFirst(t *testing.T) {}

func TestAChannelHasADirection(t *testing.T) {
	var recv <-chan int = make(chan int)
	recv <- 1
}
