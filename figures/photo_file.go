package figures

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// PrepareFile reads the image rel (a path relative to root, the handout's
// folder) and prepares it like Prepare. It reads at most MaxFileBytes, and
// only through root, so a path cannot leave the handout's folder: "../x",
// absolute paths and symbolic links pointing outside are refused with
// ErrOutside.
func (p *Preparer) PrepareFile(root *os.Root, rel string, opt Options) (*Image, error) {
	name := filepath.ToSlash(rel)
	src, err := photoReadFile(root, rel)
	if err != nil {
		return nil, cacheNamed(err, name)
	}
	return p.Prepare(name, src, opt)
}

// photoReadFile reads rel through root, refusing anything that is not a
// regular file inside it or is larger than MaxFileBytes.
func photoReadFile(root *os.Root, rel string) ([]byte, error) {
	switch {
	case rel == "":
		return nil, photoErr(ErrUnreadable, nil, "no image path given")
	case filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`):
		return nil, photoErr(ErrOutside, nil, "is an absolute path; give the photo's path relative to the handout's folder")
	case !filepath.IsLocal(rel):
		return nil, photoErr(ErrOutside, nil, "leaves the handout's folder; put the photo in the handout's folder (or a folder inside it) and refer to it from there")
	}
	// Stat first, so a folder, a device or a named pipe (which would block
	// a read forever) is refused before it is opened.
	fi, err := root.Stat(rel)
	if err != nil {
		return nil, photoOpenErr(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, photoErr(ErrUnreadable, nil, "is not a regular file")
	}
	if fi.Size() > MaxFileBytes {
		return nil, photoTooLarge(fi.Size())
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, photoOpenErr(err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, photoErr(ErrUnreadable, err, "cannot be read (%v)", photoUnwrapPath(err))
	}
	if len(src) > MaxFileBytes {
		return nil, photoTooLarge(-1)
	}
	return src, nil
}

// photoOpenErr explains why a file could not be opened through the root.
func photoOpenErr(err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return photoErr(ErrUnreadable, err, "file not found")
	case errors.Is(err, fs.ErrPermission):
		return photoErr(ErrUnreadable, err, "permission denied")
	case strings.Contains(err.Error(), "path escapes from parent"):
		// os.Root does not export this error; its text is stable and is
		// what a symbolic link pointing outside the folder produces.
		return photoErr(ErrOutside, err, "leads outside the handout's folder (through a symbolic link); copy the photo into the handout's folder")
	}
	return photoErr(ErrUnreadable, err, "cannot be opened (%v)", photoUnwrapPath(err))
}

// photoUnwrapPath drops the *PathError wrapper, whose path (relative to the
// root) would repeat the name the message already starts with.
func photoUnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
