package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Every text a person gives the program — a handout, an exercise, a
// protocol, a programme, a clinic profile, a patient's name from a flag or
// a list — goes through the rules here before it is measured or checked
// against the fonts:
//
//   - It is put in Unicode normal form C, so that "é" typed as "e" plus a
//     combining accent (as macOS and some practice-management exports
//     write it) is the one character the fonts have, and prints.
//   - Invisible characters that change nothing on a page of left-to-right
//     text are removed: zero-width space, zero-width joiner and non-joiner,
//     the left-to-right and right-to-left marks, and the zero-width
//     no-break space (a byte order mark inside the text). They come in
//     with copy and paste, nobody can see them to delete them, and the
//     fonts would print them as boxes.
//   - The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) are refused: an editor shows the text around them in
//     another order than the one it is stored in, so printing either order
//     could print what the author did not mean. The message names the
//     file and line (or the field) and the character, never the text.

// invisibleKind says what the rules do with a character.
type invisibleKind int

const (
	visible   invisibleKind = iota
	dropped                 // removed without a word
	reordered               // refused: it changes the order text shows in
)

func invisibleKindOf(r rune) invisibleKind {
	switch {
	case r >= 0x200B && r <= 0x200F, r == 0xFEFF:
		return dropped
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return reordered
	}
	return visible
}

// reorderedMessage says what to do about a bidirectional control.
func reorderedMessage(r rune) string {
	return fmt.Sprintf("invisible character U+%04X (a right-to-left or left-to-right control) changes the order text is shown in; delete it (retype the line if you cannot see it)", r)
}

// prepareSource checks a source file's bytes (checkText), then returns
// them with one kind of line ending (normalizeNewlines), the invisible
// characters removed and in normal form C; a bidirectional control is an
// *Error at its line. Line numbers stay those of the file.
func prepareSource(name string, src []byte, start string) ([]byte, error) {
	if err := checkText(name, src, start); err != nil {
		return nil, err
	}
	src = normalizeNewlines(src)
	if hasInvisible(src) {
		var out []byte
		line := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			switch invisibleKindOf(r) {
			case reordered:
				return nil, &Error{Pos: Pos{File: name, Line: line}, Msg: reorderedMessage(r)}
			case visible:
				out = append(out, src[i:i+size]...)
			}
			if r == '\n' {
				line++
			}
			i += size
		}
		src = out
	}
	if !norm.NFC.IsNormal(src) {
		src = norm.NFC.Bytes(src)
	}
	return src, nil
}

// hasInvisible reports whether src holds a character the rules remove or
// refuse; all of them are three bytes in UTF-8 starting 0xE2 or 0xEF, so
// most files are passed over by a byte search.
func hasInvisible(src []byte) bool {
	for _, lead := range []byte{0xE2, 0xEF} {
		for rest := src; ; {
			i := bytes.IndexByte(rest, lead)
			if i < 0 {
				break
			}
			r, size := utf8.DecodeRune(rest[i:])
			if invisibleKindOf(r) != visible {
				return true
			}
			rest = rest[i+max(size, 1):]
		}
	}
	return false
}

// CleanText applies the same rules to one value typed outside a file: a
// patient's name or a date from a flag or a patient list, a clinician, a
// note. field names the value in the error, which never repeats it (it
// may be a patient's name).
func CleanText(field, s string) (string, error) {
	if strings.IndexFunc(s, func(r rune) bool { return invisibleKindOf(r) != visible }) >= 0 {
		var b strings.Builder
		for _, r := range s {
			switch invisibleKindOf(r) {
			case reordered:
				return "", fmt.Errorf("%s: %s", field, reorderedMessage(r))
			case visible:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	return norm.NFC.String(s), nil
}
