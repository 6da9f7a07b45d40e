package diagnose

// sourceLine returns line n of the repository-relative file, or "", as the
// course read it (course.File).
func (j *judge) sourceLine(file string, n int) string {
	lines := j.c.Lines(j.root, file)
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}
