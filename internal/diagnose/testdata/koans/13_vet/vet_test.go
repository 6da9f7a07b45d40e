//go:build koanfixture

package vet

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAKoanBeforeTheVetFindingRuns(t *testing.T) {
	assert.Equal(t, 4, 2+2)
}

func count(wg sync.WaitGroup) {}

func TestAWaitGroupPassedByValueIsACopy(t *testing.T) {
	var wg sync.WaitGroup
	count(wg)
}
