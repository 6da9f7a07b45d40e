package watch

import (
	"io/fs"
	"maps"
	"os"
	"time"

	"github.com/gokoans/concurrency/internal/crash"
)

// poller is the notifier that looks at the files' sizes and modification
// times every so often, for where file events do not come (network and
// shared folders: WSL2's /mnt/c, NFS, SMB, 9p, virtual machines' shares)
// or cannot be had. It sees every save, at the cost of a little delay.
type poller struct {
	dirs    []string
	changed chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

// stamp is what a save changes in a file.
type stamp struct {
	size    int64
	modTime time.Time
}

// snapshot stamps the watched files under dirs, by path.
type snapshot map[string]stamp

func newPoller(dirs []string, every time.Duration) *poller {
	p := &poller{dirs: dirs, changed: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{})}
	first := take(dirs)
	crash.Go(func() { p.loop(first, every) })
	return p
}

func (p *poller) loop(last snapshot, every time.Duration) {
	defer close(p.done)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
			now := take(p.dirs)
			if !maps.Equal(last, now) {
				signal(p.changed)
			}
			last = now
		}
	}
}

// take stamps the Go files and catalogs under dirs. A file that vanishes
// while it looks is left out: its removal is a change too.
func take(dirs []string) snapshot {
	s := snapshot{}
	for _, d := range dirs {
		_ = walkTree(d, func(p string, e os.DirEntry) error {
			if e.IsDir() || !watched(p) {
				return nil
			}
			info, err := e.Info()
			if err != nil {
				return nil
			}
			if info.Mode()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil { // a link: stamp what it points to
					info = st
				}
			}
			s[p] = stamp{size: info.Size(), modTime: info.ModTime()}
			return nil
		})
	}
	return s
}

func (p *poller) Changed() <-chan struct{} { return p.changed }
func (p *poller) Errors() <-chan error     { return nil } // looking again cannot break

func (p *poller) Close() error {
	close(p.stop)
	<-p.done
	return nil
}
