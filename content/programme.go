package content

import (
	"fmt"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"handout/internal/inputfile"
)

// Programme is one patient's exercises, checked against a library: what
// a clinician picks at the end of a visit (a programme file,
// docs/library.md).
type Programme struct {
	Source    string
	Patient   string // printed in the page header only; never in a message
	Date      string // YYYY-MM-DD, or ""
	Clinician string
	Language  string // BCP 47 tag, or ""
	Style     string // the layout style's name, checked by render; "" for the default
	Protocol  *Protocol
	Items     []ProgrammeItem // the protocol's exercises first, then the listed ones
	Notes     string
}

// ProgrammeItem is one exercise of a programme, with what to print for it.
type ProgrammeItem struct {
	Pos      Pos // the line that put it in the programme: the programme's, else the protocol's
	Exercise *Exercise
	// Dose is the programme's dose for it, else the protocol's, else the
	// exercise's default; nil when none gives one.
	Dose *Dose
	Side Side
	Note string
}

// Steps are the exercise's steps with its side worded (Exercise.StepsFor).
func (it ProgrammeItem) Steps() [][]Span { return it.Exercise.StepsFor(it.Side) }

// DoseLine is the item's dose and side as the sheet prints them.
func (it ProgrammeItem) DoseLine() string { return WordDose(it.Dose, it.Side, it.Exercise) }

// ProgrammeWarning is a problem that does not stop a programme being made.
type ProgrammeWarning struct {
	Pos Pos
	Msg string
}

func (w ProgrammeWarning) String() string { return (&Error{Pos: w.Pos, Msg: w.Msg}).Error() }

// MaxProgrammeExercises is how many exercises a programme holds before
// the loader warns: more than six did worse than three or fewer
// (Medina-Mirapeix 2009; HANDOUT-DESIGN.md §1).
const MaxProgrammeExercises = 6

// MaxExerciseNoteChars is how long an exercise's note may be: two or
// three lines of its row on the sheet.
const MaxExerciseNoteChars = 200

// ProgrammeFile is the kind of input a programme file is: a dozen lines.
var ProgrammeFile = inputfile.Kind{What: "programme", Max: 1_000_000,
	Advice: "a programme is a few lines of YAML; check that this is the right file"}

// programmeYAML is a programme file.
type programmeYAML struct {
	Patient   string               `yaml:"patient"`
	Date      string               `yaml:"date"`
	Clinician string               `yaml:"clinician"`
	Language  string               `yaml:"language"`
	Style     string               `yaml:"style"`
	Protocol  string               `yaml:"protocol"`
	Exercises []programmeEntryYAML `yaml:"exercises"`
	Notes     string               `yaml:"notes"`
}

// programmeEntryYAML is an entry of a programme's exercises: an id alone,
// or an id with a dose, a side and a note.
type programmeEntryYAML struct {
	ID   string `yaml:"id"`
	Dose string `yaml:"dose"`
	Side string `yaml:"side"`
	Note string `yaml:"note"`
}

func (*programmeEntryYAML) idShorthand() {}

// UnmarshalYAML takes "- chin-tuck" as well as "- id: chin-tuck".
func (e *programmeEntryYAML) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.ID = n.Value
		return nil
	}
	type plain programmeEntryYAML
	return n.Decode((*plain)(e))
}

// LoadProgrammeFile reads (as ProgrammeFile.Read) and parses a programme
// file; messages name path.
func LoadProgrammeFile(path string, lib *Library) (*Programme, []ProgrammeWarning, error) {
	src, err := ProgrammeFile.Read(path)
	if err != nil {
		return nil, nil, err
	}
	return ParseProgramme(path, src, lib)
}

