package photo

import (
	"errors"
	"os"
	"path/filepath"

	"handout/internal/inputfile"

	"handout/figures"
)

// imageFile is the kind of input an image file is, for its size limit and
// messages.
var imageFile = inputfile.Kind{What: "picture", Max: MaxFileBytes, Advice: "resize or re-save the picture before adding it"}

// PrepareFile reads the image rel (a path relative to root, the handout's
// folder) and prepares it like Prepare. It reads as ReadFile does, so a
// path cannot leave the handout's folder.
func (p *Preparer) PrepareFile(root *os.Root, rel string, opt Options) (*figures.Image, error) {
	src, err := ReadFile(root, rel)
	if err != nil {
		return nil, err
	}
	return p.Prepare(filepath.ToSlash(rel), src, opt)
}

// ReadFile reads the image file rel through root, the folder of the file
// that names it (a handout for a photo, a clinic profile for its logo): at
// most MaxFileBytes of a regular file inside the folder. "../x", absolute
// paths and symbolic links pointing outside are refused with ErrOutside; a
// named pipe or a device with ErrUnreadable, at once. Errors are *Error
// named rel.
func ReadFile(root *os.Root, rel string) ([]byte, error) {
	name := filepath.ToSlash(rel)
	src, err := imageFile.ReadIn(root, name)
	if err == nil {
		return src, nil
	}
	kind := ErrUnreadable
	switch {
	case errors.Is(err, inputfile.ErrOutside):
		kind = ErrOutside
	case errors.Is(err, inputfile.ErrTooLarge):
		kind = ErrTooLarge
	}
	msg := err.Error()
	var ie *inputfile.Error
	if errors.As(err, &ie) {
		msg = ie.Msg // the caller puts the image's name in front
	}
	pe := fail(kind, err, "%s", msg)
	pe.Name = name
	return nil, pe
}
