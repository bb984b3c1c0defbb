package batch

import (
	"errors"
	"syscall"
)

// Windows' own error numbers: Go's syscall.ENOSPC and EROFS are invented
// for Windows and never returned by it.
const (
	errorWriteProtect   syscall.Errno = 19  // ERROR_WRITE_PROTECT
	errorHandleDiskFull syscall.Errno = 39  // ERROR_HANDLE_DISK_FULL
	errorDiskFull       syscall.Errno = 112 // ERROR_DISK_FULL
)

// diskFull reports whether err is the file system saying it has no room
// left.
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}

// readOnly reports whether err is a write refused because the disk is
// write-protected.
func readOnly(err error) bool { return errors.Is(err, errorWriteProtect) }
