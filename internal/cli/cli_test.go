package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/lang"
)

func line(stdout, stderr *strings.Builder) *Line {
	return &Line{Lang: lang.English, Stdout: stdout, Stderr: stderr, Commands: []Command{
		{Name: "run", Args: "[KOAN]", Say: lang.Msgf("walk the path")},
		{Name: "hint", Say: lang.Msgf("show a hint"), Common: true},
	}}
}

// -h prints the command's usage on stdout and exits 0; a mistake in the
// flags is named on stderr, with the usage, and exits 2.
func TestTheUsageGoesWhereItWasAskedFor(t *testing.T) {
	var out, errs strings.Builder
	c := line(&out, &errs)
	fs := c.NewFlags("run")
	fs.Bool("y", false, "do not ask")
	err := c.Parse(fs, []string{"-h"})
	assert.ErrorIs(t, err, ErrHelp)
	assert.Contains(t, out.String(), "usage: go tool koans run [KOAN]\n\nwalk the path.\n")
	assert.Contains(t, out.String(), "flags:\n  -y\tdo not ask")
	assert.Empty(t, errs.String())

	out.Reset()
	err = c.Parse(c.NewFlags("run"), []string{"-nonsense"})
	assert.Error(t, err)
	assert.Equal(t, ExitTrouble, FlagStatus(err))
	assert.Contains(t, errs.String(), "flag provided but not defined: -nonsense")
	assert.Contains(t, errs.String(), "usage: go tool koans run")
	assert.Empty(t, out.String())
}

// The runner's own usage lists every command in order.
func TestTheRunnersUsageListsItsCommands(t *testing.T) {
	var out, errs strings.Builder
	c := line(&out, &errs)
	c.Usage(&out, c.NewFlags("koans"))
	assert.Regexp(t, `(?s)commands:\n  run +walk the path\n  hint +show a hint\n`, out.String())
	assert.Nil(t, c.Lookup("nope"))
	assert.Equal(t, "hint", c.Lookup("hint").Name)
}

// Each way a command ends has its exit status; only the runner's own
// trouble is told, once.
func TestEachEndHasItsExitStatus(t *testing.T) {
	var out, errs strings.Builder
	c := line(&out, &errs)
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, tc := range []struct {
		ctx  context.Context
		cmd  string
		err  error
		want int
	}{
		{ctx, "run", nil, ExitEnlightened},
		{ctx, "run", Verdict(false), ExitFailing},
		{ctx, "run", Verdict(true), ExitEnlightened},
		{ctx, "run", fmt.Errorf("wrapped: %w", ErrHelp), ExitUsage},
		{ctx, "run", ErrTrouble, ExitTrouble},
		{ctx, "watch", ErrInterrupted, ExitInterrupted},
		{cancelled, "run", nil, ExitInterrupted},
		{cancelled, "watch", nil, ExitEnlightened},
		{ctx, "run", errors.New("no course here"), ExitTrouble},
	} {
		assert.Equal(t, tc.want, c.Status(tc.ctx, tc.cmd, tc.err), "%s: %v", tc.cmd, tc.err)
	}
	assert.Equal(t, "koans: no course here\n", errs.String(), "only the runner's own trouble is told")
}
