package render

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"handout/content"
	"handout/figures/pose"
	"handout/locale"
)

// Catalog is the library a long-running front door (the web page, handout
// serve) works from: the built-in exercises and protocols and a clinic's
// folder, loaded once. It is read-only once made, so it is safe for
// concurrent use; load a new one to see files changed in the folder.
type Catalog struct {
	library    *content.Library
	LibraryDir string // the clinic's library folder; "" for the built-in library alone
	// Fallback is what a programme gets when an exercise lacks the
	// programme's language: the clinic profile's language_fallback.
	Fallback content.LanguageFallback
	// Language is the clinic profile's language: a programme that names
	// none is made in it ("": en-US).
	Language string
	drawn    map[string]bool
}

// NewCatalog loads the built-in library and the clinic's folder dir ("":
// none), as a Resolver's UseLibrary does.
func NewCatalog(dir string) (*Catalog, error) {
	lib, err := content.LoadLibrary(dir, pose.BuiltinDescription)
	if err != nil {
		return nil, err
	}
	drawn := map[string]bool{}
	for _, n := range pose.BuiltinNames() {
		drawn[n] = true
	}
	return &Catalog{library: lib, LibraryDir: dir, drawn: drawn}, nil
}

// MaxProgrammeBytes is the longest programme read: a programme file's
// limit.
var MaxProgrammeBytes = content.ProgrammeFile.Max

// ExerciseQuery is what a search for exercises asks (content.Query): words
// of the name, and filters.
type ExerciseQuery = content.Query

// ExerciseInfo is an exercise as a front end lists it to choose from:
// what it is found by, its default dose by the keys of a dose line, the
// sides a programme may give it ("" first: none), and its thumbnail (a
// built-in drawing's name for DrawingSVG; "" while none is drawn).
type ExerciseInfo struct {
	ID, Name   string
	Aliases    []string
	Regions    []string
	Conditions []string // what it helps: "neck pain", "forward head posture"
	Position   string
	Equipment  []string
	Laterality string
	Sides      []string
	Level      string
	Dose       DoseParts
	DoseLine   string // the default dose as the sheet words it
	Thumbnail  string
}

// DoseParts is a dose by the keys of a dose line (docs/library.md).
type DoseParts struct{ Sets, Reps, Hold, Rest, Load, Daily string }

func doseParts(d *content.Dose) DoseParts {
	if d == nil {
		return DoseParts{}
	}
	return DoseParts{Sets: d.Sets, Reps: d.Reps, Hold: d.Hold, Rest: d.Rest, Load: d.Load, Daily: d.PerDay}
}

// ProtocolInfo is a protocol as a front end lists it: its exercises by
// id, each with the protocol's dose, else the exercise's default.
type ProtocolInfo struct {
	ID, Name, Purpose string
	Exercises         []ProtocolExercise
}

// ProtocolExercise is one exercise of a protocol and its dose.
type ProtocolExercise struct {
	ID   string
	Dose DoseParts
}

// Search lists the exercises that match q, best first (the library's
// own search, content.Library.Search); an empty query lists them all.
func (c *Catalog) Search(q ExerciseQuery) []ExerciseInfo {
	var out []ExerciseInfo
	for _, e := range c.library.Search(q) {
		out = append(out, c.info(e))
	}
	return out
}

// Exercises lists every exercise, by id.
func (c *Catalog) Exercises() []ExerciseInfo {
	var out []ExerciseInfo
	for _, e := range c.library.Exercises() {
		out = append(out, c.info(e))
	}
	return out
}

func (c *Catalog) info(e *content.Exercise) ExerciseInfo {
	in := ExerciseInfo{ID: e.ID, Name: e.Name, Aliases: e.Aliases, Regions: e.Regions, Conditions: e.Conditions, Position: e.Position,
		Equipment: e.Equipment, Laterality: string(e.Laterality), Level: e.Level, Dose: doseParts(e.Dose),
		DoseLine: content.WordDose(locale.English(), e.Dose, "", e), Thumbnail: c.thumbnail(e)}
	for _, side := range e.Sides() {
		in.Sides = append(in.Sides, string(side))
	}
	return in
}

// Protocols lists every protocol, by id.
func (c *Catalog) Protocols() []ProtocolInfo {
	var out []ProtocolInfo
	for _, p := range c.library.Protocols() {
		pi := ProtocolInfo{ID: p.ID, Name: p.Name, Purpose: p.Purpose}
		for _, it := range p.Items {
			e, err := c.library.Exercise(it.ID, "")
			if err != nil { // LoadLibrary checked every protocol's exercises
				continue
			}
			d := e.Dose
			if it.Dose != nil {
				d = it.Dose
			}
			pi.Exercises = append(pi.Exercises, ProtocolExercise{ID: e.ID, Dose: doseParts(d)})
		}
		out = append(out, pi)
	}
	return out
}

