// Package reset puts a koan's file back as the course shipped it, after
// asking, and keeps the learner's version in a backup under .koans/backups
// first. The shipped version is the one internal/shipped finds (the tree
// koans.shipped names), never the learner's own pushes; a symbolic link is
// replaced, never written through.
package reset
