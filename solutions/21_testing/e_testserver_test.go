//go:build go1.27

package testingconcurrency

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// httptest.NewTestServer (Go 1.27) serves a handler on an in-memory network,
// "suitable for use with the testing/synctest package": its Client sends every
// request there, and a Cleanup shuts the server down
// (https://pkg.go.dev/net/http/httptest#Server). A server made by NewServer
// listens on the loopback network: while a goroutine of the bubble waits on
// a real socket the bubble is never idle, so its fake clock stands still and
// no timeout of the test ever comes. Here the handler would take a minute, and
// the client gives it ten seconds.
func TestAnHTTPTestInABubbleServesOnTheInMemoryNetwork(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(time.Minute):
				io.WriteString(w, "done")
			case <-r.Context().Done(): // the client has given up
			}
		})
		srv := httptest.NewTestServer(t, slow)
		client := srv.Client()
		client.Timeout = 10 * time.Second
		start := time.Now()
		_, err := client.Get(srv.URL)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 10*time.Second, time.Since(start))
	})
}
