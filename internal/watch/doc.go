// Package watch re-runs the koans when a koan file is saved, and turns key
// presses into commands. It knows nothing of koans: it calls back.
//
// Editors save in different ways: some write the file in place, some write a
// new file and rename it over the old one (vim, JetBrains), and many save
// several times in a burst. Watching the directories (not the files) sees
// all of them, and a short quiet period (the debounce) turns a burst into
// one run.
package watch
