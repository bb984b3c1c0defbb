package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"handout/internal/inputfile"
	"handout/locale"
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

// LibrarySum is the SHA-256 (hex) of the library files the programme is
// made from besides its own text: its protocol's file and each
// exercise's, in order. With the programme's text (its file, or a list
// row's columns) it covers everything its handout prints but the photos,
// which render hashes as it reads them: batch records both among a
// packet's inputs, so that a clinic's edited exercise makes its packets
// again.
func (p *Programme) LibrarySum() string {
	h := sha256.New()
	if p.Protocol != nil {
		fmt.Fprintf(h, "protocol %s %s\n", p.Protocol.ID, p.Protocol.fileSum)
	}
	for _, it := range p.Items {
		fmt.Fprintf(h, "exercise %s %s\n", it.Exercise.ID, it.Exercise.fileSum)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sha256Hex is the SHA-256 of b in hex.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
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

// Steps are the exercise's steps with its side worded in w's words
// (Exercise.StepsFor).
func (it ProgrammeItem) Steps(w *locale.Words) [][]Span { return it.Exercise.StepsFor(w, it.Side) }

// DoseLine is the item's dose and side as the sheet prints them, in w's
// words.
func (it ProgrammeItem) DoseLine(w *locale.Words) string {
	return WordDose(w, it.Dose, it.Side, it.Exercise)
}

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
	Patient   string           `yaml:"patient"`
	Date      string           `yaml:"date"`
	Clinician string           `yaml:"clinician"`
	Language  string           `yaml:"language"`
	Style     string           `yaml:"style"`
	Protocol  string           `yaml:"protocol"`
	Exercises []ProgrammeEntry `yaml:"exercises"`
	Notes     string           `yaml:"notes"`
}

// ProgrammeEntry is one exercise a programme lists, as written: an id
// (or an alias, or a name) with the dose, side and note the clinician
// gives it, each "" when not given. A programme file's entry, a JSON
// Lines row's and the exercises column's (ParseExerciseList) are all
// this, and are checked by the same code.
type ProgrammeEntry struct {
	ID   string `yaml:"id"`
	Dose string `yaml:"dose"` // the keys of a Dose: line, without side
	Side string `yaml:"side"`
	Note string `yaml:"note"`
}

func (*ProgrammeEntry) idShorthand() {}

// UnmarshalYAML takes "- chin-tuck" as well as "- id: chin-tuck".
func (e *ProgrammeEntry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.ID = n.Value
		return nil
	}
	type plain ProgrammeEntry
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
	at := programmePlace{doc: doc}
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
			p.add(at.line(f.key), "%s", msg)
		}
	}
	if pr.Date != "" {
		if _, err := time.Parse(time.DateOnly, pr.Date); err != nil {
			p.add(at.line("date"), "date %q is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01", pr.Date)
		}
	}
	if pr.Language != "" {
		// A language without a catalogue is refused here, at its line,
		// not later by render: a programme is printed in its language's
		// words, and the web page's error names the field.
		if _, err := locale.Match(pr.Language); err != nil {
			p.add(at.line("language"), "language: %v", err)
		}
	}
	return resolveProgramme(pr, y.Protocol, y.Exercises, at, lib, p)
}

// rowProgrammeYAML is a programme as a JSON Lines row of a patient list
// gives it: the programme file's protocol and exercises keys, the rest of
// the row being the list's own (who, when, notes).
type rowProgrammeYAML struct {
	Protocol  string           `yaml:"protocol"`
	Exercises []ProgrammeEntry `yaml:"exercises"`
}

// ParseProgrammeJSON resolves the programme of a JSON Lines row: src is
// a JSON object with the row's "protocol" and "exercises" keys, which
// are read as a programme file's (JSON is YAML): "exercises" is a list of
// ids, or of {"id", "dose", "side", "note"} objects. The row has no lines
// of its own for messages to name (the list's reader names the row), so
// they name the key instead: `exercises: bird-dgo: no exercise …`.
func ParseProgrammeJSON(src []byte, lib *Library) (*Programme, []ProgrammeWarning, error) {
	p := &problems{}
	var y rowProgrammeYAML
	doc := decodeYAML(src, 0, "", &y, p)
	if doc == nil {
		p.dropLines()
		return nil, nil, p.err()
	}
	return resolveProgramme(&Programme{}, y.Protocol, y.Exercises, programmePlace{row: true}, lib, p)
}

