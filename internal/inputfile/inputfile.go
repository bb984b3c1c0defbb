// Package inputfile reads the files the program is given: only regular
// files, never more than a size fitting their kind, and, for a file named
// inside another file (a photo in a handout, a logo in a clinic profile, a
// handout in a patient list), only from that file's folder.
//
// A named pipe or a device given as an input must not hang the run or
// fill its memory, so files are opened without blocking (O_NONBLOCK on
// Unix) and checked with fstat before a byte is read; a file that grows
// while it is read is still cut at the limit.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Errors a refused input wraps, for callers that tell the cases apart.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
	ErrOutside    = errors.New("outside the folder")
)

// Kind is a kind of input file: what messages call it, and the most bytes
// one may have.
type Kind struct {
	What string // "clinic profile", "patient list", …
	Max  int64  // bytes
	// Advice ends the message for a file over Max; "" says to check that
	// it is the right file.
	Advice string
}

// Error is an input that was refused or could not be read. Its message
// names the file as given, says what is wrong and what to do.
type Error struct {
	Path string // as the user or the naming file wrote it
	Msg  string
	Err  error // ErrNotRegular, ErrTooLarge, ErrOutside, or the system's error
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Read reads the file at path, a path the user chose (on the command line,
// or an absolute path in a settings file): it may be anywhere, but must be
// a regular file of at most k.Max bytes.
func (k Kind) Read(path string) ([]byte, error) {
	// Stat first so that a device is refused before it is opened at all
	// (opening some devices does something); the fstat after opening is
	// what counts, since the file may be swapped in between.
	if fi, err := os.Stat(path); err != nil {
		return nil, openError(path, err, "")
	} else if err := k.check(path, fi); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, openError(path, err, "")
	}
	return k.readOpened(path, f)
}

// ReadIn reads name, a path relative to root's folder written inside
// another file, through root: it cannot leave the folder ("..", an
// absolute path or a symbolic link pointing outside are ErrOutside), and
// must be a regular file of at most k.Max bytes. Messages name the file
// as name.
func (k Kind) ReadIn(root *os.Root, name string) ([]byte, error) {
	f, err := k.openIn(root, name)
	if err != nil {
		return nil, err
	}
	return k.readOpened(name, f)
}

// ReadHeadIn is ReadIn that reads at most the first n bytes, for a
// caller that needs a file's headers only: it checks the file as ReadIn
// does (the whole of it is at most k.Max bytes) and reports whether head
// is the whole file.
func (k Kind) ReadHeadIn(root *os.Root, name string, n int) (head []byte, whole bool, err error) {
	f, err := k.openIn(root, name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	if _, err := k.stat(name, f); err != nil {
		return nil, false, err
	}
	head, err = io.ReadAll(io.LimitReader(f, int64(n)+1))
	if err != nil {
		return nil, false, &Error{Path: name, Err: err, Msg: fmt.Sprintf("cannot be read (%v)", unwrapPath(err))}
	}
	if len(head) > n {
		return head[:n], false, nil
	}
	return head, true, nil
}

// openIn opens name in root as ReadIn reads it, checked before it is
// opened.
func (k Kind) openIn(root *os.Root, name string) (*os.File, error) {
	switch {
	case name == "":
		return nil, &Error{Path: `""`, Err: fs.ErrInvalid, Msg: "no file name given"}
	case filepath.IsAbs(name) || strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`):
		return nil, &Error{Path: name, Err: ErrOutside, Msg: "is an absolute path; write it relative to " + folder(root)}
	case !filepath.IsLocal(filepath.FromSlash(name)):
		return nil, &Error{Path: name, Err: ErrOutside, Msg: "leaves " + folder(root) + `; put the file in that folder (or one inside it) and write its path from there`}
	}
	if fi, err := root.Stat(name); err != nil {
		return nil, openError(name, err, folder(root))
	} else if err := k.check(name, fi); err != nil {
		return nil, err
	}
	f, err := root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, openError(name, err, folder(root))
	}
	return f, nil
}

// ReadFrom reads all of r (standard input), which messages call name, up
// to k.Max bytes.
func (k Kind) ReadFrom(name string, r io.Reader) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, k.Max+1))
	if err != nil {
		return nil, &Error{Path: name, Err: err, Msg: fmt.Sprintf("cannot be read (%v)", err)}
	}
	if int64(len(src)) > k.Max {
		return nil, k.tooLarge(name, -1)
	}
	return src, nil
}

// stat checks the opened file with fstat: what counts, since the file
// may have been swapped after the check before opening.
func (k Kind) stat(name string, f *os.File) (fs.FileInfo, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: name, Err: err, Msg: fmt.Sprintf("cannot be read (%v)", unwrapPath(err))}
	}
	return fi, k.check(name, fi)
}

// readOpened checks the opened file with fstat and reads it, closing it.
func (k Kind) readOpened(name string, f *os.File) ([]byte, error) {
	defer f.Close()
	if _, err := k.stat(name, f); err != nil {
		return nil, err
	}
	src, err := io.ReadAll(io.LimitReader(f, k.Max+1))
	if err != nil {
		return nil, &Error{Path: name, Err: err, Msg: fmt.Sprintf("cannot be read (%v)", unwrapPath(err))}
	}
	if int64(len(src)) > k.Max {
		return nil, k.tooLarge(name, -1) // it grew while being read
	}
	return src, nil
}

// check refuses what is not a regular file, or is larger than k.Max.
func (k Kind) check(name string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &Error{Path: name, Err: ErrNotRegular, Msg: fmt.Sprintf("is %s, not a regular file; save the %s as a file and name that", Describe(fi.Mode()), k.What)}
	}
	if fi.Size() > k.Max {
		return k.tooLarge(name, fi.Size())
	}
	return nil
}

// tooLarge reports a file over the limit; size is -1 when unknown.
func (k Kind) tooLarge(name string, size int64) error {
	advice := k.Advice
	if advice == "" {
		advice = "check that it is the right file"
	}
	is := "is more than"
	if size >= 0 {
		is = "is " + formatSize(size) + ", more than"
	}
	return &Error{Path: name, Err: ErrTooLarge, Msg: fmt.Sprintf("%s the %s a %s may have; %s", is, formatSize(k.Max), k.What, advice)}
}

// Describe names a kind of file that is not a regular one, for messages:
// "a folder", "a named pipe", … (atomicfile says the same of output
// targets).
func Describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// formatSize writes n in decimal units as README defines them
// (1 MB = 1,000,000 bytes): a round limit without decimals, a measured size
// with one.
func formatSize(n int64) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%d MB", n/1_000_000)
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1_000 && n%1_000 == 0:
		return fmt.Sprintf("%d KB", n/1_000)
	case n >= 1_000:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

// folder names root's folder in messages: "the folder photos", or "the
// current folder" for "." (a handout or list in the folder the program
// was started in), which "the folder ." would not say to anyone.
func folder(root *os.Root) string {
	if filepath.Clean(root.Name()) == "." {
		return "the current folder"
	}
	return "the folder " + root.Name()
}

// openError explains why name could not be opened; in is the folder it was
// looked up in ("" for a path the user gave).
func openError(name string, err error, in string) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if in != "" {
			return &Error{Path: name, Err: err, Msg: "file not found in " + in}
		}
		return &Error{Path: name, Err: err, Msg: "file not found"}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Path: name, Err: err, Msg: "permission denied"}
	case in != "" && strings.Contains(err.Error(), "path escapes from parent"):
		// os.Root does not export this error; its text is stable and is
		// what a symbolic link pointing outside the folder produces.
		return &Error{Path: name, Err: ErrOutside, Msg: "leads outside " + in + " (through a symbolic link); copy the file into that folder"}
	}
	return &Error{Path: name, Err: err, Msg: fmt.Sprintf("cannot be opened (%v)", unwrapPath(err))}
}

// unwrapPath drops a *PathError's wrapper, whose path would repeat the
// name the message starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
