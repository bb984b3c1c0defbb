package content

import (
	"path"
	"path/filepath"

	"handout/locale"
)

// Handout is the programme as a handout: its title (the protocol's name,
// else "Your exercises"), the protocol's purpose and the clinician's notes
// first, then one section per exercise in order: why, its figures, its
// steps with the side worded, its dose as the sheet words it, the
// clinician's note for it, its tips and cautions; the section carries the
// exercise's id and video_url, and its dose how often a day (for a
// sheet's summary). Any layout style lays it out like a handout; the
// exercises' blocks keep their own files' lines.
// Photos of a clinic's exercises are named by their path inside
// libraryDir, the library folder the programme was resolved against
// (LoadLibrary's dir; "" for the built-in library), which is then the
// handout's folder.
//
// The words the handout adds (its title without a protocol, the steps'
// sides, the dose lines) are w's, the programme's language (p.Language,
// which the caller has matched to w).
func (p *Programme) Handout(libraryDir string, w *locale.Words) *Handout {
	h := &Handout{Source: p.Source, Meta: Meta{Title: w.Text(locale.ProgrammeFor), Author: p.Clinician, Language: w.Tag()}}
	if p.Protocol != nil {
		h.Meta.Title = p.Protocol.Name
	}
	var intro []Block
	pos := Pos{File: p.Source, Line: 1}
	if p.Protocol != nil && p.Protocol.Purpose != "" {
		intro = append(intro, &Paragraph{Pos: p.Protocol.Pos, Text: []Span{{Text: p.Protocol.Purpose}}})
	}
	if p.Notes != "" {
		intro = append(intro, &Callout{Pos: pos, Kind: Note, Blocks: []Block{&Paragraph{Pos: pos, Text: []Span{{Text: p.Notes}}}}})
	}
	if len(intro) > 0 {
		h.Sections = append(h.Sections, Section{Pos: pos, Blocks: intro})
	}
	figures := 0
	for _, it := range p.Items {
		e := it.Exercise
		s := Section{Pos: it.Pos, Title: []Span{{Text: e.Name}}, ID: e.ID, VideoURL: e.VideoURL}
		if len(e.Why) > 0 {
			s.Blocks = append(s.Blocks, &Paragraph{Pos: e.Pos, Text: e.Why})
		}
		for _, f := range e.Figures {
			figures++
			c := *f
			c.Number = figures
			c.Panels = append([]Panel(nil), f.Panels...)
			for i := range c.Panels {
				c.Panels[i].Source = exerciseSource(libraryDir, e, c.Panels[i].Source)
			}
			s.Blocks = append(s.Blocks, &c)
		}
		s.Blocks = append(s.Blocks, &List{Pos: Pos{File: e.Source, Line: e.stepsLine}, Ordered: true, Start: 1, Items: it.Steps(w)})
		if line := it.DoseLine(w); line != "" {
			// The line is what prints; how often a day is kept apart for
			// the sheet's summary ("these 4 exercises, twice a day").
			d := &Dose{Pos: it.Pos, Line: line}
			if it.Dose != nil {
				d.PerDay = it.Dose.PerDay
			}
			s.Blocks = append(s.Blocks, d)
			s.Dose = d
		}
		if it.Note != "" {
			s.Blocks = append(s.Blocks, &Callout{Pos: it.Pos, Kind: Note, Blocks: []Block{&Paragraph{Pos: it.Pos, Text: []Span{{Text: it.Note}}}}})
		}
		for _, c := range e.Tips {
			s.Blocks = append(s.Blocks, c)
		}
		for _, c := range e.Cautions {
			s.Blocks = append(s.Blocks, c)
		}
		h.Sections = append(h.Sections, s)
	}
	return h
}

// exerciseSource is a panel's source as a programme's handout names it: a
// built-in drawing as it is; a clinic's photo, written relative to its
// exercise's file, by its path inside the library folder.
func exerciseSource(libraryDir string, e *Exercise, source string) string {
	if _, ok := (Panel{Source: source}).Builtin(); ok || e.Dir == "" || libraryDir == "" {
		return source
	}
	rel, err := filepath.Rel(libraryDir, e.Dir)
	if err != nil { // e.Dir is inside libraryDir: LoadLibrary read it there
		return source
	}
	return path.Join(filepath.ToSlash(rel), source)
}
