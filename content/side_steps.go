package content

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"handout/locale"
)

// sideRefRE matches the side words of an exercise's steps: {side} is the
// side being worked, {other} the other one.
var sideRefRE = regexp.MustCompile(`\{(side|other)\}`)

// StepsFor returns e's steps with {side} and {other} worded for side, so
// that a programme's "side: right" reads in the steps too: "Cross {side}
// ankle over {other} knee" is "Cross your right ankle over your left
// knee", and without a side (or alternating) "Cross one ankle over the
// other knee", in the words of w (locale). A word at the start of a step gets a capital. e.Steps
// itself is not changed.
func (e *Exercise) StepsFor(w *locale.Words, side Side) [][]Span {
	this, other := w.Text(locale.StepsThisSide), w.Text(locale.StepsOtherSide)
	if e.Laterality == OneSide && (side == Left || side == Right) {
		right, left := w.Text(locale.StepsYourRight), w.Text(locale.StepsYourLeft)
		this, other = right, left
		if side == Left {
			this, other = left, right
		}
	}
	out := make([][]Span, len(e.Steps))
	for i, step := range e.Steps {
		out[i] = step
		if !hasSideRef(step) {
			continue
		}
		out[i] = make([]Span, len(step))
		for j, s := range step {
			if s.FootnoteRef == 0 {
				s.Text = sideRefRE.ReplaceAllStringFunc(s.Text, func(ref string) string {
					if ref == "{other}" {
						return other
					}
					return this
				})
				if j == 0 && strings.HasPrefix(step[0].Text, "{") {
					s.Text = capitalize(s.Text)
				}
			}
			out[i][j] = s
		}
	}
	return out
}

func hasSideRef(spans []Span) bool {
	for _, s := range spans {
		if s.FootnoteRef == 0 && sideRefRE.MatchString(s.Text) {
			return true
		}
	}
	return false
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// checkSideRefs reports {side} and {other} where they cannot be worded:
// outside the steps, or in an exercise that does not work one side at a
// time (a both-sides exercise has no side to name).
func checkSideRefs(e *Exercise, p *problems) {
	for _, step := range e.Steps {
		if hasSideRef(step) && e.Laterality == BothSides {
			p.add(e.stepsLine, `{side} and {other} in the steps name the side of a one-side or alternating exercise; this one is laterality: both-sides, write the words instead`)
			break
		}
	}
	var blocks []Block
	for _, c := range append(append([]*Callout{}, e.Tips...), e.Cautions...) {
		blocks = append(blocks, c.Blocks...)
	}
	if e.Why != nil && hasSideRef(e.Why) {
		p.add(e.whyLine, "{side} and {other} are worded in the steps only; write the words in the why")
	}
	for _, b := range blocks {
		var texts [][]Span
		switch b := b.(type) {
		case *Paragraph:
			texts = [][]Span{b.Text}
		case *List:
			texts = b.Items
		}
		for _, t := range texts {
			if hasSideRef(t) {
				p.add(b.Position().Line, "{side} and {other} are worded in the steps only; write the words in tips and cautions")
			}
		}
	}
}
