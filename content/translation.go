package content

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"
)

// A translation gives an exercise or a protocol of the library in another
// language. It is a file of its own beside the original, in a folder named
// by the language's two-letter code: exercises/es/cat-cow.md translates
// exercises/cat-cow.md, protocols/es/neck-pain.yaml translates
// protocols/neck-pain.yaml, and a clinic's LIBRARY/es/ID.md translates its
// LIBRARY/ID.md (or a built-in exercise). It holds words only: the name,
// search words, the why, figure captions and alt texts, steps, tips and
// cautions. Every fact that is not words (regions, conditions, position,
// equipment, laterality, level, dose, source, a protocol's exercises)
// belongs to the original alone, so that a translation cannot disagree
// with it; a translation that repeats one is an error. The original is in
// English: the library's language.
//
// A translation must match its original: the same id, the same figures
// (the same pictures in the same order: it gives them its own captions and
// alt texts), the same number of steps, and the same tips and cautions in
// the same order, so that no caution is lost in translation. Alt text is
// required on every panel, since a built-in drawing's own description is
// English.

// LibraryLanguage is the language of the library's originals.
const LibraryLanguage = "en"

// PrimaryLanguage is the primary language subtag of a BCP 47 tag, lower
// case: "es" for "es-MX", "" for "". Translations are found by it: a
// programme in es-MX gets the es texts.
func PrimaryLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	return strings.ToLower(base)
}

// isOriginalLanguage reports whether tag asks for the originals' words:
// no language, or English.
func isOriginalLanguage(tag string) bool {
	p := PrimaryLanguage(tag)
	return p == "" || p == LibraryLanguage
}

