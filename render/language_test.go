package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/content"
	"handout/layout"
	"handout/locale"
)

// TestResolveInLanguage: a programme resolved in a language gets its
// exercises' words in that language (a programme file's own language:
// too), the built-in handout its translation; an exercise the language
// lacks is an error naming it and the language, or, under the profile's
// language_fallback: english, the English text and a warning.
func TestResolveInLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	both := write("both.yaml", "exercises:\n  - chin-tuck\n  - id: cat-cow\n    dose: reps 7\n")
	own := write("own.yaml", "language: es-MX\nexercises:\n  - gato vaca\n")
	mixed := write("mixed.yaml", "exercises:\n  - chin-tuck\n  - wall-angel\n")

	specs := NewResolver(nil)
	defer specs.Close()
	hf, err := specs.ResolveIn(both, "es")
	if err != nil {
		t.Fatal(err)
	}
	if got := hf.Programme.Items[1].Exercise.Name; got != "Gato y vaca" || hf.Handout.Meta.Language != "es" {
		t.Errorf("cat-cow in Spanish is %q, the handout's language %q", got, hf.Handout.Meta.Language)
	}
	if hf.Programme.Items[1].DoseLine(locale.English()) == "" {
		t.Error("the dose is lost")
	}
	if en, err := specs.Resolve(both); err != nil || en.Programme.Items[1].Exercise.Name != "Cat and cow" {
		t.Errorf("the same programme in English: %v", err)
	}
	if hf, err := specs.Resolve(own); err != nil || hf.Programme.Items[0].Exercise.Name != "Gato y vaca" {
		t.Errorf("a programme with language: es-MX: %v", err)
	}
	if _, err := specs.ResolveIn(mixed, "fr"); err == nil || !strings.Contains(err.Error(), `mixed.yaml:3: exercise wall-angel has no text in language "fr"`) {
		t.Errorf("an untranslated exercise in French: %v", err)
	}

	fallback := NewResolver(nil)
	defer fallback.Close()
	fallback.UseLanguageFallback(content.FallbackEnglish)
	hf, err = fallback.ResolveIn(mixed, "fr")
	if err != nil {
		t.Fatal(err)
	}
	if len(hf.Warnings) != 2 || !strings.Contains(hf.Warnings[0].String(), `mixed.yaml:2: exercise chin-tuck has no text in language "fr"; it prints in English`) {
		t.Errorf("warnings %q", hf.Warnings)
	}

	h, err := specs.ResolveIn("builtin:mid-back-pain", "es-MX")
	if err != nil || h.Handout.Meta.Language != "es" || !strings.HasPrefix(string(h.src), "---\ntitle: Estiramientos") {
		t.Errorf("the built-in handout in Spanish: %v", err)
	}
	if _, err := specs.ResolveIn("builtin:mid-back-pain", "pl"); err == nil || !strings.Contains(err.Error(), "it is in: en, es") {
		t.Errorf("the built-in handout in Polish: %v", err)
	}
}

// TestLabelsFallbackWarns: a handout in a language without a catalogue
// (Vietnamese) prints the profile's labels, else en-US, and the job's
// warnings say so, naming the handout's language: line, its language and
// the labels'. A handout in several languages (mul) is no such fallback:
// its labels are the profile's by design, and nothing is said.
func TestLabelsFallbackWarns(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	warnings := func(j Job) []string {
		t.Helper()
		var got []string
		j.Warn = func(msg string) { got = append(got, msg) }
		if _, err := e.Layout(j); err != nil {
			t.Fatal(err)
		}
		return got
	}
	vi := testJob(t, "testdata/vietnamese.md")
	for lang, want := range map[string]string{
		"es": `testdata/vietnamese.md:4: language: handout has no labels in vi; the labels (Page 1 of 2, CAUTION, the dose words) print in es, the clinic profile's language (drummond-chiropractic.yaml (built-in): language)`,
		"":   `testdata/vietnamese.md:4: language: handout has no labels in vi; the labels (Page 1 of 2, CAUTION, the dose words) print in en-US, the default: the clinic profile names no language:`,
	} {
		profile := *vi.Clinic.Profile
		profile.Language = lang
		vi.Clinic.Profile = &profile
		got := warnings(vi)
		if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], "set language: in the clinic profile to one of en-US, en-GB, es, fr, fr-CA, pt-BR, pl") {
			t.Errorf("profile language %q: warnings %q\nwant one starting %q", lang, got, want)
		}
	}

	if got := warnings(testJob(t, "testdata/multilingual.md")); len(got) != 0 {
		t.Errorf("a handout in several languages: warnings %q, want none", got)
	}
}

