package koan_test

import (
	"fmt"

	"github.com/gokoans/concurrency/koan"
)

// A koan package declares the blank once, beside its TestMain:
//
//	var __ = koan.Blank{}
//
// A Blank equals no value a koan computes, so an unfilled blank always
// fails, and assertions print it so that it is plain what to do.
func ExampleBlank() {
	var __ = koan.Blank{}
	fmt.Printf("%#v\n", __)
	fmt.Println(__ == koan.Blank{}, any(__) == any(0), any(__) == any(""))
	// Output:
	// __ fill in the blank
	// true false false
}

// IsBlank tells an unfilled blank from an answer.
func ExampleIsBlank() {
	fmt.Println(koan.IsBlank(koan.Blank{}), koan.IsBlank(42))
	// Output: true false
}

// WaitUntilBlocked stages an interleaving for a koan: here the worker is
// surely waiting for a job before the job is sent. It watches the worker
// and orders nothing; the channel does the synchronizing.
func ExampleWaitUntilBlocked() {
	jobs := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("worker got", <-jobs)
	}()
	koan.WaitUntilBlocked("chan receive") // the worker waits for a job
	fmt.Println("worker waits")
	jobs <- "build"
	<-done
	// Output:
	// worker waits
	// worker got build
}
