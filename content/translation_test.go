package content

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handout/locale"
)

// builtinTranslations lists the built-in translations' ids by language:
// the files of every language folder of the built-in exercises.
func builtinTranslations(t *testing.T, dir, ext string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := fs.WalkDir(builtinFS, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if lang := translationFolder(name); lang != "" {
			out[lang] = append(out[lang], strings.TrimSuffix(path.Base(name), ext))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBuiltinExerciseTranslations checks each built-in translation
// against its original: the same id, the same pictures in the same order,
// as many steps, tips and cautions (of the same kinds), alt text on every
// panel and in its own language (not the original's), and every fact the
// original's; and that it reads easily (Fernández-Huerta ≥ 70).
func TestBuiltinExerciseTranslations(t *testing.T) {
	l := builtinLibrary(t)
	langs := builtinTranslations(t, builtinExercisesDir, ".md")
	if len(langs["es"]) < 2 {
		t.Fatalf("built-in Spanish exercises: %v", langs["es"])
	}
	for lang, ids := range langs {
		for _, id := range ids {
			o, err := l.Exercise(id, "")
			if err != nil {
				t.Errorf("%s/%s: no original: %v", lang, id, err)
				continue
			}
			e, err := l.Exercise(id, lang)
			if err != nil {
				t.Error(err)
				continue
			}
			if e.Language != lang || e.ID != o.ID || e.Source != "exercises/"+lang+"/"+id+".md"+builtinSuffix {
				t.Errorf("%s/%s: language %q, id %q, source %q", lang, id, e.Language, e.ID, e.Source)
			}
			if len(e.Figures) != len(o.Figures) || len(e.Steps) != len(o.Steps) || len(e.Tips) != len(o.Tips) || len(e.Cautions) != len(o.Cautions) {
				t.Errorf("%s: %d figures, %d steps, %d tips, %d cautions; the original %d, %d, %d, %d", e.Source,
					len(e.Figures), len(e.Steps), len(e.Tips), len(e.Cautions), len(o.Figures), len(o.Steps), len(o.Tips), len(o.Cautions))
				continue
			}
			for i, f := range e.Figures {
				for j, pn := range f.Panels {
					op := o.Figures[i].Panels[j]
					if pn.Source != op.Source || pn.Alt == "" || pn.Alt == op.Alt || pn.Caption == "" {
						t.Errorf("%s: figure %d panel %d: %s alt %q caption %q; the original's %s alt %q", e.Source, i+1, j+1, pn.Source, pn.Alt, pn.Caption, op.Source, op.Alt)
					}
				}
			}
			if !slices.Equal(e.Regions, o.Regions) || !slices.Equal(e.Conditions, o.Conditions) || e.Position != o.Position ||
				!slices.Equal(e.Equipment, o.Equipment) || e.Laterality != o.Laterality || e.Limb != o.Limb || e.Level != o.Level ||
				e.Dose != o.Dose || e.SourceKind != o.SourceKind || e.VideoURL != o.VideoURL {
				t.Errorf("%s: its facts are not the original's", e.Source)
			}
			if lang == "es" {
				if fh := LecturabilidadFH(e.Sentences()); fh < 70 {
					t.Errorf("%s reads at Fernández-Huerta %.0f, want 70 or more (shorter sentences, shorter words)", e.Source, fh)
				}
			}
		}
	}
}

// TestBuiltinProtocolTranslations checks each built-in protocol
// translation: a name and purpose of its own, the original's exercises.
func TestBuiltinProtocolTranslations(t *testing.T) {
	l := builtinLibrary(t)
	for lang, ids := range builtinTranslations(t, builtinProtocolsDir, ".yaml") {
		for _, id := range ids {
			o, err := l.Protocol(id, "")
			if err != nil {
				t.Error(err)
				continue
			}
			p, err := l.Protocol(id, lang)
			if err != nil {
				t.Error(err)
				continue
			}
			if p.Name == o.Name || p.Purpose == o.Purpose || p.Language != lang || len(p.Items) != len(o.Items) {
				t.Errorf("%s: name %q purpose %q language %q, %d exercises", p.Source, p.Name, p.Purpose, p.Language, len(p.Items))
			}
			if lang == "es" {
				if fh := LecturabilidadFH([]string{p.Name, p.Purpose}); fh < 70 {
					t.Errorf("%s reads at Fernández-Huerta %.0f, want 70 or more", p.Source, fh)
				}
			}
		}
	}
}

// TestExerciseLanguage: a translation is found by the primary language
// (es-MX is es) and by its own names; English and no language get the
// original; a language without a translation is a *NoTranslationError
// naming the exercise and the language.
func TestExerciseLanguage(t *testing.T) {
	l := builtinLibrary(t)
	for _, lang := range []string{"es", "es-MX", "ES-419"} {
		e, err := l.Exercise("cat-cow", lang)
		if err != nil || e.Name != "Gato y vaca" {
			t.Errorf("cat-cow in %s: %v, %v", lang, e, err)
		}
	}
	for _, lang := range []string{"", "en", "en-US"} {
		if e, err := l.Exercise("cat-cow", lang); err != nil || e.Name != "Cat and cow" {
			t.Errorf("cat-cow in %q: %v, %v", lang, e, err)
		}
	}
	if e, err := l.Exercise("gato vaca", "es"); err != nil || e.ID != "cat-cow" || e.Language != "es" {
		t.Errorf("a Spanish alias in Spanish: %v, %v", e, err)
	}
	if _, err := l.Exercise("gato vaca", "en"); err == nil {
		t.Error("a Spanish alias finds an exercise in English")
	}
	_, err := l.Exercise("cat-cow", "fr-CA")
	var nt *NoTranslationError
	if !errors.As(err, &nt) || nt.ID != "cat-cow" || nt.Language != "fr-CA" ||
		!strings.Contains(err.Error(), `exercise cat-cow has no text in language "fr-CA"`) || !strings.Contains(err.Error(), "language_fallback: english") {
		t.Errorf("cat-cow in French: %v", err)
	}
}

// TestSearchLanguage: in Spanish the search finds Spanish names and
// returns the Spanish text.
func TestSearchLanguage(t *testing.T) {
	l := builtinLibrary(t)
	got := l.Search(Query{Text: "gato", Language: "es"})
	if len(got) != 1 || got[0].ID != "cat-cow" || got[0].Name != "Gato y vaca" {
		t.Errorf("search gato in es: %v", got)
	}
	if got := l.Search(Query{Text: "gato"}); len(got) != 0 {
		t.Errorf("search gato in English: %v", got)
	}
	if got := l.Search(Query{Text: "gluteo", Language: "es"}); !slices.ContainsFunc(got, func(e *Exercise) bool { return e.ID == "glute-bridge" }) {
		t.Errorf("search gluteo (without its accent) in es: %v", got)
	}
	if got := l.Search(Query{Text: "cat", Language: "es"}); len(got) != 1 || got[0].Language != "es" {
		t.Errorf("search cat in es: %v", got)
	}
}

// spanishWallPush translates the test library's validExercise.
const spanishWallPush = `---
id: wall-push
language: es
name: Flexión contra la pared
aliases: [empuje en la pared]
---
Esto fortalece los brazos y el pecho.

![Inicio](photos/wall-1.jpg){alt="De pie frente a la pared, con las manos en ella"} ![Final](photos/wall-2.jpg){alt="Con los codos doblados, el pecho cerca de la pared"}

1. Párese frente a una pared, a la distancia de un brazo.
2. Doble los codos y acerque el pecho a la pared.
3. Empuje para volver.

> [!TIP]
> Mantenga el cuerpo recto.

> [!CAUTION]
> Deténgase si le duele el hombro.
`

// TestTranslationErrors: a translation that does not match its original
// is refused, naming its file and line and what to do.
func TestTranslationErrors(t *testing.T) {
	if !strings.Contains(validExercise, "![Start](photos/wall-1.jpg)") {
		t.Fatal("validExercise changed; update spanishWallPush")
	}
	es := filepath.Join("es", "wall-push.md")
	for _, c := range []struct {
		name, from, to string
		want           []string
	}{
		{"figures in another order", "(photos/wall-1.jpg){", "(photos/wall-3.jpg){",
			[]string{es + `:9: figure 1 shows photos/wall-3.jpg where the original (`, "shows photos/wall-1.jpg; give the same pictures in the same order"}},
		{"a step more", "3. Empuje para volver.\n", "3. Empuje para volver.\n4. Descanse.\n",
			[]string{es + ":11: the translation has 4 steps and the original (", ") 3; translate each step as one step"}},
		{"a fact repeated", "language: es\n", "language: es\nregions: [hombro]\n",
			[]string{es + ":4: front matter: regions is a fact of the original exercise, not words: it is given there only; remove it"}},
		{"a dose repeated", "language: es\n", "language: es\ndose: reps 10\n",
			[]string{es + ":4: front matter: dose is a fact of the original exercise"}},
		{"no alt text", `{alt="Con los codos doblados, el pecho cerca de la pared"}`, "",
			[]string{es + `:9: image "photos/wall-2.jpg" has no alt text`}},
		{"a caution lost", "\n> [!CAUTION]\n> Deténgase si le duele el hombro.\n", "",
			[]string{es + ":2: the translation has 0 cautions and the original (", ") 1; translate each one, so that none is lost"}},
		{"a caution made a tip", "> [!CAUTION]", "> [!TIP]",
			[]string{es + ":2: the translation has 2 tips and the original", es + ":2: the translation has 0 cautions"}},
		{"a caution made a warning", "> [!CAUTION]", "> [!WARNING]",
			[]string{es + ":18: this is a [!WARNING] where the original (", ") has a [!CAUTION]; keep each callout's kind"}},
		{"no original", "id: wall-push\n", "id: wall-pull\n",
			[]string{es + `:2: no exercise "wall-pull" in the library to translate`}},
		{"wrong language", "language: es\n", "language: fr\n",
			[]string{es + `:3: front matter: language "fr" does not match the folder es/ the file is in; write language: es`}},
		{"no language", "language: es\n", "",
			[]string{es + `:2: front matter: language is required: this file is in the folder es/, so write language: es`}},
		{"a side word in a both-sides exercise", "3. Empuje para volver.", "3. Doble el codo {side}.",
			[]string{es + ":11: {side} and {other} in the steps name the side of a one-side or alternating exercise; this one is laterality: both-sides"}},
		{"a side word in a tip", "> Mantenga el cuerpo recto.", "> Mantenga el brazo {side} recto.",
			[]string{es + ":16: {side} and {other} are worded in the steps only; write the words in tips and cautions"}},
		{"the same alias twice", "aliases: [empuje en la pared]", "aliases: [gato vaca]",
			[]string{es + `:2: alias "gato vaca" is also a name of cat-cow in language "es"; a name finds one exercise`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(spanishWallPush, c.from, c.to, 1)
			if src == spanishWallPush {
				t.Fatal("the case changes nothing")
			}
			dir := writeFiles(t, map[string]string{"wall-push.md": validExercise, "es/wall-push.md": src})
			_, err := LoadLibrary(dir, nil)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nwant it to contain\n%s", err, w)
				}
			}
		})
	}
	dir := writeFiles(t, map[string]string{"wall-push.md": validExercise, "es/wall-push.md": spanishWallPush})
	l, err := LoadLibrary(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e, err := l.Exercise("wall-push", "es"); err != nil || e.Name != "Flexión contra la pared" || e.Dir != dir {
		t.Errorf("the clinic's translation: %+v, %v (its photos are the original's, in %s)", e, err, dir)
	}
}

// TestTranslationOfReplacedExercise: a clinic that replaces a built-in
// exercise loses the built-in translations of it (their words fit the
// built-in one), and its own translation of a built-in exercise replaces
// the built-in translation.
func TestTranslationOfReplacedExercise(t *testing.T) {
	l, err := LoadLibrary(filepath.Join("testdata", "library"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Exercise("chin-tuck", "es"); !errors.As(err, new(*NoTranslationError)) {
		t.Errorf("the clinic's own chin tuck in Spanish: %v; want no translation", err)
	}
	builtin := builtinLibrary(t)
	src, err := builtinFS.ReadFile(builtinExercisesDir + "/es/cat-cow.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"es/cat-cow.md": strings.Replace(string(src), "name: Gato y vaca", "name: El gato", 1)})
	l, err = LoadLibrary(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := l.Exercise("cat-cow", "es")
	if err != nil || e.Name != "El gato" {
		t.Errorf("the clinic's Spanish cat-cow: %v, %v", e, err)
	}
	b, _ := builtin.Exercise("cat-cow", "es")
	if e.fileSum == b.fileSum {
		t.Error("the clinic's translation has the built-in one's sum")
	}
}

// TestTranslateProgramme: a programme's language gives its exercises'
// and protocol's words; doses and sides stay. Without a translation it
// is an error naming the exercise and the language at the programme's
// line, or with FallbackEnglish the English text and a warning.
func TestTranslateProgramme(t *testing.T) {
	l := builtinLibrary(t)
	src := "language: es-MX\nprotocol: neck-pain\nexercises:\n  - id: cat-cow\n    dose: reps 7\n"
	p, _, err := ParseProgramme("p.yaml", []byte(src), l)
	if err != nil {
		t.Fatal(err)
	}
	english := p.LibrarySum()
	warnings, err := l.Translate(p, NoFallback)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("a Spanish programme: %v, %v", err, warnings)
	}
	cat := p.Items[len(p.Items)-1]
	if cat.Exercise.Name != "Gato y vaca" || cat.Dose.Reps != "7" {
		t.Errorf("cat-cow: %q, dose %+v", cat.Exercise.Name, cat.Dose)
	}
	if p.Items[0].Exercise.Language != "es" || p.Protocol.Name != "Dolor de cuello" {
		t.Errorf("chin tuck in %q, the protocol %q", p.Items[0].Exercise.Language, p.Protocol.Name)
	}
	spanish := p.LibrarySum()

	// French: nothing is translated.
	p.Language = "fr"
	if _, err := l.Translate(p, NoFallback); err == nil ||
		!strings.Contains(err.Error(), `protocols/neck-pain.yaml (built-in):1: protocol neck-pain has no text in language "fr"`) ||
		!strings.Contains(err.Error(), `p.yaml:4: exercise cat-cow has no text in language "fr"`) {
		t.Fatalf("a programme with untranslated exercises: %v", err)
	}
	warnings, err = l.Translate(p, FallbackEnglish)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != len(p.Items)+1 || p.Items[0].Exercise.Name != "Chin tuck" || p.Protocol.Name != "Neck pain" {
		t.Errorf("%d warnings for %d exercises and a protocol; chin tuck %q", len(warnings), len(p.Items), p.Items[0].Exercise.Name)
	}
	for _, w := range warnings {
		if !strings.Contains(w.Msg, "prints in English (language_fallback: english)") {
			t.Errorf("warning %s", w)
		}
	}
	if spanish == english {
		t.Error("the Spanish programme has the English one's library sum")
	}
	p.Language = "en"
	if _, err := l.Translate(p, NoFallback); err != nil || p.Items[0].Exercise.Name != "Chin tuck" {
		t.Errorf("back in English: %v, %q", err, p.Items[0].Exercise.Name)
	}
}

// handoutText is a handout's sentences as the readability meters read
// them: its title and subtitle, headings, paragraphs, list items and
// callouts (not the references, which are citations).
func handoutText(h *Handout) []string {
	out := []string{h.Meta.Title, h.Meta.Subtitle}
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Heading:
				out = append(out, plainText(b.Text))
			case *Paragraph:
				out = append(out, plainText(b.Text))
			case *List:
				for _, it := range b.Items {
					out = append(out, plainText(it))
				}
			case *Callout:
				blocks(b.Blocks)
			}
		}
	}
	for _, s := range h.Sections {
		out = append(out, plainText(s.Title))
		blocks(s.Blocks)
	}
	return out
}

// TestBuiltinHandoutTranslation: the built-in handout in Spanish (es-MX
// finds es) is the English one's article in the same shape: the same
// drawings in the same order, each with alt text of its own, as many
// sections, steps, doses and cautions; it reads easily; a language it is
// not written in is an error listing those it is.
func TestBuiltinHandoutTranslation(t *testing.T) {
	en, err := BuiltinHandout("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	es, err := BuiltinHandout("mid-back-pain", "es-MX")
	if err != nil {
		t.Fatal(err)
	}
	if es.Meta.Language != "es" || es.Source != "es/mid-back-pain.md"+builtinSuffix {
		t.Errorf("language %q, source %q", es.Meta.Language, es.Source)
	}
	shape := func(h *Handout) (figures []string, counts map[string]int) {
		counts = map[string]int{}
		for _, s := range h.Sections {
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *Figure:
					for _, p := range b.Panels {
						figures = append(figures, p.Source)
						if h == es && (p.Alt == "" || p.Caption == "") {
							t.Errorf("%s: %s has no alt text or caption", h.Source, p.Source)
						}
					}
				case *List:
					counts["list items"] += len(b.Items)
				case *Dose:
					counts["doses"]++
				case *Callout:
					counts[string(b.Kind)]++
				case *Heading:
					counts["headings"]++
				}
			}
		}
		counts["sections"] = len(h.Sections)
		counts["references"] = len(h.References)
		return figures, counts
	}
	ef, ec := shape(en)
	sf, sc := shape(es)
	if !slices.Equal(ef, sf) {
		t.Errorf("figures\n%v\nthe English\n%v", sf, ef)
	}
	for k, n := range ec {
		if sc[k] != n {
			t.Errorf("%d %s, the English %d", sc[k], k, n)
		}
	}
	if fh := LecturabilidadFH(handoutText(es)); fh < 70 {
		t.Errorf("%s reads at Fernández-Huerta %.0f, want 70 or more", es.Source, fh)
	}
	if _, err := BuiltinHandout("mid-back-pain", "fr"); err == nil || !strings.Contains(err.Error(), `built-in handout mid-back-pain is not written in language "fr"; it is in: en, es`) {
		t.Errorf("in French: %v", err)
	}
}

// TestTranslationSideWords: a translation's steps may name the side with
// {side} and {other}, worded in the document's language after the noun
// ("el pie del lado derecho"), which agrees with a noun of either gender.
func TestTranslationSideWords(t *testing.T) {
	original := strings.Replace(validExercise, "laterality: both-sides", "laterality: one-side\nlimb: arm", 1)
	spanish := strings.Replace(spanishWallPush, "2. Doble los codos y acerque el pecho a la pared.",
		"2. Doble el codo {side} y apoye la mano {other} en la cadera.", 1)
	dir := writeFiles(t, map[string]string{"wall-push.md": original, "es/wall-push.md": spanish})
	l, err := LoadLibrary(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := l.Exercise("wall-push", "es")
	if err != nil {
		t.Fatal(err)
	}
	w, err := locale.Match("es")
	if err != nil {
		t.Fatal(err)
	}
	for side, want := range map[Side]string{
		NoSide:    "Doble el codo de un lado y apoye la mano del otro lado en la cadera.",
		Alternate: "Doble el codo de un lado y apoye la mano del otro lado en la cadera.",
		Right:     "Doble el codo del lado derecho y apoye la mano del lado izquierdo en la cadera.",
		Left:      "Doble el codo del lado izquierdo y apoye la mano del lado derecho en la cadera.",
	} {
		if got := plainText(e.StepsFor(w, side)[1]); got != want {
			t.Errorf("side %q: %q, want %q", side, got, want)
		}
	}
}