// ParseProgrammeColumns resolves the programme of a CSV row: protocol is
// its protocol column (an id, or ""), exercises its exercises column
// (ParseExerciseList). Messages name the column, as ParseProgrammeJSON's.
func ParseProgrammeColumns(protocol, exercises string, lib *Library) (*Programme, []ProgrammeWarning, error) {
	entries, err := ParseExerciseList(exercises)
	if err != nil {
		return nil, nil, err
	}
	return resolveProgramme(&Programme{}, protocol, entries, programmePlace{row: true}, lib, &problems{})
}

// programmePlace says where the parts of a programme were written, for
// messages: a file's keys and their lines (doc), or a patient list's row,
// whose line the list's reader names, so that the messages name the key
// ("exercises: chin-tuck: dose: …") instead of a line.
type programmePlace struct {
	doc *yamlDoc
	row bool
}

// line is the file line of key ("protocol", "exercises[2].dose"): the
// nearest enclosing key's when key itself is absent, at least 1; 0 in a
// row.
func (at programmePlace) line(key string) int {
	if at.row || at.doc == nil {
		return 0
	}
	for {
		if l := at.doc.line(key); l > 0 {
			return l
		}
		i := strings.LastIndexAny(key, ".[")
		if i < 0 {
			return 1
		}
		key = key[:i]
	}
}

// label names what a message is about in a row ("exercises: "), where no
// line does; "" in a file.
func (at programmePlace) label(what string) string {
	if !at.row {
		return ""
	}
	return what + ": "
}

