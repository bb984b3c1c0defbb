package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"handout/internal/inputfile"
)

// OpenJournal opens the journal at path for reading from its start and
// appending at its end, creating it (mode 0600) if it is not there. It
// never follows a symbolic link (a link planted in the output folder would
// make the run append to any file its user can write), refuses anything
// but a regular file without waiting on it, and syncs the folder so that a
// new journal survives a power cut.
func OpenJournal(path string) (*os.File, error) {
	// Lstat first for a clear message; the no-follow open is what holds
	// if the path is swapped in between.
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file; move it away", path, inputfile.Describe(fi.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND|journalFlags, 0o600)
	if err != nil {
		if isLoop(err) {
			return nil, fmt.Errorf("%s is a symbolic link, not a regular file; move it away", path)
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is %s, not a regular file; move it away", path, inputfile.Describe(fi.Mode()))
	}
	if err == nil {
		err = SyncDir(filepath.Dir(path))
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// isLoop reports the error a no-follow open of a symbolic link gives.
func isLoop(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && loopErr(pe.Err)
}
