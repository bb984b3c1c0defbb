package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Exercise is one library exercise: a file of its own in the authoring
// format (docs/library.md), self-contained so that any programme can print
// it beside any other.
type Exercise struct {
	Source string // file name for messages: "exercises/chin-tuck.md (built-in)"
	// Dir is the folder the exercise's photos are relative to, as the
	// library was given it ("" for a built-in exercise, whose pictures are
	// built-in drawings).
	Dir string
	Pos Pos // the front matter's "id:" line
	ID  string
	// Language is the language of its words: "" for an original (in
	// LibraryLanguage), a translation's language ("es") otherwise.
	Language   string
	Name       string
	Aliases    []string // other names it is searched by: "press-up" for prone-press-up
	Regions    []string // neck, mid-back, low-back, shoulder, hip, knee, …
	Conditions []string
	Position   string // sitting, standing, on-back, face-down, all-fours, side-lying, kneeling, …
	Equipment  []string
	Laterality Laterality
	// Limb is "arm" or "leg" when a one-side exercise works one limb, so
	// that its side reads "right leg" rather than "right side".
	Limb       string
	Level      string // beginner, intermediate, advanced
	Dose       *Dose  // the default dose; nil when the clinician always sets it
	VideoURL   string
	Reviewed   string // YYYY-MM-DD
	SourceKind SourceKind

	Why      []Span    // one short paragraph: why do it
	Figures  []*Figure // in order; start and finish are two panels of one figure
	Steps    [][]Span  // 3–5 numbered imperative steps
	Tips     []*Callout
	Cautions []*Callout // [!CAUTION] and [!WARNING] callouts

	whyLine, stepsLine int    // for messages about the why and the steps
	fileSum            string // SHA-256 of the file as read (Programme.LibrarySum)
}

// Laterality says how an exercise uses the body's two sides, which decides
// the sides a programme may give it and how the side is worded.
type Laterality string

// The lateralities, as an exercise file spells them.
const (
	BothSides   Laterality = "both-sides"  // both sides together, or the middle of the body: chin tuck, bridge
	OneSide     Laterality = "one-side"    // one side at a time: a stretch held on each side
	Alternating Laterality = "alternating" // right, left, right…: bird dog, dead bug
)

// SourceKind is the kind of source an exercise's advice follows
// (../shared/HANDOUT-DESIGN.md §4): the project writes its own words, and
// says what it wrote them from.
type SourceKind string

// The kinds of source.
const (
	// Guideline: a clinical practice guideline's recommendation (exercise
	// for knee osteoarthritis, staying active with low-back pain).
	Guideline SourceKind = "guideline"
	// HandoutPattern: the exercise as typical clinic handouts describe it
	// (HANDOUT-DESIGN.md §4's starter library), a common pattern rather
	// than a trial's protocol.
	HandoutPattern SourceKind = "handout-pattern"
	// Clinician: the clinic's own judgment, for its own exercises.
	Clinician SourceKind = "clinician"
)

// exerciseMeta is an exercise file's front matter.
type exerciseMeta struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Regions    []string `yaml:"regions"`
	Conditions []string `yaml:"conditions"`
	Position   string   `yaml:"position"`
	Equipment  []string `yaml:"equipment"`
	Laterality string   `yaml:"laterality"`
	Limb       string   `yaml:"limb"`
	Level      string   `yaml:"level"`
	Dose       string   `yaml:"dose"`
	VideoURL   string   `yaml:"video_url"`
	Reviewed   string   `yaml:"reviewed"`
	Source     string   `yaml:"source"`
}

// DescribeDrawing returns a built-in drawing's own description ("" when
// it has none or there is no such drawing). The library takes it as an
// input because content cannot import figures, which owns the drawings:
// render passes figures.BuiltinDescription.
type DescribeDrawing func(name string) string

// idRE is what an exercise or protocol id looks like: lower-case words
// joined by "-", as a file name and a command-line word.
var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ParseExercise reads an exercise file (docs/library.md). name is used in
// messages only; describe may be nil. A figure panel needs alt text
// ({alt="…"}) unless it is a built-in drawing that describe describes.
//
// On failure the error is an *Error, or an errors.Join of several in line
// order; each names name and the line and says what to write.
func ParseExercise(name string, src []byte, describe DescribeDrawing) (*Exercise, error) {
	src, err := prepareSource(name, src, "start with front matter: a \"---\" line, then \"id: …\" (see docs/library.md)")
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	fm, body, ok := splitFrontMatter(src, "id", p)
	if !ok {
		return nil, p.err()
	}
	e := &Exercise{Source: name, fileSum: sha256Hex(src)}
	parseExerciseMeta(e, fm, p)
	h := &Handout{Source: name}
	convertBody(h, body, p, `an exercise's dose goes in its front matter: a line "dose: reps 10; hold 5 s"`)
	exerciseBody(e, h, body.firstLine, p, describe)
	checkSideRefs(e, p)
	if !p.ok() {
		return nil, p.err()
	}
	return e, nil
}

