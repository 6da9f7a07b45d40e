//go:build koanfixture

package bubble

import (
	"testing"
	"testing/synctest"
)

func TestRangeEndsOnlyWhenTheChannelIsClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() {
			ch <- 1
		}()
		for range ch {
		}
	})
}
