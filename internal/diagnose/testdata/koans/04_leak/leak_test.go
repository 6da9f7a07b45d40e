//go:build koanfixture

package leak

import "testing"

func TestAnAbandonedSenderLeaks(t *testing.T) {
	results := make(chan int)
	go func() { results <- 42 }()
}

func TestALaterKoanStillRuns(t *testing.T) {}
