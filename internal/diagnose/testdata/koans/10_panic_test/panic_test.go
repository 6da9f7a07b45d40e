//go:build koanfixture

package panictest

import (
	"sync"
	"testing"
)

func TestDoneTooOftenPanics(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}

func TestNeverReached(t *testing.T) {}
