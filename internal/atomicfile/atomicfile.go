// Package atomicfile writes files so that a reader, or the next run after
// a crash or a power cut, sees the old file or the new one and never half
// of either; and opens the append-only journals that record a run.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"handout/internal/inputfile"
)

// Write writes data to a temporary file beside path (named
// ".BASE.RANDOM.tmp", so a later run can recognise and remove leftovers),
// flushes it to disk, renames it over path with the given mode and syncs
// the folder, so that the rename itself survives a power cut: Place, then
// SyncDir.
//
// An existing path that is not a regular file (a device, a named pipe, a
// folder, a symbolic link) is refused and left alone: renaming over it
// would replace /dev/full with a file when run as root, or a link someone
// made on purpose.
func Write(path string, data []byte, perm os.FileMode) error {
	if err := Place(path, data, perm); err != nil {
		return err
	}
	if err := SyncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Place is Write without the folder sync: data is in a temporary file
// flushed to disk and renamed over path, so a reader, or a kill -9, sees
// the old file or the new one whole. After a power cut, though, the
// rename may be undone (the old file, or none, is back) until the folder
// is synced with SyncDir. A writer of many files into one folder Places
// each and syncs the folder once for the lot, one folder flush instead of
// one per file; it must not tell anyone a file is safely there (a
// journal line, a manifest) before that sync.
//
// Place refuses a target that is not a regular file, as Write does.
func Place(path string, data []byte, perm os.FileMode) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	err = tmp.Chmod(perm)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// Checked again just before: the window between the check and
		// the rename is as short as it can be made without renameat2.
		if err = checkTarget(path); err != nil {
			return err
		}
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// checkTarget refuses an existing path that is not a regular file.
func checkTarget(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("writing %s: %w", path, err)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is %s, not a regular file; move it away or write to another name", path, inputfile.Describe(fi.Mode()))
	}
	return nil
}
