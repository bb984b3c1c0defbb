package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/content"
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
