// Package watch re-runs the koans when a koan file is saved, and turns key
// presses into commands. It has two layers: Watch, the watcher, knows
// nothing of koans (directories, a debounce, polling, keys) and calls back;
// Learner, the learner's watch screen on top of it, watches koans/, prints
// the status line and answers h (hint), l (list), r (run again) and q.
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
// Ctrl-C while a run is going stops it at once: the run's context is
// cancelled and Watch returns ErrInterrupted.
package watch
