package watch

import (
	"bufio"
	"context"
	"errors"
	"io"
	"time"

	"github.com/gokoans/concurrency/internal/crash"
)

// Options configure a watch.
type Options struct {
	// Dirs are watched with their subdirectories (new ones included).
	Dirs []string
	// Debounce is the quiet time after the last change before a run.
	Debounce time.Duration
	// Poll watches by polling instead of file events.
	Poll bool
	// PollEvery is the time between two looks when polling (400 ms if 0).
	PollEvery time.Duration
	// FellBack, if not nil, is told why file events could not be had when
	// the watch polls instead.
	FellBack func(err error)
	// Keys, if not nil, is read for single-key commands. Ctrl-C in it (byte
	// 3, as a terminal in raw mode sends it) interrupts, like SIGINT.
	Keys io.Reader
	// Run is called once at the start, and after every burst of changes
	// (the runner runs the koans and shows the verdict). ctx ends on Ctrl-C.
	Run func(ctx context.Context)
	// Key handles a key press; it returns false to end the watch. ctx ends
	// on Ctrl-C.
	Key func(ctx context.Context, r rune) bool
	// Runs, if > 0, ends the watch after that many runs (for scripts and
	// tests).
	Runs int
}

// ErrInterrupted is returned when Ctrl-C (or the end of the context) came
// while a run or a key's command was going: it was cut short.
var ErrInterrupted = errors.New("interrupted")

// ctrlC is the byte a terminal in raw mode sends for Ctrl-C.
const ctrlC = 3

// Watch runs until ctx ends, a key handler says stop, or Runs runs are done.
// It returns ErrInterrupted if ctx ended, or Ctrl-C came, during a run.
func Watch(ctx context.Context, opt Options) error {
	n, err := notify(opt)
	if err != nil {
		return err
	}
	defer n.Close()
	if opt.Debounce == 0 {
		opt.Debounce = 150 * time.Millisecond
	}
	ctx, interrupt := context.WithCancel(ctx)
	defer interrupt()
	l := &loop{opt: opt, n: n, keys: readKeys(ctx, opt.Keys, interrupt), after: time.After}
	return l.run(ctx)
}

// notify starts the notifier opt asks for: file events, or polling when
// asked or when file events cannot be had.
func notify(opt Options) (notifier, error) {
	every := opt.PollEvery
	if every == 0 {
		every = defaultPollEvery
	}
	if opt.Poll {
		return newPoller(opt.Dirs, every), nil
	}
	e, err := newEvents(opt.Dirs)
	if err == nil {
		return e, nil
	}
	if opt.FellBack != nil {
		opt.FellBack(err)
	}
	return newPoller(opt.Dirs, every), nil
}

type loop struct {
	opt  Options
	n    notifier
	keys <-chan rune
	runs int
	// after returns a channel that delivers once d has passed: the clock
	// of the quiet period (time.After; tests end quiet periods by hand).
	after func(d time.Duration) <-chan time.Time
}

func (l *loop) run(ctx context.Context) error {
	if done, err := l.runOnce(ctx); done {
		return err
	}
	var quiet <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-l.n.Changed():
			quiet = l.after(l.opt.Debounce) // an earlier quiet period's end is ignored
		case <-quiet:
			quiet = nil
			if done, err := l.runOnce(ctx); done {
				return err
			}
		case err := <-l.n.Errors():
			return err
		case r, ok := <-l.keys:
			if !ok {
				l.keys = nil // stdin ended: go on watching without keys
				continue
			}
			if l.opt.Key == nil {
				continue
			}
			more := l.opt.Key(ctx, r)
			if ctx.Err() != nil {
				return ErrInterrupted
			}
			if !more {
				return nil
			}
		}
	}
}

// runOnce runs, and says whether the watch is done: the runs asked for are
// done, or the run was interrupted.
func (l *loop) runOnce(ctx context.Context) (done bool, err error) {
	l.opt.Run(ctx)
	if ctx.Err() != nil {
		return true, ErrInterrupted
	}
	l.runs++
	return l.opt.Runs > 0 && l.runs >= l.opt.Runs, nil
}

// readKeys delivers the runes read from r, and closes the channel at EOF.
// Ctrl-C does not wait in line: it interrupts at once, even during a run.
func readKeys(ctx context.Context, r io.Reader, interrupt func()) <-chan rune {
	if r == nil {
		return nil
	}
	keys := make(chan rune, 16)
	crash.Go(func() {
		defer close(keys)
		br := bufio.NewReader(r)
		for {
			c, _, err := br.ReadRune()
			if err != nil {
				return
			}
			if c == ctrlC {
				interrupt()
				return
			}
			select {
			case keys <- c:
			case <-ctx.Done():
				return
			}
		}
	})
	return keys
}
