package once

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A menu loads its prices the first time one is asked for.
type menu struct {
	once   sync.Once
	load   func() map[string]int
	prices map[string]int
}

func (m *menu) price(item string) int {
	m.once.Do(func() { m.prices = m.load() })
	return m.prices[item]
}

// "A Once must not be copied after first use" (https://pkg.go.dev/sync#Once).
// A range loop's variable holds a copy of each element, Once included: the
// copy's Once runs f for the copy, whose prices are thrown away at the end of
// the iteration, and the menu in the slice has still never loaded. go vet's
// copylocks check reports the copy before the program runs.
func TestACopiedOnceRunsItsFunctionAgain(t *testing.T) {
	loads := 0
	load := func() map[string]int {
		loads++
		return map[string]int{"tea": 3, "cake": 5}
	}
	menus := []menu{{load: load}, {load: load}}
	preload := func() { // load every menu's prices ahead of the rush
		for i := range menus {
			menus[i].price("tea")
		}
	}
	preload()
	loadedAhead := loads
	assert.Equal(t, 5, menus[0].price("cake"))
	assert.Equal(t, 3, menus[1].price("tea"))
	assert.Equal(t, []int{2, 2}, []int{loadedAhead, loads}) // two loads, both ahead of the rush
}
