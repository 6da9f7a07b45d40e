// Package lang puts the runner's words in the learner's language: English,
// or Chinese when the learner's locale says so.
//
// It works the way gettext does: every sentence the runner says is a
// constant English format string, and that string is the key of its
// translation. A format with no translation is said in English, so a
// message added on another branch speaks English until someone translates
// it (TestEveryFormatHasChineseWords lists the ones that wait).
//
// The language is chosen once, from the environment, when the runner
// starts (FromEnv); a Lang is then handed to whatever prints.
package lang