// thumbnail is the built-in drawing that shows an exercise best in a list
// (its first panel that is drawn), or "" when it has none yet or uses
// photos.
func (c *Catalog) thumbnail(e *content.Exercise) string {
	for _, f := range e.Figures {
		for _, p := range f.Panels {
			if name, ok := p.Builtin(); ok && c.drawn[name] {
				return name
			}
		}
	}
	return ""
}

// FieldError is a problem with one field of a programme sent as JSON:
// Field is its path ("exercises[1].side", "patient"; "" for the whole
// programme), Msg what is wrong with it and what to write. Messages never
// quote the patient's name or the notes.
type FieldError struct {
	Field string
	Msg   string
}

// FieldErrors are all the problems of a programme sent as JSON.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	var lines []string
	for _, e := range fe {
		if e.Field == "" || strings.HasPrefix(e.Msg, e.Field+": ") { // the message names its field already
			lines = append(lines, e.Msg)
			continue
		}
		lines = append(lines, e.Field+": "+e.Msg)
	}
	return strings.Join(lines, "\n")
}

// ProgrammeJSON resolves a programme written as one JSON object, with the
// keys of a programme file (docs/library.md), into a handout; name names
// it in the handout's messages. The programme is parsed by the same code
// as a programme file (content.ParseProgramme), so the format has one
// owner; its problems come back as FieldErrors naming the JSON field.
// Release the returned function once the handout is rendered (it closes
// the clinic's folder, which the handout's photos are read from).
//
// How the fields are found: the JSON is written again as block YAML,
// one key or list entry a line, and a problem's line says its field.
func (c *Catalog) ProgrammeJSON(name string, src []byte) (HandoutFile, func(), error) {
	nothing := func() {}
	p, warnings, block, err := c.parseJSON(name, src)
	if err != nil {
		return HandoutFile{}, nothing, err
	}
	hf, err := programmeHandout(c.library, c.Fallback, p, warnings, block, c.LibraryDir, c.Language)
	if err != nil {
		return HandoutFile{}, nothing, err
	}
	if c.LibraryDir == "" {
		return hf, nothing, nil
	}
	if hf.Dir, err = os.OpenRoot(c.LibraryDir); err != nil {
		return HandoutFile{}, nothing, fmt.Errorf("library folder %s: %w", c.LibraryDir, err)
	}
	return hf, func() { hf.Dir.Close() }, nil
}

// parseJSON parses a programme sent as JSON against the catalog's library,
// its problems as FieldErrors by the JSON's paths; block is the programme
// as block YAML, as a programme file has it.
func (c *Catalog) parseJSON(name string, src []byte) (p *content.Programme, warnings []Warning, block []byte, err error) {
	block, fields, err := blockYAML(src)
	if err != nil {
		return nil, nil, nil, err
	}
	p, warnings, err = content.ParseProgramme(name, block, c.library)
	if err != nil {
		return nil, nil, nil, fieldErrors(err, fields)
	}
	return p, warnings, block, nil
}

// ProtocolJSON checks a protocol written as one JSON object, with the keys
// of a protocol file (docs/library.md), against the catalog's library and
// returns its id and the protocol file to save: block YAML, one key a
// line, as a clinic would write it by hand. Problems come back as
// FieldErrors.
func (c *Catalog) ProtocolJSON(name string, src []byte) (id string, file []byte, err error) {
	block, fields, err := blockYAML(src)
	if err != nil {
		return "", nil, err
	}
	p, err := content.ParseProtocol(name, block)
	if err != nil {
		return "", nil, fieldErrors(err, fields)
	}
	var fe FieldErrors
	for i, it := range p.Items {
		if _, err := c.library.Exercise(it.ID, ""); err != nil {
			fe = append(fe, FieldError{Field: fmt.Sprintf("exercises[%d]", i), Msg: err.Error()})
		}
	}
	if fe != nil {
		return "", nil, fe
	}
	return p.ID, block, nil
}

// blockYAML writes a JSON object (or any YAML) again in block style, one
// key or list entry a line, and maps each line to the field on it.
func blockYAML(src []byte) ([]byte, map[int]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, nil, FieldErrors{{Msg: "the request is not JSON: " + err.Error()}}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, FieldErrors{{Msg: `the request must be one JSON object, e.g. {"exercises": ["chin-tuck"]}`}}
	}
	unflow(doc.Content[0])
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(doc.Content[0]); err != nil {
		return nil, nil, FieldErrors{{Msg: "the request cannot be read: " + err.Error()}}
	}
	var again yaml.Node
	if err := yaml.Unmarshal(out.Bytes(), &again); err != nil {
		return nil, nil, fmt.Errorf("render: the programme written again does not parse: %w", err)
	}
	fields := map[int]string{}
	fieldLines(again.Content[0], "", fields)
	return out.Bytes(), fields, nil
}

