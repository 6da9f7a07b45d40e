// Package edition puts the learner's koan files in Chinese or back in
// English (go tool koans lang zh|en): the comments only, each koan's
// lesson, the prompts beside its blanks and its other comments, from the
// catalog's Chinese twins.
//
// Every code line keeps its number: a Chinese lesson is folded or split
// to the English block's count of lines (Fit), since gofmt would take out
// padding lines, and a prompt or a comment is only the end of its line, so
// the learner's answers on that line stay. What lang zh wrote is recorded
// in .koans/lang.json, and lang en writes back the very English it
// replaced, byte for byte; a file it changes is first kept in
// .koans/backups. A comment the learner changed into neither language is
// left alone and named.
package edition
