package content

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Protocol is a template of exercises for one condition (a protocol file,
// docs/library.md): the exercises in order, each with the dose the
// protocol gives it.
type Protocol struct {
	Source string
	Pos    Pos // the "id:" line
	ID     string
	// Language is the language of its words: "" for an original, a
	// translation's language ("es") otherwise.
	Language string
	Name     string
	Purpose  string // what it is for, in the patient's words
	Items    []ProtocolItem
	fileSum  string // SHA-256 of the file as read (Programme.LibrarySum)
}

// ProtocolItem is one exercise of a protocol.
type ProtocolItem struct {
	Pos  Pos    // the line naming the exercise
	ID   string // an exercise's id or alias, checked against the library it is in
	Dose *Dose  // nil: the exercise's default
}

// protocolYAML is a protocol file.
type protocolYAML struct {
	ID        string              `yaml:"id"`
	Name      string              `yaml:"name"`
	Purpose   string              `yaml:"purpose"`
	Exercises []protocolEntryYAML `yaml:"exercises"`
}

// protocolEntryYAML is an entry of a protocol's exercises: an id alone, or
// an id with a dose.
type protocolEntryYAML struct {
	ID   string `yaml:"id"`
	Dose string `yaml:"dose"`
}

func (*protocolEntryYAML) idShorthand() {}

// UnmarshalYAML takes "- chin-tuck" as well as "- id: chin-tuck".
func (e *protocolEntryYAML) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.ID = n.Value
		return nil
	}
	type plain protocolEntryYAML
	return n.Decode((*plain)(e))
}

// MaxProtocolExercises is how many exercises a protocol may list: more
// than six did worse than three or fewer (Medina-Mirapeix 2009), and a
// programme past six is warned about anyway.
const MaxProtocolExercises = 6

// ParseProtocol reads a protocol file; name is used in messages only. Its
// exercise ids are checked when it joins a library (LoadLibrary).
func ParseProtocol(name string, src []byte) (*Protocol, error) {
	const prefix = ""
	src, err := prepareSource(name, src, `start with "id: …" (see docs/library.md)`)
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	var y protocolYAML
	doc := decodeYAML(src, 0, prefix, &y, p)
	if doc == nil {
		return nil, p.err()
	}
	line := func(key string) int { return max(doc.line(key), 1) }
	pr := &Protocol{Source: name, Pos: Pos{File: name, Line: line("id")}, fileSum: sha256Hex(src),
		ID: strings.TrimSpace(y.ID), Name: strings.TrimSpace(y.Name), Purpose: strings.TrimSpace(y.Purpose)}
	switch {
	case pr.ID == "":
		p.add(line("id"), `id is required; add a line "id: …", e.g. id: neck-pain`)
	case !idRE.MatchString(pr.ID):
		p.add(line("id"), `id %q must be lower-case letters and digits joined by "-", e.g. id: neck-pain`, pr.ID)
	}
	if pr.Name == "" {
		p.add(line("name"), `name is required; add a line "name: …", e.g. name: Neck pain`)
	}
	for _, f := range []struct {
		key, val string
		limit    int
	}{{"id", pr.ID, MaxNameChars}, {"name", pr.Name, MaxTitleChars}, {"purpose", pr.Purpose, MaxSubtitleChars}} {
		if msg := checkLength(f.key, f.val, f.limit); msg != "" {
			p.add(line(f.key), "%s", msg)
		}
	}
	switch n := len(y.Exercises); {
	case n == 0:
		p.add(line("exercises"), `a protocol lists its exercises: add "exercises:" and one "- ID" line for each, e.g. - chin-tuck`)
	case n > MaxProtocolExercises:
		p.add(line("exercises"), "the protocol has %d exercises; at most %d are allowed (fewer are done more often), make two protocols", n, MaxProtocolExercises)
	}
	for i, ex := range y.Exercises {
		key := fmt.Sprintf("exercises[%d]", i+1)
		item := ProtocolItem{Pos: Pos{File: name, Line: line(key)}, ID: strings.TrimSpace(ex.ID)}
		if item.ID == "" {
			p.add(item.Pos.Line, `this exercise has no id; write "- id: chin-tuck" or just "- chin-tuck"`)
			continue
		}
		if d := strings.TrimSpace(ex.Dose); d != "" {
			item.Dose = libraryDose(d, line(key+".dose"), "", p)
		}
		pr.Items = append(pr.Items, item)
	}
	if !p.ok() {
		return nil, p.err()
	}
	return pr, nil
}
