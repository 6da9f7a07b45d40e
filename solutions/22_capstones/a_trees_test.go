package capstones

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Capstone 1: the Go Tour's Equivalent Binary Trees
// (https://go.dev/tour/concurrency/7), with a tree type of our own.

// Tree is a binary search tree of ints: smaller values to the left.
type Tree struct {
	Left  *Tree
	Value int
	Right *Tree
}

// Insert adds v to the tree and returns the tree's root.
func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Value: v}
	}
	if v < t.Value {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

// newTree inserts the values in the order given: the same values inserted
// in another order make a tree of another shape.
func newTree(values ...int) *Tree {
	var t *Tree
	for _, v := range values {
		t = t.Insert(v)
	}
	return t
}

// Walk is the whole exercise's foundation. Its caller ranges over ch, and a
// range over a channel ends only when the channel is closed
// (https://go.dev/ref/spec#For_range): Walk, the only sender, must close ch
// once the last value is sent. In between, an in-order walk sends the left
// subtree, then the node, then the right subtree, so a search tree comes
// out sorted, whatever its shape.
func TestWalkSendsEveryValueInOrderThenClosesItsChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var walk func(n *Tree, ch chan<- int)
		walk = func(n *Tree, ch chan<- int) {
			if n == nil {
				return
			}
			walk(n.Left, ch)
			ch <- n.Value
			walk(n.Right, ch)
		}
		Walk := func(root *Tree, ch chan<- int) {
			walk(root, ch)
			close(ch)
		}

		ch := make(chan int)
		go Walk(newTree(5, 3, 8, 1, 4, 9, 7, 2, 6, 10), ch)
		var got []int
		for v := range ch {
			got = append(got, v)
		}
		assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, got)
	})
}

// Same walks both trees at once, one walker goroutine each, and compares
// the two sequences value by value. Two trees differ when a value differs,
// and also when one walk ends before the other: a receive from a closed
// channel gives the zero value at once (https://go.dev/ref/spec#Receive_operator),
// and only its second result, ok, tells it from a real 0. Same returns at
// the first difference: every walker still sending must then be told to
// stop, in each send it makes, or it waits for ever.
func TestSameComparesBothWalksToTheirEndsAndStopsItsWalkers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var walk func(n *Tree, ch chan<- int, quit <-chan struct{}) bool
		walk = func(n *Tree, ch chan<- int, quit <-chan struct{}) bool {
			if n == nil {
				return true
			}
			if !walk(n.Left, ch, quit) {
				return false
			}
			sent := false
			select {
			case ch <- n.Value:
				sent = true
			case <-quit:
			}
			return sent && walk(n.Right, ch, quit)
		}
		Same := func(t1, t2 *Tree) bool {
			quit := make(chan struct{})
			defer close(quit)
			c1, c2 := make(chan int), make(chan int)
			go func() { walk(t1, c1, quit); close(c1) }()
			go func() { walk(t2, c2, quit); close(c2) }()
			synctest.Wait() // the koan lets both walkers reach their first send before Same listens
			for {
				v1, ok1 := <-c1
				v2, ok2 := <-c2
				if ok1 != ok2 || v1 != v2 {
					return false
				}
				if !ok1 && !ok2 { // both walks have ended
					return true
				}
			}
		}

		assert.True(t, Same(newTree(2, 1, 3), newTree(1, 2, 3)), "same values, other shapes")
		assert.False(t, Same(newTree(-2, -1), newTree(-2, -1, 0)), "one tree has a 0 more")
		var many, other []int // 1 to 64 in a scrambled order; other has 0 for 1
		for i := range 64 {
			many = append(many, i*37%64+1)
			other = append(other, i*37%64+1)
			if other[i] == 1 {
				other[i] = 0
			}
		}
		assert.False(t, Same(newTree(many...), newTree(other...)), "they differ at the first value")
	})
}
