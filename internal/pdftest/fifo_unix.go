//go:build unix

package pdftest

import (
	"syscall"
	"testing"
)

// Mkfifo makes a named pipe at path, for tests that an input or output
// that is not a regular file is refused.
func Mkfifo(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
}
