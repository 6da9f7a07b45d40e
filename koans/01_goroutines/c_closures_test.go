package goroutines

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A function literal is a closure: it refers to the variables of the
// function around it, not to copies of their values
// (https://go.dev/ref/spec#Function_literals). The goroutine reads message
// when it runs, and the close below happens before its receive completes
// (https://go.dev/ref/mem#chan). What does it read?
func TestAClosureCapturesTheVariableNotItsValue(t *testing.T) {
	message := "before"
	release := make(chan struct{})
	got := make(chan string)
	go func() {
		<-release
		got <- message
	}()
	message = "after"
	close(release)
	assert.Equal(t, __, <-got)
}

// Since Go 1.22, a loop variable declared by the for or range clause is a
// new variable in each iteration (https://go.dev/ref/spec#For_statements,
// https://go.dev/blog/loopvar-preview). Each closure below captures the i of
// its own iteration, and no goroutine shares it with another.
func TestEachLoopIterationHasItsOwnVariable(t *testing.T) {
	squares := make(chan int)
	for i := range 3 {
		go func() { squares <- i * i }()
	}
	sum := <-squares + <-squares + <-squares
	assert.Equal(t, __, sum)
}

// A variable declared outside the loop is one variable, and every closure
// that mentions it captures that same variable. Goroutines that write one
// variable with nothing ordering their writes make a data race, even when
// they write the same value (https://go.dev/ref/mem#overview). Give each
// goroutine a place of its own. (Givens: wg.Go(f) runs f in a new goroutine
// and wg.Wait() returns once every such f has returned, until 05;
// errors.Join(errs...) makes one error of many, nil if all of them are nil.)
func TestGoroutinesShareTheVariablesTheirClosuresCapture(t *testing.T) {
	parseAll := func(inputs []string) ([]int, error) {
		numbers := make([]int, len(inputs))
		var err error // __ : one err, declared outside the loop
		var wg sync.WaitGroup
		for i, s := range inputs {
			wg.Go(func() { numbers[i], err = strconv.Atoi(s) }) // __ : whose err is this?
		}
		wg.Wait()
		return numbers, err // __ : what did each goroutine report?
	}
	numbers, err := parseAll([]string{"7", "11", "13"})
	assert.NoError(t, err)
	assert.Equal(t, []int{7, 11, 13}, numbers)
	_, err = parseAll([]string{"7", "eleven", "13"})
	assert.True(t, errors.Is(err, strconv.ErrSyntax), "eleven is not a number")
}
