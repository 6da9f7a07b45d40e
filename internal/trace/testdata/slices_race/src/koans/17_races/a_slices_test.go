package races

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// append(s, x) writes x into the array behind s when that array has room,
// and allocates a new array only when it has not
// (https://go.dev/ref/spec#Appending_and_copying_slices). Two goroutines that
// append to one slice, each keeping its own result, may then write the same
// element of the same array: a data race with no shared variable in sight,
// and results that overwrite each other. Here two command lines grow from one
// prefix, made with room to spare.
func TestAppendingToASharedSliceWritesIntoItsArray(t *testing.T) {
	prefix := make([]string, 0, 8) // room for the flags to come
	prefix = append(prefix, "go", "test", "-race")
	var cmds [2][]string
	command := func(i int, pkg string) {
		cmds[i] = append(prefix, pkg) // __ : into which array does this append write pkg?
	}
	oneAfterTheOther(func() { command(0, "./api") }, func() { command(1, "./db") })
	assert.Equal(t, []string{"go", "test", "-race", "./api"}, cmds[0])
	assert.Equal(t, []string{"go", "test", "-race", "./db"}, cmds[1])
}

// A slice is a view of an array: a send hands over the view, not the bytes,
// and the sender can still write them. A receive sees what the sender did
// before sending (02_channels), not what it does after. Here a reader fills
// one buffer again and again and sends each chunk to a goroutine that reads
// it while the next Read already writes over it. The doc of bufio's
// Scanner.Bytes warns of the same (https://pkg.go.dev/bufio#Scanner.Bytes).
func TestASentSliceStillSharesTheSendersArray(t *testing.T) {
	src := bytes.NewReader([]byte("a stream of chunks"))
	chunks := make(chan []byte)
	var got []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for c := range chunks {
			got = append(got, string(c))
		}
	}()
	buf := make([]byte, 6)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			chunks <- buf[:n] // __ : whose bytes will the receiver read, and when?
		}
		if err != nil {
			break
		}
	}
	close(chunks)
	<-done
	assert.Equal(t, []string{"a stre", "am of ", "chunks"}, got)
}

// oneAfterTheOther calls first in a new goroutine and, once first has
// returned, second in this one; then it lets the new goroutine end and waits
// for it. It orders the two calls in time by watching the goroutine
// (koan.WaitUntilBlocked), not by synchronising with it: nothing it does makes
// first's memory accesses happen before second's. Once it returns, both
// calls happen before whatever follows it.
func oneAfterTheOther(first, second func()) {
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		first()
		<-release
	})
	koan.WaitUntilBlocked("chan receive", "oneAfterTheOther")
	second()
	close(release)
	wg.Wait()
}
