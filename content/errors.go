package content

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Error is a problem in a source file: a handout or a clinic profile.
// Its message reads "file:line: msg", without the line when it is 0, so that
// editors and terminals can jump to the place.
//
// Parse and ParseClinic report every problem they find; when there are
// several, the error they return is an errors.Join of *Error values in line
// order, and errors.As finds the first.
type Error struct {
	Pos Pos
	Msg string
	// Err is the underlying error (from the YAML decoder, say), if any; Msg
	// already says what it means for the author.
	Err error
}

// Error formats the problem as "file:line: msg".
func (e *Error) Error() string {
	s := e.Pos.File
	if e.Pos.Line > 0 {
		s += ":" + strconv.Itoa(e.Pos.Line)
	}
	if s == "" {
		return e.Msg
	}
	return s + ": " + e.Msg
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// maxProblems caps how many problems one file reports: past that the
// author is better served by fixing the first ones and running again.
const maxProblems = 20

// problems collects the errors found in one source file, so that an author
// sees them all at once instead of fixing one per run.
type problems struct {
	file string
	errs []*Error
	seen map[Error]bool // Pos and Msg of each error, to drop repeats
}

// add records a problem at a line of the file (0: the file as a whole).
// A problem already recorded for that line is not repeated: "<b>x</b>" is
// two pieces of raw HTML but one thing to fix.
func (p *problems) add(line int, format string, args ...any) {
	p.wrap(line, nil, format, args...)
}

// wrap records a problem caused by err.
func (p *problems) wrap(line int, err error, format string, args ...any) {
	e := Error{Pos: Pos{File: p.file, Line: line}, Msg: fmt.Sprintf(format, args...)}
	if p.seen[e] {
		return
	}
	if p.seen == nil {
		p.seen = map[Error]bool{}
	}
	p.seen[e] = true
	e.Err = err
	p.errs = append(p.errs, &e)
}

// ok reports whether no problem has been found.
func (p *problems) ok() bool { return len(p.errs) == 0 }

// err returns nil, the one *Error, or an errors.Join of them in line order.
func (p *problems) err() error {
	switch len(p.errs) {
	case 0:
		return nil
	case 1:
		return p.errs[0]
	}
	errs := slices.Clone(p.errs)
	slices.SortStableFunc(errs, func(a, b *Error) int { return a.Pos.Line - b.Pos.Line })
	more := len(errs) - maxProblems
	if more > 0 {
		errs = errs[:maxProblems]
	}
	list := make([]error, 0, len(errs)+1)
	for _, e := range errs {
		list = append(list, e)
	}
	if more > 0 {
		list = append(list, &Error{Pos: Pos{File: p.file}, Msg: fmt.Sprintf("and %d more problems", more)})
	}
	return errors.Join(list...)
}

// dropLines forgets the lines of the problems found: for text that is
// one line of a larger file (a JSON Lines row), whose reader names the
// line itself, the text's own line 1 would only mislead.
func (p *problems) dropLines() {
	for _, e := range p.errs {
		e.Pos.Line = 0
	}
}
