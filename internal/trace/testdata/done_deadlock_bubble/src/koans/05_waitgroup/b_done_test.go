package waitgroup

import (
	"strconv"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Wait returns only when every Add has been matched by a Done. A goroutine
// that leaves early, on an error path, without its Done keeps the counter
// above zero for ever, and Wait with it. (In a synctest bubble, goroutines
// that can never wake up are reported at once as a deadlock.) Make the Done
// impossible to miss, whatever way the goroutine returns.
func TestDoneOnEveryPathWithDefer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		inputs := []string{"12", "twelve", "30"}
		numbers := make([]int, len(inputs))
		var wg sync.WaitGroup
		for i, s := range inputs {
			wg.Add(1)
			go func() {
				// __ (one statement is missing here)
				n, err := strconv.Atoi(s)
				if err != nil {
					return // not a number: leave a zero
				}
				numbers[i] = n
				wg.Done() // __ : only one of the ways out of this goroutine gets here
			}()
		}
		wg.Wait()
		assert.Equal(t, []int{12, 0, 30}, numbers)
	})
}

// When Wait returns the counter is zero again, and the WaitGroup can count
// a new round of goroutines. The one rule: the next round's Add must come
// after the previous Wait has returned (https://pkg.go.dev/sync#WaitGroup.Add).
// Each round here also sees everything the round before it wrote: why?
func TestAWaitGroupCanBeReusedOnceWaitHasReturned(t *testing.T) {
	numbers := []int{1, 2, 3}
	var wg sync.WaitGroup
	for i := range numbers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			numbers[i] *= numbers[i]
		}()
	}
	wg.Wait()
	for i := range numbers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			numbers[i]++
		}()
	}
	wg.Wait()
	assert.Equal(t, __, numbers)
}
