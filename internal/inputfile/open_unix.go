//go:build unix

package inputfile

import "syscall"

// openFlags opens without blocking: opening a named pipe for reading
// would otherwise wait for a writer forever, before fstat could refuse it.
// A regular file ignores the flag.
const openFlags = syscall.O_NONBLOCK
