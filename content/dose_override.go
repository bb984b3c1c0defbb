package content

import (
	"fmt"
	"slices"
	"strings"
)

// ParseDose parses the text of a "Dose:" line, with or without the label
// ("reps 5; hold 10 s"), by the same rules as the line in a handout.
// Problems are reported at pos; with a zero pos the messages are the bare
// text, for callers that say where themselves.
func ParseDose(text string, pos Pos) (*Dose, error) {
	const label = "dose:"
	text, err := CleanText("dose", text)
	if err != nil {
		return nil, &Error{Pos: pos, Msg: err.Error(), Err: err}
	}
	if len(text) < len(label) || !strings.EqualFold(text[:len(label)], label) {
		text = "Dose: " + text
	}
	p := &problems{file: pos.File}
	// A section of its own, with a title and no dose yet, so that the
	// parser's checks about where a dose may stand do not apply.
	c := &converter{p: p, cur: &Section{Title: []Span{{Text: "override"}}}}
	d, _ := c.dose([]Span{{Text: text}}, pos)
	if !p.ok() {
		return nil, p.err()
	}
	return d, nil
}

// SectionIDs lists the IDs of the sections of h that can carry a dose
// (those with a title), in order.
func SectionIDs(h *Handout) []string {
	var ids []string
	for _, s := range h.Sections {
		if s.Title != nil {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// WithDoses returns a copy of h in which the dose of each section named in
// overrides (section ID → dose text, as after "Dose:") is replaced, or
// added when the section has none. h itself is not changed: handouts are
// parsed once and shared by every packet of a batch, so only the sections
// that change are copied, and the blocks they keep are shared. An added
// dose goes after the section's last list of steps, where authors usually
// write it, or at the end when there is none.
//
// An ID that names no titled section of h, or a dose text with problems,
// is an error; messages name the section ID and say what to write.
func WithDoses(h *Handout, overrides map[string]string) (*Handout, error) {
	if len(overrides) == 0 {
		return h, nil
	}
	index := map[string]int{}
	for i, s := range h.Sections {
		if s.Title != nil {
			index[s.ID] = i
		}
	}
	ids := make([]string, 0, len(overrides))
	for id := range overrides {
		ids = append(ids, id)
	}
	slices.Sort(ids) // one message order whatever the map's
	out := *h
	out.Sections = slices.Clone(h.Sections)
	for _, id := range ids {
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("%s has no exercise %q; its exercises are: %s", h.Source, id, strings.Join(SectionIDs(h), ", "))
		}
		s := &out.Sections[i]
		d, err := ParseDose(overrides[id], Pos{})
		if err != nil {
			return nil, fmt.Errorf("dose for %q: %w", id, err)
		}
		d.Pos = s.Pos // for messages about it, the section it belongs to
		s.Blocks = replaceDose(s.Blocks, s.Dose, d)
		s.Dose = d
	}
	return &out, nil
}

// replaceDose returns a new block list with old replaced by d, or with d
// inserted when old is nil. blocks itself is not changed.
func replaceDose(blocks []Block, old, d *Dose) []Block {
	out := make([]Block, 0, len(blocks)+1)
	if old != nil {
		for _, b := range blocks {
			if b == Block(old) {
				b = d
			}
			out = append(out, b)
		}
		return out
	}
	at := len(blocks)
	for i, b := range blocks {
		if l, ok := b.(*List); ok && l.Ordered {
			at = i + 1
		}
	}
	out = append(out, blocks[:at]...)
	out = append(out, d)
	return append(out, blocks[at:]...)
}
