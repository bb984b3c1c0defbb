package batch_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/batch"
	"handout/internal/pdftest"
)

// TestLanguageColumn: a row's language column is its packet's language
// (the labels, dates, and a programme's exercises' words); a language the
// program does not print fails that row only, by line and id, listing the
// languages there are, and the other rows are made. The clinic profile's
// words are in the row's language too.
func TestLanguageColumn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "id,name,visit_date,exercises,language\n" +
		"P1,Ana Ejemplo,2026-12-01,chin-tuck | hamstring-stretch: side right,es-MX\n" +
		"P2,Ana Ejemplo,2026-12-01,chin-tuck,xx\n" +
		"P3,Ana Ejemplo,2026-12-01,chin-tuck | hamstring-stretch: side right,en-GB\n" +
		"P4,Ana Ejemplo,2026-12-01,chin-tuck,zh\n"
	list := writeList(t, dir, "patients.csv", src)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v, want some rows failed:\n%s", err, stderr)
	}
	const languages = "en-US, en-GB, es, fr, fr-CA, pt-BR, pl"
	for _, want := range []string{
		`patients.csv:3 (id P2): language: "xx" is no language BCP 47 knows; handout prints ` + languages,
		`patients.csv:5 (id P4): language: handout does not print "zh"; it prints ` + languages,
		"4 rows: 2 written, 0 skipped, 2 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"P1", "P3"})
	packet := func(id string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, "2026-12-01-"+id+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(strings.Join(pdftest.Text(t, b), " ")), " ") // as read, without the line breaks
	}
	for id, wants := range map[string][]string{
		"P1": {"Su programa de ejercicios en casa", "1 de diciembre de 2026", "alrededor del pie del lado derecho", "pierna derecha", "Su registro de ejercicios",
			"Especialistas en dolor de espalda media", "Otros horarios con cita previa", "Esta hoja apoya"}, // the sample profile's translations: es
		"P3": {"Your home exercise programme", "1 Dec 2026", "around your right foot", "right leg", "Tick a box"},
	} {
		text := packet(id)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s's packet lacks %q:\n%s", id, want, text)
			}
		}
	}
}
