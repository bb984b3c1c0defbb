package content

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"handout/internal/inputfile"
)

// Parse reads a handout in the authoring format described in
// docs/format.md: YAML front matter between "---" lines, then Markdown.
// name is the file name used in messages only.
//
// On failure the error is an *Error, or an errors.Join of several in line
// order; each names name and the line in the file, and says what to write
// instead.
func Parse(name string, src []byte) (*Handout, error) {
	src, err := prepareSource(name, src, "start with front matter (see README)")
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	fm, body, ok := splitFrontMatter(src, "title", p)
	if !ok {
		return nil, p.err()
	}
	h := &Handout{Source: name, Meta: parseMeta(fm, p)}
	convertBody(h, body, p, "")
	if !p.ok() {
		return nil, p.err()
	}
	return h, nil
}

// HandoutFile is the kind of input a handout is. A long handout is tens of
// kilobytes of Markdown; the limit only stops a wrong file (a photo, a
// device) from being read whole.
var HandoutFile = inputfile.Kind{What: "handout", Max: 2_000_000,
	Advice: "a handout is Markdown text of a few pages; check that this is the right file, or split it"}

// LoadFile reads (as HandoutFile.Read: a regular file of at most its Max
// bytes) and parses a handout file; errors name path.
func LoadFile(path string) (*Handout, error) {
	src, err := HandoutFile.Read(path)
	if err != nil {
		return nil, err // names path and says what is wrong
	}
	return Parse(path, src)
}

// checkText rejects what no parser should see: an empty file, invalid
// UTF-8 and NUL bytes. start tells the author what the file should begin
// with.
func checkText(name string, src []byte, start string) error {
	if len(bytes.TrimSpace(src)) == 0 {
		return &Error{Pos: Pos{File: name}, Msg: "file is empty; " + start}
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Error{Pos: Pos{File: name, Line: line}, Msg: "invalid UTF-8 at byte " + strconv.Itoa(col) +
				" of the line; save the file as UTF-8 text"}
		case r == 0:
			return &Error{Pos: Pos{File: name, Line: line}, Msg: "NUL byte (a binary zero) at byte " + strconv.Itoa(col) +
				" of the line; save the file as plain UTF-8 text"}
		case r == '\n':
			line, col = line+1, 1
		default:
			col += size
		}
		i += size
	}
	return nil
}

// normalizeNewlines drops a leading byte order mark and turns CRLF and lone
// CR line endings into LF, so that line numbers are counted one way only.
// It keeps the number of lines, so positions still match the file.
func normalizeNewlines(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// source is a part of a file: its bytes and the file line its first byte
// is on.
type source struct {
	text      []byte
	firstLine int
	starts    []int // offsets in text where lines begin
}

func newSource(text []byte, firstLine int) *source {
	s := &source{text: text, firstLine: firstLine, starts: []int{0}}
	for i, b := range text {
		if b == '\n' {
			s.starts = append(s.starts, i+1)
		}
	}
	return s
}

// line reports the file line of a byte offset in s.text.
func (s *source) line(offset int) int {
	lo, hi := 0, len(s.starts)
	for lo < hi { // first start > offset
		mid := int(uint(lo+hi) >> 1)
		if s.starts[mid] <= offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return s.firstLine + lo - 1
}

// splitFrontMatter returns the YAML between the first two "---" lines and
// the Markdown after them, each with the file line it starts on. firstKey
// is the key a message tells the author to start with ("title" for a
// handout, "id" for an exercise).
func splitFrontMatter(src []byte, firstKey string, p *problems) (fm, body *source, ok bool) {
	rest := src
	for n := 1; len(rest) > 0; n++ {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		isFence := string(bytes.TrimRight(line, " \t")) == "---"
		switch {
		case n == 1 && !isFence:
			p.add(1, `the file must start with front matter: a "---" line, then "%s: …", then a "---" line`, firstKey)
			return nil, nil, false
		case n > 1 && isFence:
			fmStart := bytes.IndexByte(src, '\n') + 1
			fmEnd := len(src) - len(rest)
			return newSource(src[fmStart:fmEnd], 2), newSource(after, n+1), true
		}
		rest = after
	}
	p.add(1, `front matter is not closed; add a "---" line after its last key`)
	return nil, nil, false
}