// TestProfileWordsInLanguage: a document prints the clinic profile's
// words from the translation that matches its language (es-MX takes
// es), the profile's own for what it leaves out, and warns once of
// those, naming the profile, the language and the keys (never the
// patient); a document in a language the profile has no words in warns
// of every key it gives; its own language warns of none.
func TestProfileWordsInLanguage(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	profile, err := content.ParseClinic("words.yaml", []byte(`name: Westside Physio
address: [12 Main St]
phone: (217) 555-0100
tagline: Back care
hours: [{days: Mon–Fri, times: 8 am–6 pm}]
hours_note: Other times by appointment
footer: This sheet does not replace your clinician's advice.
translations:
  es:
    tagline: Cuidado de la espalda
    hours: [{days: lun–vie, times: 8–18 h}]
    footer: Esta hoja no reemplaza los consejos de su profesional.
`))
	if err != nil {
		t.Fatal(err)
	}
	run := func(source, lang string) (string, []string) {
		t.Helper()
		j := testJobIn(t, source, lang, Settings{})
		j.Clinic = Clinic{Profile: profile}
		j.Language, j.Patient, j.Date = lang, "Ana Ejemplo", "2026-12-01"
		var warnings []string
		j.Warn = func(msg string) { warnings = append(warnings, msg) }
		doc, err := e.Layout(j)
		if err != nil {
			t.Fatal(err)
		}
		var dump strings.Builder
		if err := layout.Dump(&dump, doc); err != nil {
			t.Fatal(err)
		}
		for _, w := range warnings {
			if strings.Contains(w, "Ana") {
				t.Errorf("a warning names the patient: %s", w)
			}
		}
		return dump.String(), warnings
	}

	page, warnings := run("builtin:mid-back-pain", "es-MX")
	for _, want := range []string{"Cuidado de la espalda", "lun–vie 8–18 h", "Esta hoja no reemplaza", "Other times by appointment"} {
		if !strings.Contains(page, want) {
			t.Errorf("es-MX: the page lacks %q", want)
		}
	}
	for _, english := range []string{"Back care", "Mon–Fri", "This sheet does not replace"} {
		if strings.Contains(page, english) {
			t.Errorf("es-MX: the page prints the profile's English %q", english)
		}
	}
	want := `words.yaml: translations: es leaves out hours_note, which prints as the profile writes it (in en-US) on this es-MX document; add it under translations: es: in the profile`
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("es-MX: warnings %q\nwant [%q]", warnings, want)
	}

	page, warnings = run("testdata/long-caution.md", "fr")
	if !strings.Contains(page, "Back care") || !strings.Contains(page, "This sheet does not replace") {
		t.Error("fr: the page lacks the profile's own words")
	}
	want = `words.yaml: translations: the profile has no words in fr; its tagline, hours, hours_note, footer print as it writes them (in en-US) on this fr document; add them under translations: fr: in the profile`
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("fr: warnings %q\nwant [%q]", warnings, want)
	}

	if _, warnings = run("builtin:mid-back-pain", "en-GB"); len(warnings) != 0 {
		t.Errorf("en-GB, the profile's own language: warnings %q, want none", warnings)
	}
}

// TestProfileWordsFooterTooLong: a footer too long in a translation's
// words, not the profile's own, is an error that names the language, so
// the clinic shortens the right words.
func TestProfileWordsFooterTooLong(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	long := strings.Repeat("de las 8:00 a.m. a las 6:00 p.m., ", 4)
	var own, es strings.Builder
	for _, day := range []string{"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"} {
		fmt.Fprintf(&own, "  - {days: %.3s, times: 9–5}\n", day)
		fmt.Fprintf(&es, "      - {days: %s, times: %q}\n", day, long)
	}
	profile, err := content.ParseClinic("words.yaml", []byte("name: Westside Physio\naddress: [12 Main St]\nphone: (217) 555-0100\nhours:\n"+
		own.String()+"translations:\n  es:\n    hours:\n"+es.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"", "es"} {
		j := testJobIn(t, "builtin:mid-back-pain", lang, Settings{})
		j.Clinic = Clinic{Profile: profile}
		_, err := e.Layout(j)
		switch {
		case lang == "" && err != nil:
			t.Errorf("in en-US: %v", err)
		case lang == "es" && (err == nil || !strings.Contains(err.Error(), "words.yaml: the footer on every page in es (")):
			t.Errorf("in es: %v; want the footer's error naming es", err)
		}
	}
}