// translationFolder returns the language a library file is a translation
// into, from the name of the folder it is in ("es" for
// "exercises/es/cat-cow.md"), or "" for an original. Only a two-letter
// ISO 639-1 code names a language, so that a clinic's folder of hip
// exercises ("hip/") is not taken for one.
func translationFolder(name string) string {
	dir := path.Base(path.Dir(strings.ReplaceAll(name, `\`, "/")))
	if len(dir) != 2 || dir != strings.ToLower(dir) {
		return ""
	}
	if _, err := language.ParseBase(dir); err != nil {
		return ""
	}
	return dir
}

// LanguageFallback says what a programme gets when one of its exercises
// (or its protocol) has no text in the programme's language: the clinic
// profile's language_fallback.
type LanguageFallback string

const (
	// NoFallback makes it an error naming the exercise and the language.
	NoFallback LanguageFallback = ""
	// FallbackEnglish prints the English original, with a warning.
	FallbackEnglish LanguageFallback = "english"
)

// NoTranslationError is an exercise or a protocol that the library has,
// but not in the language asked for.
type NoTranslationError struct {
	What     string // "exercise", "protocol"
	ID       string
	Language string // as asked: "es-MX"
}

func (e *NoTranslationError) Error() string {
	lang := PrimaryLanguage(e.Language)
	folder := "exercises"
	file := e.ID + ".md"
	if e.What == "protocol" {
		folder, file = "protocols", e.ID+".yaml"
	}
	return fmt.Sprintf("%s %s has no text in language %q; write its translation (a clinic's LIBRARY/%s/%s, or the built-in %s/%s/%s), choose another language, or let the clinic profile print it in English (language_fallback: english)",
		e.What, e.ID, e.Language, lang, file, folder, lang, file)
}

// exerciseWordsMeta is a translation's front matter. The facts' keys are
// read too, to say that they belong to the original rather than that they
// are unknown.
type exerciseWordsMeta struct {
	ID       string   `yaml:"id"`
	Language string   `yaml:"language"`
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`

	Regions    any `yaml:"regions"`
	Conditions any `yaml:"conditions"`
	Position   any `yaml:"position"`
	Equipment  any `yaml:"equipment"`
	Laterality any `yaml:"laterality"`
	Limb       any `yaml:"limb"`
	Level      any `yaml:"level"`
	Dose       any `yaml:"dose"`
	VideoURL   any `yaml:"video_url"`
	Reviewed   any `yaml:"reviewed"`
	Source     any `yaml:"source"`
}

// facts lists the keys of m that only an original may give, with whether
// each is there.
func (m *exerciseWordsMeta) facts() []struct {
	key   string
	given bool
} {
	return []struct {
		key   string
		given bool
	}{
		{"regions", m.Regions != nil}, {"conditions", m.Conditions != nil}, {"position", m.Position != nil},
		{"equipment", m.Equipment != nil}, {"laterality", m.Laterality != nil}, {"limb", m.Limb != nil},
		{"level", m.Level != nil}, {"dose", m.Dose != nil}, {"video_url", m.VideoURL != nil},
		{"reviewed", m.Reviewed != nil}, {"source", m.Source != nil},
	}
}

// ParseExerciseTranslation reads a translation of an exercise (see above)
// into the language folder says (translationFolder's "es"). The result
// has only the words: Language, ID, Name, Aliases, Why, Figures, Steps,
// Tips and Cautions; Translate merges it with its original. name is used
// in messages only.
func ParseExerciseTranslation(name, folder string, src []byte) (*Exercise, error) {
	src, err := prepareSource(name, src, "start with front matter: a \"---\" line, then \"id: …\" (see docs/library.md)")
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	fm, body, ok := splitFrontMatter(src, "id", p)
	if !ok {
		return nil, p.err()
	}
	const prefix = "front matter: "
	var m exerciseWordsMeta
	doc := decodeYAML(fm.text, fm.firstLine-1, prefix, &m, p)
	if doc == nil {
		return nil, p.err()
	}
	line := func(key string) int { return max(doc.line(key), 1) }
	t := &Exercise{Source: name, Pos: Pos{File: name, Line: line("id")}, fileSum: sha256Hex(src),
		ID: strings.TrimSpace(m.ID), Name: strings.TrimSpace(m.Name), Aliases: trimAll(m.Aliases),
		Language: strings.TrimSpace(m.Language)}
	checkTranslationHead(t.ID, t.Name, t.Language, folder, line, prefix, p)
	for _, f := range m.facts() {
		if f.given {
			p.add(line(f.key), "%s%s is a fact of the original exercise, not words: it is given there only; remove it from the translation", prefix, f.key)
		}
	}
	if msg := checkCount("aliases", len(t.Aliases), MaxKeywords, "are kept"); msg != "" {
		p.add(line("aliases"), "%s%s", prefix, msg)
	}
	h := &Handout{Source: name}
	convertBody(h, body, p, `a translation has no dose: the original's front matter gives it`)
	exerciseBody(t, h, body.firstLine, p, nil) // nil: a drawing's own description is English, so alt text is required
	if !p.ok() {
		return nil, p.err()
	}
	return t, nil
}

// checkTranslationHead checks a translation's id, name and language
// against the folder it is in.
func checkTranslationHead(id, name, lang, folder string, line func(string) int, prefix string, p *problems) {
	switch {
	case id == "":
		p.add(line("id"), `%sid is required; a translation has its original's id, e.g. id: chin-tuck`, prefix)
	case !idRE.MatchString(id):
		p.add(line("id"), `%sid %q must be lower-case letters and digits joined by "-": the original's id`, prefix, id)
	}
	if name == "" {
		p.add(line("name"), `%sname is required: the name the patient reads, in the translation's language`, prefix)
	} else if msg := checkLength("name", name, MaxNameChars); msg != "" {
		p.add(line("name"), "%s%s", prefix, msg)
	}
	switch {
	case lang == "":
		p.add(line("id"), `%slanguage is required: this file is in the folder %s/, so write language: %s`, prefix, folder, folder)
	case !languageRE.MatchString(lang) || PrimaryLanguage(lang) != folder:
		p.add(line("language"), `%slanguage %q does not match the folder %s/ the file is in; write language: %s, or move the file`, prefix, lang, folder, folder)
	}
}

// translateExercise is the original o in t's words: a copy of o with t's
// name, aliases, why, figures (their captions and alt texts), steps, tips
// and cautions. It reports where t does not match o, at t's lines.
func translateExercise(o, t *Exercise) (*Exercise, error) {
	p := &problems{file: t.Source}
	about := fmt.Sprintf("the original (%s)", o.Source)
	if len(t.Figures) != len(o.Figures) {
		p.add(t.Pos.Line, "the translation has %d figures and %s %d; a translation shows the same pictures in the same order, with its own captions and alt texts", len(t.Figures), about, len(o.Figures))
	} else {
		for i, f := range t.Figures {
			of := o.Figures[i]
			if len(f.Panels) != len(of.Panels) {
				p.add(f.Pos.Line, "figure %d has %d pictures and %s's %d; give the same pictures in the same order", i+1, len(f.Panels), about, len(of.Panels))
				continue
			}
			for j, pn := range f.Panels {
				if pn.Source != of.Panels[j].Source {
					p.add(pn.Pos.Line, "figure %d shows %s where %s shows %s; give the same pictures in the same order", i+1, pn.Source, about, of.Panels[j].Source)
				}
			}
		}
	}
	if len(t.Steps) != len(o.Steps) {
		p.add(t.stepsLine, "the translation has %d steps and %s %d; translate each step as one step, so that the patient does the same", len(t.Steps), about, len(o.Steps))
	}
	if (len(t.Why) == 0) != (len(o.Why) == 0) {
		p.add(t.Pos.Line, "the translation and %s must both have the paragraph saying why, or both not", about)
	}
	checkCallouts := func(what string, tc, oc []*Callout) {
		if len(tc) != len(oc) {
			p.add(t.Pos.Line, "the translation has %d %s and %s %d; translate each one, so that none is lost", len(tc), what, about, len(oc))
			return
		}
		for i, c := range tc {
			if c.Kind != oc[i].Kind {
				p.add(c.Pos.Line, "this is a [!%s] where %s has a [!%s]; keep each callout's kind, a caution stays a caution", strings.ToUpper(string(c.Kind)), about, strings.ToUpper(string(oc[i].Kind)))
			}
		}
	}
	checkCallouts("tips", t.Tips, o.Tips)
	checkCallouts("cautions", t.Cautions, o.Cautions)
	if !p.ok() {
		return nil, p.err()
	}
	e := *o
	e.Source, e.Pos, e.Language = t.Source, t.Pos, t.Language
	e.Name, e.Aliases = t.Name, t.Aliases
	e.Why, e.Figures, e.Steps, e.Tips, e.Cautions = t.Why, t.Figures, t.Steps, t.Tips, t.Cautions
	e.whyLine, e.stepsLine = t.whyLine, t.stepsLine
	e.fileSum = sha256Hex([]byte(o.fileSum + " " + t.fileSum)) // either file's edit makes its packets again
	// {side} and {other} are checked on the merged exercise: whether there
	// is a side to name is the original's laterality, where they stand is
	// the translation's text.
	checkSideRefs(&e, p)
	if !p.ok() {
		return nil, p.err()
	}
	return &e, nil
}

// protocolWordsYAML is a protocol translation: its words. The exercises
// key is read to say that the list belongs to the original.
type protocolWordsYAML struct {
	ID        string `yaml:"id"`
	Language  string `yaml:"language"`
	Name      string `yaml:"name"`
	Purpose   string `yaml:"purpose"`
	Exercises any    `yaml:"exercises"`
}

// ParseProtocolTranslation reads a translation of a protocol into the
// language folder says: its id, name and purpose. name is used in
// messages only.
func ParseProtocolTranslation(name, folder string, src []byte) (*Protocol, error) {
	src, err := prepareSource(name, src, `start with "id: …" (see docs/library.md)`)
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	var y protocolWordsYAML
	doc := decodeYAML(src, 0, "", &y, p)
	if doc == nil {
		return nil, p.err()
	}
	line := func(key string) int { return max(doc.line(key), 1) }
	pr := &Protocol{Source: name, Pos: Pos{File: name, Line: line("id")}, fileSum: sha256Hex(src),
		ID: strings.TrimSpace(y.ID), Name: strings.TrimSpace(y.Name), Purpose: strings.TrimSpace(y.Purpose),
		Language: strings.TrimSpace(y.Language)}
	checkTranslationHead(pr.ID, pr.Name, pr.Language, folder, line, "", p)
	if msg := checkLength("purpose", pr.Purpose, MaxSubtitleChars); msg != "" {
		p.add(line("purpose"), "%s", msg)
	}
	if y.Exercises != nil {
		p.add(line("exercises"), "the exercises are the original protocol's, given there only; remove them from the translation")
	}
	if !p.ok() {
		return nil, p.err()
	}
	return pr, nil
}

// translateProtocol is the original o with t's name and purpose.
func translateProtocol(o, t *Protocol) (*Protocol, error) {
	if o.Purpose != "" && t.Purpose == "" {
		return nil, &Error{Pos: t.Pos, Msg: fmt.Sprintf("the original (%s) says what the protocol is for; translate it: purpose: …", o.Source)}
	}
	pr := *o
	pr.Source, pr.Pos, pr.Language = t.Source, t.Pos, t.Language
	pr.Name, pr.Purpose = t.Name, t.Purpose
	pr.fileSum = sha256Hex([]byte(o.fileSum + " " + t.fileSum))
	return &pr, nil
}
