package watch

import (
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/gokoans/concurrency/internal/crash"
)

// Raw puts stdin in raw mode when it is a terminal, so that a key press
// comes without Enter, and returns the writer to print on instead of out
// (raw mode stops the terminal from turning "\n" into "\r\n", so it does)
// and the function that puts the terminal back, which a crash calls too.
func Raw(stdin *os.File, out io.Writer) (io.Writer, func()) {
	if stdin == nil || !term.IsTerminal(int(stdin.Fd())) {
		return out, func() {}
	}
	old, err := term.MakeRaw(int(stdin.Fd()))
	if err != nil {
		return out, func() {}
	}
	restore := func() { _ = term.Restore(int(stdin.Fd()), old) }
	forget := crash.OnCrash(restore)
	return crlf{out}, func() { restore(); forget() }
}

// crlf writes "\r\n" for "\n", as a terminal in raw mode needs.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	_, err := io.WriteString(c.w, strings.ReplaceAll(string(p), "\n", "\r\n"))
	return len(p), err
}
