package pdftest

import (
	"testing"
	"time"
)

// Promptly returns f's result, or fails the test if f has not returned
// within five seconds: a named pipe or a device given as a file must be
// refused at once, not waited on or read without end. The goroutine of an
// f that hangs is left behind; the test binary ends anyway.
func Promptly[T any](t testing.TB, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case r := <-done:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("still running after 5 s")
		var zero T
		return zero
	}
}
