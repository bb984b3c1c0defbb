//go:build !windows

package batch

import (
	"errors"
	"syscall"
)

// diskFull reports whether err is the file system saying it has no room
// left for this user: no space, or over the quota.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// readOnly reports whether err is a write refused because the file system
// is mounted read-only (as Linux remounts one after an I/O error).
func readOnly(err error) bool { return errors.Is(err, syscall.EROFS) }