// unflow makes every mapping and list of n block style, so that each
// field starts a line of its own, and lets the encoder choose how to
// write each value, as a person would: plain where that reads the same,
// quoted where it would not ("10" stays a string, "yes" is not true).
func unflow(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		unflow(c)
	}
}

// fieldLines records the path of each key and list entry of n by its line.
func fieldLines(n *yaml.Node, path string, lines map[int]string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if path != "" {
				key = path + "." + key
			}
			lines[n.Content[i].Line] = key
			fieldLines(n.Content[i+1], key, lines)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			item := path + "[" + strconv.Itoa(i) + "]"
			if _, taken := lines[c.Line]; !taken || c.Kind == yaml.ScalarNode {
				lines[c.Line] = item
			}
			fieldLines(c, item, lines)
		}
	}
}

// fieldErrors turns a parser's errors (content.Error, one per problem, by
// line) into the fields they are about.
func fieldErrors(err error, fields map[int]string) error {
	var all []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		all = j.Unwrap()
	} else {
		all = []error{err}
	}
	var fe FieldErrors
	for _, e := range all {
		var ce *content.Error
		if !errors.As(e, &ce) {
			return err
		}
		fe = append(fe, FieldError{Field: fields[ce.Pos.Line], Msg: ce.Msg})
	}
	return fe
}

// programmeHandout is a programme resolved against lib as a handout of a
// job: its exercises and protocol in its language (lib.Translate, with
// fallback when one lacks it), its sections, its warnings (more than six
// exercises; English printed for a missing translation; a drawing not made
// yet), and src, what it was read from. It is the one place a programme's
// language picks its words, for every front door.
//
// The language is the programme's own (p.Language, which the front door
// may have set), else def (the clinic profile's), else en-US. A language
// the program does not print is an error listing those it does.
func programmeHandout(lib *content.Library, fallback content.LanguageFallback, p *content.Programme, warnings []Warning, src []byte, libraryDir, def string) (HandoutFile, error) {
	if p.Language == "" {
		p.Language = def
	}
	w := locale.English()
	if p.Language != "" {
		var err error
		if w, err = locale.Match(p.Language); err != nil {
			return HandoutFile{}, fmt.Errorf("%s: language: %w", p.Source, err)
		}
	}
	fell, err := lib.Translate(p, fallback)
	if err != nil {
		return HandoutFile{}, err
	}
	warnings = append(slices.Clip(warnings), fell...)
	hf := HandoutFile{Handout: p.Handout(libraryDir, w), Programme: p, src: src, Warnings: warnings}
	hf.Warnings = append(hf.Warnings, dropUndrawn(hf.Handout)...)
	return hf, nil
}

// ChartNote is a programme sent as JSON (ProgrammeJSON's) as a note for
// the patient's chart: the date it was given, then each exercise with
// its dose as the sheet words it, its side and the clinician's note, in
// the clinic profile's language (the chart's, whatever language the
// patient's sheet prints in), English where an exercise has no text in
// it. It never has the patient's name: it goes into their own chart.
func (c *Catalog) ChartNote(name string, src []byte) (string, error) {
	p, _, _, err := c.parseJSON(name, src)
	if err != nil {
		return "", err
	}
	w := locale.English()
	if c.Language != "" {
		if w, err = locale.Match(c.Language); err != nil {
			return "", fmt.Errorf("the clinic profile's language: %w", err)
		}
	}
	p.Language = c.Language
	if _, err := c.library.Translate(p, content.FallbackEnglish); err != nil {
		return "", err
	}
	date := p.Date
	if date == "" {
		date = time.Now().Format(time.DateOnly)
	}
	var b strings.Builder
	b.WriteString(w.Text(locale.ChartNote, w.Date(date)))
	for i, it := range p.Items {
		fmt.Fprintf(&b, "\n%d. %s", i+1, it.Exercise.Name)
		if dose := content.WordDose(w, it.Dose, it.Side, it.Exercise); dose != "" {
			b.WriteString(": " + dose)
		}
		if it.Note != "" {
			b.WriteString(" (" + it.Note + ")")
		}
	}
	if p.Notes != "" {
		b.WriteString("\n" + p.Notes)
	}
	return b.String(), nil
}