// ParseProgramme reads a programme and resolves it against lib: the
// protocol's exercises in order, then the listed ones, each with its
// dose (the programme's replaces the protocol's and the default), side
// and note. A listed exercise that the protocol has already changes that
// one in place, so a protocol's dose is changed by naming its exercise.
//
// Errors name name and the line and say what to write: an unknown id
// (with the closest ids), a dose that does not parse, a side the exercise
// cannot take, a bad date. Warnings do not stop the programme: more than
// MaxProgrammeExercises exercises.
func ParseProgramme(name string, src []byte, lib *Library) (*Programme, []ProgrammeWarning, error) {
	src, err := prepareSource(name, src, `list the exercises: "exercises:", then "- chin-tuck" lines (see docs/library.md)`)
	if err != nil {
		return nil, nil, err
	}
	p := &problems{file: name}
	var y programmeYAML
	doc := decodeYAML(src, 0, "", &y, p)
	if doc == nil {
		return nil, nil, p.err()
	}
	line := func(key string) int { return max(doc.line(key), 1) }
	pr := &Programme{Source: name, Patient: strings.TrimSpace(y.Patient), Date: strings.TrimSpace(y.Date),
		Clinician: strings.TrimSpace(y.Clinician), Language: strings.TrimSpace(y.Language),
		Style: strings.TrimSpace(y.Style), Notes: strings.TrimSpace(y.Notes)}
	// The patient's name and the notes are never repeated in a message.
	for _, f := range []struct {
		key, val string
		limit    int
	}{
		{"patient", pr.Patient, MaxNameChars}, {"clinician", pr.Clinician, MaxNameChars},
		{"language", pr.Language, MaxLineChars}, {"style", pr.Style, MaxLineChars}, {"notes", pr.Notes, MaxNoteChars},
	} {
		if msg := checkLength(f.key, f.val, f.limit); msg != "" {
			p.add(line(f.key), "%s", msg)
		}
	}
	if pr.Date != "" {
		if _, err := time.Parse(time.DateOnly, pr.Date); err != nil {
			p.add(line("date"), "date %q is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01", pr.Date)
		}
	}
	if pr.Language != "" && !languageRE.MatchString(pr.Language) {
		p.add(line("language"), `language %q is not a BCP 47 tag; write e.g. "en" or "es-MX"`, pr.Language)
	}
	if id := strings.TrimSpace(y.Protocol); id != "" {
		proto, err := lib.Protocol(id)
		if err != nil {
			p.wrap(line("protocol"), err, "%s", err)
		} else {
			pr.Protocol = proto
			for _, it := range proto.Items {
				e, err := lib.Exercise(it.ID)
				if err != nil { // LoadLibrary checked every protocol
					p.wrap(line("protocol"), err, "protocol %s: %s", proto.ID, err)
					continue
				}
				d := e.Dose
				if it.Dose != nil {
					d = it.Dose
				}
				pr.Items = append(pr.Items, ProgrammeItem{Pos: it.Pos, Exercise: e, Dose: d})
			}
		}
	}
	fromProtocol := len(pr.Items)
	listed := map[string]int{} // exercise id → its entry's line
	for i, entry := range y.Exercises {
		key := fmt.Sprintf("exercises[%d]", i+1)
		it, ok := programmeItem(entry, key, doc, lib, p)
		if !ok {
			continue
		}
		if first, dup := listed[it.Exercise.ID]; dup {
			p.add(it.Pos.Line, "%s is listed twice (also on line %d); keep one", it.Exercise.ID, first)
			continue
		}
		listed[it.Exercise.ID] = it.Pos.Line
		if at := protocolIndex(pr.Items[:fromProtocol], it.Exercise); at >= 0 {
			if it.Dose == nil {
				it.Dose = pr.Items[at].Dose
			}
			pr.Items[at] = it
			continue
		}
		pr.Items = append(pr.Items, it)
	}
	if p.ok() && len(pr.Items) == 0 {
		p.add(1, `the programme has no exercises; name a protocol ("protocol: neck-pain") or list them ("exercises:", then "- chin-tuck" lines)`)
	}
	if !p.ok() {
		return nil, nil, p.err()
	}
	var warnings []ProgrammeWarning
	if n := len(pr.Items); n > MaxProgrammeExercises {
		warnings = append(warnings, ProgrammeWarning{Pos: Pos{File: name, Line: line("exercises")},
			Msg: fmt.Sprintf("the programme has %d exercises; more than %d are done less often (three to five is best), consider fewer", n, MaxProgrammeExercises)})
	}
	return pr, warnings, nil
}

// programmeItem checks one listed exercise; ok is false when it had
// problems (reported to p).
func programmeItem(entry programmeEntryYAML, key string, doc *yamlDoc, lib *Library, p *problems) (ProgrammeItem, bool) {
	line := doc.line(key)
	lineOf := func(field string) int { return max(doc.line(key+"."+field), line) }
	it := ProgrammeItem{Pos: Pos{File: p.file, Line: line}, Note: strings.TrimSpace(entry.Note)}
	id := strings.TrimSpace(entry.ID)
	if id == "" {
		p.add(line, `this exercise has no id; write "- id: chin-tuck" or just "- chin-tuck"`)
		return it, false
	}
	e, err := lib.Exercise(id)
	if err != nil {
		p.wrap(lineOf("id"), err, "%s", err)
		return it, false
	}
	it.Exercise = e
	ok := true
	if d := strings.TrimSpace(entry.Dose); d != "" {
		if it.Dose = libraryDose(d, lineOf("dose"), "", p); it.Dose == nil {
			ok = false
		}
	}
	side, msg := checkSide(Side(strings.ToLower(strings.TrimSpace(entry.Side))), e)
	if msg != "" {
		p.add(lineOf("side"), "%s", msg)
		ok = false
	}
	it.Side = side
	if msg := checkLength("note", it.Note, MaxExerciseNoteChars); msg != "" {
		p.add(lineOf("note"), "%s", msg)
		ok = false
	}
	if ok && it.Dose == nil {
		it.Dose = e.Dose
	}
	return it, ok
}

// protocolIndex returns the index of e among items, or -1.
func protocolIndex(items []ProgrammeItem, e *Exercise) int {
	for i, it := range items {
		if it.Exercise == e {
			return i
		}
	}
	return -1
}

// checkSide checks a programme's side against the exercise's laterality;
// msg says what to write instead when it cannot take it.
func checkSide(side Side, e *Exercise) (Side, string) {
	switch side {
	case NoSide, Both:
		return side, ""
	case Left, Right:
		switch e.Laterality {
		case BothSides:
			return side, fmt.Sprintf(`%s is done with both sides together; remove "side: %s" (or write side: both)`, e.ID, side)
		case Alternating:
			return side, fmt.Sprintf(`%s alternates sides; remove "side: %s" (or write side: alternate)`, e.ID, side)
		}
		return side, ""
	case Alternate:
		if e.Laterality == BothSides {
			return side, fmt.Sprintf(`%s is done with both sides together; remove "side: alternate" (or write side: both)`, e.ID)
		}
		return side, ""
	}
	return side, fmt.Sprintf("side %q is unknown; write left, right, both or alternate", side)
}
