package timing

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A Ticker sends the time on its channel C once every period. Stop turns it
// off: "After Stop, no more ticks will be sent." But "Stop does not close
// the channel, to prevent a concurrent goroutine reading from the channel
// from seeing an erroneous tick" (https://pkg.go.dev/time#Ticker.Stop). A
// loop that ranges over C therefore never ends on its own, stopped or not.
func TestStoppingATickerDoesNotCloseItsChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		var beats []time.Duration
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range tick.C {
				beats = append(beats, time.Since(start))
				if len(beats) == 3 {
					return // Stop would not end the loop; the deferred Stop turns the ticker off
				}
			}
		}()
		<-done
		assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}, beats)
	})
}

// meter charges a worker for its time since start: it takes a job, which
// takes work, on every tick of a one-second Ticker, and after each job the
// charge must be the time used so far.
func meter(start time.Time, jobs int, work time.Duration) time.Duration {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var charged time.Duration
	for range jobs {
		<-tick.C
		time.Sleep(work)
		charged = time.Since(start)
	}
	return charged
}

// A Ticker keeps no backlog: it "will adjust the time interval or drop ticks
// to make up for slow receivers" (https://pkg.go.dev/time#NewTicker). A
// receiver that spends longer than a period on each tick gets fewer ticks
// than periods have passed, so a count of ticks is not a measure of time.
// The meter runs twice here, with quick jobs and with slow ones.
func TestATickerDropsTicksForASlowReceiver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for _, work := range []time.Duration{0, 2500 * time.Millisecond} {
			start := time.Now()
			charged := meter(start, 4, work)
			assert.Equal(t, time.Since(start), charged, "jobs of %v", work)
		}
	})
}

// Reset changes a Ticker's period: it "stops a ticker and resets its period
// to the specified duration. The next tick will arrive after the new period
// elapses" (https://pkg.go.dev/time#Ticker.Reset): counted from the Reset,
// not from the last tick. Here a poller asks every second; the second answer
// takes half a second and says the server is busy, so the poller backs off
// to every three seconds. When does it poll?
func TestTickerResetStartsTheNewPeriodFromTheReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		var polls []time.Duration
		for range 5 {
			<-tick.C
			polls = append(polls, time.Since(start))
			if len(polls) == 2 {
				time.Sleep(500 * time.Millisecond) // the answer: busy
				tick.Reset(3 * time.Second)
			}
		}
		assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 5500 * time.Millisecond, 8500 * time.Millisecond, 11500 * time.Millisecond}, polls)
	})
}

// A heartbeat: a worker proves it is alive by sending a beat on every tick
// of a Ticker, and a monitor declares it dead when no beat has come for a
// while. The monitor's deadline is one Timer, pushed back on every beat:
// Reset changes when it will fire; Stop only calls it off, and a stopped
// timer never fires again until it is Reset (https://pkg.go.dev/time#Timer).
// In a bubble the moment of death is exact: three beats, then silence.
func TestAHeartbeatMonitorPushesItsDeadlineBackOnEveryBeat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		beats := make(chan struct{})
		unstick := make(chan struct{})
		go func() { // the worker: three beats, then it is stuck
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for range 3 {
				<-tick.C
				beats <- struct{}{}
			}
			<-unstick
		}()
		const timeout = 1500 * time.Millisecond
		deadline := time.NewTimer(timeout)
		var dead time.Duration
		for dead == 0 {
			select {
			case <-beats:
				deadline.Reset(timeout)
			case <-deadline.C:
				dead = time.Since(start)
			}
		}
		close(unstick)
		assert.Equal(t, 3*time.Second+timeout, dead)
	})
}
