package diagnose

import "github.com/gokoans/concurrency/internal/course"

// sourceLine returns line n of the repository-relative file, or "".
func sourceLine(root, file string, n int) string {
	lines := course.SourceLines(root, file)
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}