// parseExerciseMeta decodes and checks the front matter into e.
func parseExerciseMeta(e *Exercise, fm *source, p *problems) {
	const prefix = "front matter: "
	var m exerciseMeta
	doc := decodeYAML(fm.text, fm.firstLine-1, prefix, &m, p)
	if doc == nil {
		return
	}
	line := func(key string) int {
		if l := doc.line(key); l > 0 {
			return l
		}
		return 1 // the opening "---"
	}
	e.Pos = Pos{File: p.file, Line: line("id")}
	e.ID = strings.TrimSpace(m.ID)
	e.Name = strings.TrimSpace(m.Name)
	e.Position = strings.TrimSpace(m.Position)
	e.Limb = strings.TrimSpace(m.Limb)
	e.Level = strings.TrimSpace(m.Level)
	e.VideoURL = strings.TrimSpace(m.VideoURL)
	e.Reviewed = strings.TrimSpace(m.Reviewed)
	e.Aliases = trimAll(m.Aliases)
	e.Regions = trimAll(m.Regions)
	e.Conditions = trimAll(m.Conditions)
	e.Equipment = trimAll(m.Equipment)
	switch {
	case e.ID == "":
		p.add(line("id"), `%sid is required; add a line "id: …" with the exercise's name in lower-case words joined by "-", e.g. id: chin-tuck`, prefix)
	case !idRE.MatchString(e.ID):
		p.add(line("id"), `%sid %q must be lower-case letters and digits joined by "-", e.g. id: chin-tuck`, prefix, e.ID)
	}
	if e.Name == "" {
		p.add(line("name"), `%sname is required; add a line "name: …" with the name the patient reads, e.g. name: Chin tuck`, prefix)
	}
	for _, f := range []struct {
		key, val string
		limit    int
	}{
		{"id", e.ID, MaxNameChars}, {"name", e.Name, MaxNameChars}, {"position", e.Position, MaxLineChars},
		{"level", e.Level, MaxLineChars}, {"video_url", e.VideoURL, MaxURLChars}, {"reviewed", e.Reviewed, MaxLineChars},
	} {
		if msg := checkLength(f.key, f.val, f.limit); msg != "" {
			p.add(line(f.key), "%s%s", prefix, msg)
		}
	}
	for _, l := range []struct {
		key  string
		vals []string
	}{{"aliases", e.Aliases}, {"regions", e.Regions}, {"conditions", e.Conditions}, {"equipment", e.Equipment}} {
		if msg := checkCount(l.key, len(l.vals), MaxKeywords, "are kept"); msg != "" {
			p.add(line(l.key), "%s%s", prefix, msg)
		}
		for i, v := range l.vals {
			key := fmt.Sprintf("%s[%d]", l.key, i+1)
			if msg := checkLength(key, v, MaxLineChars); msg != "" {
				p.add(line(key), "%s%s", prefix, msg)
			}
		}
	}
	if len(e.Regions) == 0 {
		p.add(line("regions"), `%sregions is required: the body parts it is for, e.g. regions: [neck]`, prefix)
	}
	switch lat := Laterality(strings.TrimSpace(m.Laterality)); lat {
	case BothSides, OneSide, Alternating:
		e.Laterality = lat
	case "":
		p.add(line("laterality"), `%slaterality is required: write laterality: both-sides (both sides together, or the middle of the body), one-side (one side at a time) or alternating`, prefix)
	default:
		p.add(line("laterality"), `%slaterality %q is unknown; write both-sides, one-side or alternating`, prefix, lat)
	}
	switch e.Limb {
	case "", "arm", "leg":
		if e.Limb != "" && e.Laterality != OneSide {
			p.add(line("limb"), `%slimb is for a one-side exercise (it makes the side read "right leg"); remove it, or write laterality: one-side`, prefix)
		}
	default:
		p.add(line("limb"), `%slimb %q is unknown; write limb: arm or limb: leg, or leave it out ("right side")`, prefix, e.Limb)
	}
	switch k := SourceKind(strings.TrimSpace(m.Source)); k {
	case Guideline, HandoutPattern, Clinician:
		e.SourceKind = k
	case "":
		p.add(line("source"), `%ssource is required: the kind of source the advice follows; write source: guideline, handout-pattern or clinician`, prefix)
	default:
		p.add(line("source"), `%ssource %q is unknown; write guideline, handout-pattern or clinician`, prefix, k)
	}
	if e.Reviewed != "" {
		if _, err := time.Parse(time.DateOnly, e.Reviewed); err != nil {
			p.add(line("reviewed"), "%sreviewed %q is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", prefix, e.Reviewed)
		}
	}
	if e.VideoURL != "" {
		if u, err := url.Parse(e.VideoURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			p.add(line("video_url"), "%svideo_url %q is not a web address; write it in full, starting https://", prefix, e.VideoURL)
		}
	}
	if d := strings.TrimSpace(m.Dose); d != "" {
		e.Dose = libraryDose(d, line("dose"), prefix, p)
	}
}

