// Package watch calls back when a Go or TOML file under some directories is
// saved (a koan, a catalog), and turns key presses into callbacks: the
// generic watcher (directories, a debounce, polling, keys, Ctrl-C, a
// terminal's raw mode). It runs nothing itself and prints nothing: the
// learner's watch screen on top of it (what runs, the status line, the keys
// h, l, r, q) is the runner's, in cmd/koans.
//
// Editors save in different ways: some write the file in place, some write a
// new file and rename it over the old one (vim, JetBrains), and many save
// several times in a burst. Watching the directories (not the files) sees
// all of them, and a short quiet period (the debounce) turns a burst into
// one run.
//
// File events do not come everywhere: not for edits made from Windows on
// WSL2's /mnt/c, nor on network and shared folders, and not at all when
// inotify's limits are reached. There the watch polls instead: it looks at
// the files' sizes and times a few times a second (PollReason tells where).
//
// Ctrl-C while a callback runs stops it at once: its context is cancelled
// and Watch returns ErrInterrupted.
package watch
