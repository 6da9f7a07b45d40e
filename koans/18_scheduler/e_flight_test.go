package scheduler

import (
	"bytes"
	"context"
	"io"
	"runtime/trace"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A request, and how long it took (here given; a server measures it).
type request struct {
	path string
	took time.Duration
}

// serve handles the requests in turn, each in a trace task of its own; a
// request that took more than a second is reported with a snapshot of what
// the program did up to then, written to snapshot.
func serve(recorder *trace.FlightRecorder, requests []request, snapshot io.Writer) {
	for _, r := range requests {
		ctx, task := trace.NewTask(context.Background(), r.path)
		trace.Log(ctx, "took", r.took.String())
		task.End()
		if r.took > time.Second { // only now is it known that the request was slow
			// __ : the request was slow: what did the program do up to now?
		}
	}
}

// An execution trace shows what every goroutine did, and when; written to a
// file all day, it costs too much. runtime/trace's flight recorder (Go 1.25)
// keeps only the last moments of the trace, in memory, and WriteTo writes
// them out on demand: a server records all the time, and takes a snapshot
// once it knows that something went wrong, with what led up to it
// (https://pkg.go.dev/runtime/trace#FlightRecorder, https://go.dev/blog/flight-recorder).
func TestAFlightRecorderKeepsThePastForWhenARequestTurnsOutSlow(t *testing.T) {
	recorder := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: 10 * time.Second})
	require.NoError(t, recorder.Start()) // the server records from its start
	defer recorder.Stop()
	var snapshot bytes.Buffer
	serve(recorder, []request{{"GET /home", 20 * time.Millisecond}, {"GET /report", 3 * time.Second}, {"GET /about", 10 * time.Millisecond}}, &snapshot)
	assert.NotZero(t, snapshot.Len(), "bytes of trace in the snapshot")
	assert.True(t, bytes.Contains(snapshot.Bytes(), []byte("GET /report")), "the snapshot should hold the slow request")
	assert.False(t, bytes.Contains(snapshot.Bytes(), []byte("GET /about")), "what came after the slow request is not what led to it")
}
