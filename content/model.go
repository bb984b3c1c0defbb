// Package content holds what the author wrote: the handout model, the
// clinic profile, the exercise library (exercises, protocols) and a
// patient's programme, their loaders, and the built-in handouts and
// library (docs/format.md, docs/library.md). It knows no
// geometry, no fonts and no pixels; every block carries its source position
// so that errors read "handout.md:12: …".
package content

// Pos is a place in a source file, for error messages.
type Pos struct {
	File string
	Line int
}

// Meta is a handout's YAML front matter.
type Meta struct {
	Title    string   `yaml:"title"`
	Subtitle string   `yaml:"subtitle"`
	Author   string   `yaml:"author"`   // clinician who wrote or approved it
	Language string   `yaml:"language"` // BCP 47 tag, e.g. "en", "es"
	Reviewed string   `yaml:"reviewed"` // YYYY-MM-DD the content was last reviewed
	Audience string   `yaml:"audience"` // optional: who it is for ("adults with mid-back pain")
	Keywords []string `yaml:"keywords"`
	// Style is the layout style the handout asks for ("" for none), which
	// the command line's --style overrides; render checks the name.
	Style string `yaml:"style"`
	// Lines holds the file line of each key that is there ("title",
	// "subtitle", …), so that a later check of a value (a character the
	// fonts lack) names the value's own line.
	Lines map[string]int `yaml:"-"`
}

// Line reports the file line of the front matter's key, or 1 (the opening
// "---") when the key is not there.
func (m Meta) Line(key string) int {
	if n := m.Lines[key]; n > 0 {
		return n
	}
	return 1
}

// Handout is one patient handout: front matter, then sections in order, then
// the references its footnotes point to.
type Handout struct {
	Source     string // file name as given to the loader, for messages
	Meta       Meta
	Sections   []Section
	References []Reference
}

// Section is the text under one "##" heading (usually one exercise). The
// first section has an empty Title when the handout has text before its
// first "##" heading.
type Section struct {
	Pos    Pos
	Title  []Span
	ID     string // slug of the title, stable across edits of other sections
	Blocks []Block
	Dose   *Dose // nil when the section prescribes no dose
	// VideoURL is a video of the exercise (a programme's exercise's
	// video_url), which a sheet prints as a small QR code and its
	// address; "" for none.
	VideoURL string
}

// Block is one vertical element of a section. Its implementations are
// *Heading (### sub-headings), *Paragraph, *List, *Figure, *Callout, *Dose
// (the dose stays where the author wrote it; Section.Dose points to it).
type Block interface {
	Position() Pos
	isBlock()
}

// Heading is a sub-heading inside a section ("###").
type Heading struct {
	Pos   Pos
	Level int // 3 for "###"; deeper levels are reported as errors
	Text  []Span
}

// Paragraph is running text.
type Paragraph struct {
	Pos  Pos
	Text []Span
}

// List is a list of steps (Ordered) or bullets. Each item is one paragraph
// of inline text; nested lists are not part of the format.
type List struct {
	Pos     Pos
	Ordered bool
	Start   int // first number of an ordered list
	Items   [][]Span
}

// Figure is one numbered figure with one or more panels side by side.
type Figure struct {
	Pos     Pos
	Number  int    // 1-based, in order of appearance in the handout
	ID      string // name the text refers to it by, see Loader docs
	Caption []Span
	Panels  []Panel
}

// Panel is one picture of a figure. Label is "" for a one-panel figure and
// "a", "b", … otherwise.
type Panel struct {
	Pos     Pos
	Label   string
	Caption string // the image's bracket text: "Start", "Cat: back rounded up"
	// Alt is the description for screen readers, written {alt="…"} after
	// the image; "" when the author gave none (a reader then uses the
	// caption, or a built-in drawing's own description).
	Alt string
	// Source is either "builtin:NAME" for a drawing that ships with the
	// program, or a path relative to the handout file.
	Source string
}

// Builtin reports the drawing name when the panel uses a built-in figure.
func (p Panel) Builtin() (name string, ok bool) {
	const prefix = "builtin:"
	if len(p.Source) > len(prefix) && p.Source[:len(prefix)] == prefix {
		return p.Source[len(prefix):], true
	}
	return "", false
}

// CalloutKind is the kind of a GitHub alert blockquote.
type CalloutKind string

// The callout kinds the format supports.
const (
	Caution CalloutKind = "caution"
	Warning CalloutKind = "warning"
	Tip     CalloutKind = "tip"
	Note    CalloutKind = "note"
)

// Callout is a boxed message: "> [!CAUTION]" and friends. Its blocks are
// paragraphs and lists only.
type Callout struct {
	Pos    Pos
	Kind   CalloutKind
	Blocks []Block
}

// Dose is an exercise's prescription. Every field is free text as the
// clinician typed it ("3", "3–5", "5 slow breaths"); empty means not given.
type Dose struct {
	Pos    Pos
	Sets   string
	Reps   string
	Hold   string
	Rest   string
	Load   string // the resistance as the clinician writes it: "red band", "2 kg"
	PerDay string // how often: "2× a day", "often through the day"
	Side   string // "left", "right", "each side", "both"
	// Line, when set, is the whole dose as a programme words it
	// (WordDose: "10 times · hold 5 seconds · twice a day · right leg"),
	// printed instead of the labelled parts above.
	Line string
}

// Reference is one footnote, numbered in order of first reference.
type Reference struct {
	Pos    Pos
	Number int
	Text   []Span
}

// Style is a set of inline text styles.
type Style uint8

// Inline styles; they combine.
const (
	Bold Style = 1 << iota
	Italic
)

// Span is a run of inline text in one style. Link is a URL when the run is
// a hyperlink. FootnoteRef is the reference number when the span is a
// footnote marker (its Text is then the number as printed).
type Span struct {
	Text        string
	Style       Style
	Link        string
	FootnoteRef int
}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*List) isBlock()      {}
func (*Figure) isBlock()    {}
func (*Callout) isBlock()   {}

// Position reports where the block starts in its source file.
func (b *Heading) Position() Pos { return b.Pos }

// Position reports where the block starts in its source file.
func (b *Paragraph) Position() Pos { return b.Pos }

// Position reports where the block starts in its source file.
func (b *List) Position() Pos { return b.Pos }

// Position reports where the block starts in its source file.
func (b *Figure) Position() Pos { return b.Pos }

// Position reports where the block starts in its source file.
func (b *Callout) Position() Pos { return b.Pos }

func (*Dose) isBlock() {}

// Position reports where the block starts in its source file.
func (b *Dose) Position() Pos { return b.Pos }
