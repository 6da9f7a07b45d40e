//go:build go1.27

package timing

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// synctest.Sleep(d), new in Go 1.27, "is exactly equivalent to
// time.Sleep(d) followed by synctest.Wait()": it returns once the fake clock
// has moved by d and every other goroutine of the bubble is durably blocked
// (https://pkg.go.dev/testing/synctest#Sleep). A goroutine that wakes at the
// very instant the test wakes may run before or after it, and nothing orders
// the two; Sleep lets it finish first. The janitor koan (c_wait) writes the
// pair, the same thing spelt out, and all that Go 1.25 and 1.26 offer.
func TestSynctestSleepLetsWhatIsDueByThenHappenFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var loggedOut []string
		idle := time.AfterFunc(30*time.Minute, func() { // ada's session ends after 30 idle minutes
			loggedOut = append(loggedOut, "ada")
		})
		defer idle.Stop()
		seen := func() []string { // what the test sees, 30 minutes on
			synctest.Sleep(30 * time.Minute)
			return loggedOut
		}
		assert.Equal(t, []string{"ada"}, seen())
	})
}
