package serve

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestRenderAPILanguage: the programme's language (the page's choice)
// prints its labels and exercises in that language; one the program does
// not print is a 400 naming the language field and listing the languages
// there are, before anything is rendered.
func TestRenderAPILanguage(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp := ts.post(t, "/api/render", "application/json",
		[]byte(`{"date": "2026-12-01", "language": "es", "exercises": [{"id": "hamstring-stretch", "side": "right"}]}`))
	pdf := readAll(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("language es: %d %s", resp.StatusCode, pdf)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftest.Text(t, pdf), " ")), " ")
	for _, want := range []string{"Sus ejercicios", "1 de diciembre de 2026", "alrededor del pie del lado derecho", "pierna derecha"} {
		if !strings.Contains(text, want) {
			t.Errorf("language es: the PDF lacks %q:\n%s", want, text)
		}
	}
	const languages = "en-US, en-GB, es, fr, fr-CA, pt-BR, pl"
	for _, tag := range []string{"xx", "zh", "Spanish"} {
		resp := ts.post(t, "/api/render", "application/json", []byte(`{"language": "`+tag+`", "exercises": ["glute-bridge"]}`))
		var e apiError
		if err := json.Unmarshal(readAll(t, resp), &e); err != nil || resp.StatusCode != http.StatusBadRequest {
			t.Errorf("language %s: %d, %v", tag, resp.StatusCode, err)
			continue
		}
		if e.Field != "language" || !strings.HasPrefix(e.Error, "language: ") || strings.HasPrefix(e.Error, "language: language:") ||
			!strings.Contains(e.Error, `"`+tag+`"`) || !strings.Contains(e.Error, languages) {
			t.Errorf("language %s: field %q, error %q; want the language field, naming %q and listing %s", tag, e.Field, e.Error, tag, languages)
		}
	}
}

// TestClinicPageTranslations: the clinic page shows the profile's words
// in each language its translations give, marked with that language,
// as a document in it prints them.
func TestClinicPageTranslations(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp, err := http.Get(ts.URL + "/clinic")
	if err != nil {
		t.Fatal(err)
	}
	page := string(readAll(t, resp))
	for _, want := range []string{`<dt>In Español (es)</dt><dd lang="es">`, "Especialistas en dolor de espalda media", "Lun–Mar: 8:00 a.m.–6:00 p.m.", "Otros horarios con cita previa", "Esta hoja apoya"} {
		if !strings.Contains(page, want) {
			t.Errorf("the clinic page lacks %q", want)
		}
	}
	if strings.Contains(page, "untranslated") {
		t.Error("the sample's Spanish words are complete, yet the page lists some as untranslated")
	}
}
