package diagnose

import (
	"os"
	"path/filepath"
	"strings"
)

// sourceLine returns line n of the repository-relative file, or "".
func sourceLine(root, file string, n int) string {
	lines := SourceLines(root, file)
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// SourceLines reads a repository-relative file as lines; nil if unreadable.
func SourceLines(root, file string) []string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}
