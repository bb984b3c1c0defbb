//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// SyncDir flushes the folder dir to disk: a file created or renamed into
// it is only there after a power cut once its folder entry is written.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some file systems (network shares) cannot sync a folder; the file
	// itself is synced, which is what can be done there.
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}

// journalFlags opens a journal without following a final symbolic link,
// and without waiting on a named pipe before fstat can refuse it.
const journalFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// loopErr reports whether err is what O_NOFOLLOW gives for a link.
func loopErr(err error) bool { return errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK) }