// resolveProgramme adds to pr the protocol's exercises and then the
// listed ones, checked against lib, and returns it with its warnings, or
// the problems found. It is the one place a programme's exercises are
// resolved, whichever way they were written.
func resolveProgramme(pr *Programme, protocol string, entries []ProgrammeEntry, at programmePlace, lib *Library, p *problems) (*Programme, []ProgrammeWarning, error) {
	protocol, err := CleanText("protocol", protocol)
	if err != nil {
		p.wrap(at.line("protocol"), err, "%s", err)
		protocol = ""
	}
	if id := strings.TrimSpace(protocol); id != "" {
		proto, err := lib.Protocol(id, "")
		if err != nil {
			p.wrap(at.line("protocol"), err, "%s%s", at.label("protocol"), err)
		} else {
			pr.Protocol = proto
			for _, it := range proto.Items {
				e, err := lib.original(it.ID, "")
				if err != nil { // LoadLibrary checked every protocol
					p.wrap(at.line("protocol"), err, "%sprotocol %s: %s", at.label("protocol"), proto.ID, err)
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
	for i, entry := range entries {
		key := fmt.Sprintf("exercises[%d]", i+1)
		it, ok := programmeItem(entry, key, pr.Language, at, lib, p)
		if !ok {
			continue
		}
		if first, dup := listed[it.Exercise.ID]; dup {
			if at.row {
				p.add(0, "%s%s is listed twice; keep one", at.label("exercises"), it.Exercise.ID)
			} else {
				p.add(it.Pos.Line, "%s is listed twice (also on line %d); keep one", it.Exercise.ID, first)
			}
			continue
		}
		listed[it.Exercise.ID] = it.Pos.Line
		if j := protocolIndex(pr.Items[:fromProtocol], it.Exercise); j >= 0 {
			if it.Dose == nil {
				it.Dose = pr.Items[j].Dose
			}
			pr.Items[j] = it
			continue
		}
		pr.Items = append(pr.Items, it)
	}
	if p.ok() && len(pr.Items) == 0 {
		if at.row {
			p.add(0, `no exercises; name a protocol (protocol: neck-pain) or list exercises (exercises: chin-tuck | bird-dog)`)
		} else {
			p.add(1, `the programme has no exercises; name a protocol ("protocol: neck-pain") or list them ("exercises:", then "- chin-tuck" lines)`)
		}
	}
	if !p.ok() {
		return nil, nil, p.err()
	}
	var warnings []ProgrammeWarning
	if n := len(pr.Items); n > MaxProgrammeExercises {
		warnings = append(warnings, ProgrammeWarning{Pos: Pos{File: p.file, Line: at.line("exercises")},
			Msg: fmt.Sprintf("the programme has %d exercises; more than %d are done less often (three to five is best), consider fewer", n, MaxProgrammeExercises)})
	}
	return pr, warnings, nil
}

// programmeItem checks one listed exercise; ok is false when it had
// problems (reported to p). key names the entry ("exercises[2]"); lang is
// the programme's language, whose names of exercises find them too.
func programmeItem(entry ProgrammeEntry, key, lang string, at programmePlace, lib *Library, p *problems) (ProgrammeItem, bool) {
	line := at.line(key)
	lineOf := func(field string) int { return at.line(key + "." + field) }
	// A list row's text is not read as a file is (prepareSource), and a
	// JSON string's escapes can spell any character: each value is put
	// in the form a file's text is in (CleanText), whichever way it came.
	for _, f := range []struct {
		key string
		val *string
	}{{"id", &entry.ID}, {"dose", &entry.Dose}, {"side", &entry.Side}, {"note", &entry.Note}} {
		clean, err := CleanText(f.key, *f.val)
		if err != nil {
			p.wrap(lineOf(f.key), err, "%s%s", at.label("exercises"), err)
			return ProgrammeItem{}, false
		}
		*f.val = clean
	}
	it := ProgrammeItem{Pos: Pos{File: p.file, Line: line}, Note: strings.TrimSpace(entry.Note)}
	id := strings.TrimSpace(entry.ID)
	if id == "" {
		if at.row {
			p.add(0, `%s%s has no id; give each exercise's id, e.g. "chin-tuck"`, at.label("exercises"), key)
		} else {
			p.add(line, `this exercise has no id; write "- id: chin-tuck" or just "- chin-tuck"`)
		}
		return it, false
	}
	e, err := lib.original(id, lang)
	if err != nil {
		p.wrap(lineOf("id"), err, "%s%s", at.label("exercises"), err)
		return it, false
	}
	it.Exercise = e
	about := at.label("exercises")
	if at.row {
		about += e.ID + ": "
	}
	ok := true
	if d := strings.TrimSpace(entry.Dose); d != "" {
		if it.Dose = libraryDose(d, lineOf("dose"), about, p); it.Dose == nil {
			ok = false
		}
	}
	side, msg := checkSide(Side(strings.ToLower(strings.TrimSpace(entry.Side))), e)
	if msg != "" {
		p.add(lineOf("side"), "%s%s", at.label("exercises"), msg)
		ok = false
	}
	it.Side = side
	if msg := checkLength("note", it.Note, MaxExerciseNoteChars); msg != "" {
		p.add(lineOf("note"), "%s%s", about, msg)
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
	return side, fmt.Sprintf("%s: side %q is unknown; write left, right, both or alternate", e.ID, side)
}

// Sides lists the sides a programme may give e, NoSide first: the
// choices a form offers (handout serve), by the rule checkSide applies.
func (e *Exercise) Sides() []Side {
	var out []Side
	for _, s := range []Side{NoSide, Both, Left, Right, Alternate} {
		if _, msg := checkSide(s, e); msg == "" {
			out = append(out, s)
		}
	}
	return out
}

// Translate puts the programme's words in its language (p.Language,
// which the caller sets first when the command line, a list's row or the
// web form chose it): each exercise, and the protocol, becomes the
// library's translation into that language (Library.Exercise), or the
// original for English or no language. The exercises' facts, doses, sides
// and notes do not change. It may be called again after p.Language
// changes.
//
// An exercise or protocol without a translation is an error naming it and
// the language, one per item, at the line that put it in the programme;
// with fallback FallbackEnglish (the clinic profile's language_fallback)
// it prints in English instead and the warning says so. No warning or
// error quotes the patient's name or notes.
func (l *Library) Translate(p *Programme, fallback LanguageFallback) ([]ProgrammeWarning, error) {
	var warnings []ProgrammeWarning
	var errs []error
	missing := func(pos Pos, err error) {
		var nt *NoTranslationError
		if fallback == FallbackEnglish && errors.As(err, &nt) {
			warnings = append(warnings, ProgrammeWarning{Pos: pos,
				Msg: fmt.Sprintf("%s %s has no text in language %q; it prints in English (language_fallback: english)", nt.What, nt.ID, nt.Language)})
			return
		}
		errs = append(errs, &Error{Pos: pos, Msg: err.Error(), Err: err})
	}
	if p.Protocol != nil {
		proto, err := l.Protocol(p.Protocol.ID, p.Language)
		if err != nil {
			pos := p.Protocol.Pos
			if o := l.protocols[p.Protocol.ID]; o != nil {
				pos = o.Pos // the original's file, not an earlier language's
			}
			missing(pos, err)
			proto, _ = l.Protocol(p.Protocol.ID, "")
		}
		if proto != nil {
			p.Protocol = proto
		}
	}
	for i, it := range p.Items {
		o := l.exercises[it.Exercise.ID]
		if o == nil { // not resolved against l
			errs = append(errs, &Error{Pos: it.Pos, Msg: fmt.Sprintf("exercise %s is not in the library the programme is translated with", it.Exercise.ID)})
			continue
		}
		e, err := l.exerciseIn(o, p.Language)
		if err != nil {
			missing(it.Pos, err)
			e = o
		}
		p.Items[i].Exercise = e
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return warnings, nil
}
