//go:build koanfixture

package leakthencrash

import "testing"

func TestALeakComesFirst(t *testing.T) {
	results := make(chan int)
	go func() { results <- 42 }()
}

func TestAPanicEndsTheRunBeforeTheLeakCheck(t *testing.T) {
	var ch chan int
	close(ch)
}
