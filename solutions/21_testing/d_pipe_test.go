package testingconcurrency

import (
	"net"
	"os"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loopback connects a client to a server over the machine's loopback
// network: a real TCP connection, on a port the system picks.
func loopback(t *testing.T) (client, server net.Conn) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, _ := ln.Accept()
		accepted <- conn
	}()
	client, err = net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	return client, <-accepted
}

// A test of code that talks over a network needs no network. net.Pipe
// returns the two ends of a connection in memory (https://pkg.go.dev/net#Pipe),
// so in a bubble its waits are durable and its deadlines run on the fake
// clock. A read from a real socket waits on the operating system instead, and
// its deadline passes in real time, which the bubble's clock never sees
// (https://pkg.go.dev/testing/synctest: I/O is not durably blocking). Here a
// client gives a silent server half a second to answer.
func TestAPipeLetsABubbleTimeAConnectionsDeadline(t *testing.T) {
	began := time.Now() // outside the bubble: the real clock
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		defer server.Close()
		start := time.Now()
		require.NoError(t, client.SetReadDeadline(time.Now().Add(time.Second/2)))
		_, err := client.Read(make([]byte, 64)) // the server never answers
		assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
		assert.Equal(t, time.Second/2, time.Since(start), "half a second on the fake clock")
	})
	assert.Less(t, time.Since(began), time.Second/4, "and no real time")
}
