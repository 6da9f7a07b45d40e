package errgroups

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// errgroup.WithContext(ctx) returns a Group and a new Context derived from
// ctx, canceled "the first time a function passed to Go returns a non-nil
// error or the first time Wait returns"
// (https://pkg.go.dev/golang.org/x/sync/errgroup#WithContext). Only that
// derived context hears of the group's failure; the caller's ctx knows
// nothing of it. Here the reader fails on a bad line, and the writer, which
// would go on for ever, must learn that nobody reads any more.
func TestTasksWatchTheGroupsContextNotTheCallers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		g, _ := errgroup.WithContext(ctx) // __ : which context do the tasks below watch?
		lines := make(chan string)
		g.Go(func() error {
			log := []string{"1", "2", "three", "4"}
			for i := 0; ; i++ { // an endless log: it repeats
				select {
				case lines <- log[i%len(log)]:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		})
		sum := 0
		g.Go(func() error {
			for line := range lines {
				n, err := strconv.Atoi(line)
				if err != nil {
					return err
				}
				sum += n
			}
			return nil
		})
		err := g.Wait()
		assert.ErrorContains(t, err, `parsing "three"`)
		assert.Equal(t, 3, sum)
	})
}

// The derived context belongs to the group: Wait cancels it as it returns,
// even when every task succeeded
// (https://pkg.go.dev/golang.org/x/sync/errgroup#WithContext). Work that
// comes after Wait must use a context of its own, not the group's.
func TestWaitCancelsTheGroupsContext(t *testing.T) {
	save := func(ctx context.Context, report string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if report == "" {
			return errors.New("empty report")
		}
		return nil
	}
	g, ctx := errgroup.WithContext(context.Background())
	parts := make([]string, 2)
	g.Go(func() error { parts[0] = "errors"; return nil })
	g.Go(func() error { parts[1] = "joined"; return nil })
	require.NoError(t, g.Wait())
	err := save(ctx, parts[0]+" "+parts[1])
	assert.Equal(t, __, err)
}