// libraryDose parses the dose text of an exercise, a protocol or a
// programme, reporting problems at line. The side is not part of it: it
// is a key of its own (a programme's side:), which the wording checks
// against the exercise's laterality.
func libraryDose(text string, line int, prefix string, p *problems) *Dose {
	d, err := ParseDose(text, Pos{})
	if err != nil {
		p.wrap(line, err, "%sdose: %s", prefix, strings.ReplaceAll(err.Error(), "\n", "; "))
		return nil
	}
	if d.Side != "" {
		p.add(line, `%sdose: the side is not part of a dose here; remove "side %s" and write the side on a line of its own ("side: right") in the programme`, prefix, d.Side)
		return nil
	}
	d.Pos = Pos{File: p.file, Line: line}
	return d
}

// exerciseBody sorts the blocks of an exercise's body into e's why,
// figures, steps, tips and cautions.
func exerciseBody(e *Exercise, h *Handout, firstLine int, p *problems, describe DescribeDrawing) {
	if len(h.References) > 0 {
		p.add(h.References[0].Pos.Line, "footnotes are not part of an exercise; say the kind of source in the front matter (source: …)")
	}
	for _, s := range h.Sections {
		if s.Title != nil {
			p.add(s.Pos.Line, `an exercise has no "##" sections: write the why, the figures, the numbered steps, then tips and cautions as callouts`)
			continue
		}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *Paragraph:
				if e.Why != nil {
					p.add(b.Pos.Line, "an exercise has one short paragraph saying why; put more as a tip (> [!TIP]) or shorten it")
					continue
				}
				e.Why, e.whyLine = b.Text, b.Pos.Line
			case *Figure:
				checkAlt(b, p, describe)
				e.Figures = append(e.Figures, b)
			case *List:
				if !b.Ordered {
					p.add(b.Pos.Line, `an exercise's steps are a numbered list ("1. …"); write tips as a callout (> [!TIP])`)
					continue
				}
				if e.Steps != nil {
					p.add(b.Pos.Line, "an exercise has one numbered list of steps; join the lists")
					continue
				}
				e.Steps, e.stepsLine = b.Items, b.Pos.Line
			case *Callout:
				switch b.Kind {
				case Tip, Note:
					e.Tips = append(e.Tips, b)
				default:
					e.Cautions = append(e.Cautions, b)
				}
			case *Heading:
				p.add(b.Pos.Line, `an exercise has no "###" headings: write the why, the figures, the numbered steps, then tips and cautions as callouts`)
			}
		}
	}
	switch {
	case e.Steps == nil:
		p.add(firstLine, `the exercise has no steps; write 3 to 5 numbered steps ("1. Sit tall in a chair.")`)
	case len(e.Steps) > MaxSteps:
		p.add(e.stepsLine, "the exercise has %d steps; at most %d fit its row of the sheet, join or drop some", len(e.Steps), MaxSteps)
	}
	if len(e.Figures) == 0 {
		p.add(firstLine, `the exercise has no figure; add one, e.g. ![Start](builtin:%s-start){alt="…"} ![Finish](builtin:%s-finish){alt="…"}`, e.ID, e.ID)
	}
}

// MaxSteps is how many numbered steps an exercise may have: what fits its
// row of the sheet beside the drawings (HANDOUT-DESIGN.md §2.9).
const MaxSteps = 5

// checkAlt reports a panel of f without alt text, unless it is a built-in
// drawing with a description of its own, which then becomes its alt text.
func checkAlt(f *Figure, p *problems, describe DescribeDrawing) {
	for i := range f.Panels {
		pn := &f.Panels[i]
		if pn.Alt != "" {
			continue
		}
		if name, ok := pn.Builtin(); ok && describe != nil {
			if pn.Alt = describe(name); pn.Alt != "" {
				continue
			}
		}
		p.add(pn.Pos.Line, `image %q has no alt text; describe the picture for someone who cannot see it, right after the image: {alt="Sitting tall, chin drawn straight back"}`, pn.Source)
	}
}

// trimAll trims each string of list, dropping empty ones.
func trimAll(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
