package pdfua

import (
	"bytes"
	"fmt"
	"strconv"
)

// A content stream is read as a sequence of operands and operators
// (ISO 32000-1 §7.8.2). Operands are kept as plain Go values: a name as
// name, a number as float64, a string as []byte, an array as []any, a
// dictionary as map[string]any; true, false and null as bool and nil.
type name string

// op is one operator with its operands and where it starts in the stream.
type op struct {
	name     string
	operands []any
	at       int
}

// lexer reads the tokens of a content stream.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// ops reads the whole stream. A syntax error ends the reading with what
// was read so far and the error.
func (l *lexer) ops() ([]op, error) {
	var out []op
	var operands []any
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return out, nil
		}
		start := l.pos
		v, isOp, err := l.token()
		if err != nil {
			return out, err
		}
		if !isOp {
			operands = append(operands, v)
			continue
		}
		kw := v.(string)
		if kw == "BI" {
			// An inline image: its dictionary, ID, binary data, EI.
			if err := l.skipInlineImage(); err != nil {
				return out, err
			}
		}
		out = append(out, op{name: kw, operands: operands, at: start})
		operands = nil
	}
}

// token reads one token; isOp reports an operator (a keyword other than
// true, false, null).
func (l *lexer) token() (v any, isOp bool, err error) {
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return name(decodeName(l.b[start:l.pos])), false, nil
	case c == '(':
		s, err := l.literalString()
		return s, false, err
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		d, err := l.dict()
		return d, false, err
	case c == '<':
		s, err := l.hexString()
		return s, false, err
	case c == '[':
		l.pos++
		a, err := l.array()
		return a, false, err
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		return nil, false, fmt.Errorf("unexpected %q at byte %d", c, l.pos)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		f, err := strconv.ParseFloat(string(l.b[start:l.pos]), 64)
		if err != nil {
			return nil, false, fmt.Errorf("bad number %q at byte %d", l.b[start:l.pos], start)
		}
		return f, false, nil
	default:
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		kw := string(l.b[start:l.pos])
		switch kw {
		case "true":
			return true, false, nil
		case "false":
			return false, false, nil
		case "null":
			return nil, false, nil
		}
		return kw, true, nil
	}
}

// decodeName resolves #xx escapes in a name.
func decodeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if n, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(n))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func (l *lexer) literalString() ([]byte, error) {
	start := l.pos
	l.pos++ // (
	depth := 1
	var out []byte
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '\\':
			if l.pos >= len(l.b) {
				break
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
				if e == '\r' && l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						n = n*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(n))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return nil, fmt.Errorf("string at byte %d is not closed", start)
}

func (l *lexer) hexString() ([]byte, error) {
	start := l.pos
	l.pos++ // <
	var digits []byte
	for l.pos < len(l.b) && l.b[l.pos] != '>' {
		if !isSpace(l.b[l.pos]) {
			digits = append(digits, l.b[l.pos])
		}
		l.pos++
	}
	if l.pos >= len(l.b) {
		return nil, fmt.Errorf("hex string at byte %d is not closed", start)
	}
	l.pos++ // >
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		n, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, fmt.Errorf("bad hex string at byte %d", start)
		}
		out[i] = byte(n)
	}
	return out, nil
}

func (l *lexer) array() ([]any, error) {
	var out []any
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return nil, fmt.Errorf("array is not closed")
		}
		if l.b[l.pos] == ']' {
			l.pos++
			return out, nil
		}
		v, isOp, err := l.token()
		if err != nil {
			return nil, err
		}
		if isOp {
			return nil, fmt.Errorf("operator %v inside an array at byte %d", v, l.pos)
		}
		out = append(out, v)
	}
}

func (l *lexer) dict() (map[string]any, error) {
	out := map[string]any{}
	for {
		l.skipSpace()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return out, nil
		}
		if l.pos >= len(l.b) {
			return nil, fmt.Errorf("dictionary is not closed")
		}
		k, _, err := l.token()
		if err != nil {
			return nil, err
		}
		key, ok := k.(name)
		if !ok {
			return nil, fmt.Errorf("dictionary key %v is not a name at byte %d", k, l.pos)
		}
		l.skipSpace()
		if l.pos >= len(l.b) {
			return nil, fmt.Errorf("dictionary is not closed")
		}
		v, isOp, err := l.token()
		if err != nil {
			return nil, err
		}
		if isOp {
			return nil, fmt.Errorf("operator %v as a dictionary value", v)
		}
		out[string(key)] = v
	}
}

// skipInlineImage skips from after BI to after EI: the image's
// key-value pairs, ID, one white-space byte, the data, and EI preceded
// and followed by white space.
func (l *lexer) skipInlineImage() error {
	i := bytes.Index(l.b[l.pos:], []byte("ID"))
	if i < 0 {
		return fmt.Errorf("inline image at byte %d has no ID", l.pos)
	}
	p := l.pos + i + 3
	for p+2 <= len(l.b) {
		j := bytes.Index(l.b[p:], []byte("EI"))
		if j < 0 {
			break
		}
		e := p + j
		before := e > 0 && isSpace(l.b[e-1])
		after := e+2 == len(l.b) || isSpace(l.b[e+2])
		if before && after {
			l.pos = e + 2
			return nil
		}
		p = e + 2
	}
	return fmt.Errorf("inline image at byte %d has no EI", l.pos)
}
