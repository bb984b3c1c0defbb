package render

import (
	"errors"
	"strings"
	"testing"
)

// TestProgrammeJSON: a programme sent as JSON is read by the programme
// file's own parser, and each problem names its JSON field.
func TestProgrammeJSON(t *testing.T) {
	t.Parallel()
	cat, err := NewCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	hf, done, err := cat.ProgrammeJSON("programme", []byte(`{"patient": "Ana Díaz", "protocol": "neck-pain",
		"exercises": [{"id": "chin-tuck", "dose": "reps 12; daily 3", "side": "both", "note": "Slowly.\nTwice."}, "bird-dog"]}`))
	done()
	if err != nil {
		t.Fatal(err)
	}
	if hf.Programme.Patient != "Ana Díaz" || hf.Programme.Protocol.ID != "neck-pain" || hf.Programme.Items[0].Note != "Slowly.\nTwice." {
		t.Errorf("programme read as %+v", hf.Programme)
	}
	for _, c := range []struct{ json, field, msg string }{
		{`{"exercises": ["chin-tuck", {"id": "bird-dog", "side": "left"}]}`, "exercises[1].side", "alternates sides"},
		{`{"exercises": [{"id": "chin-tuck", "dose": "reps 10"}, {"id": "no-such-exercise"}]}`, "exercises[1].id", "no-such-exercise"},
		{`{"exercises": ["chin-tuck", "bird-dgo"]}`, "exercises[1]", "bird-dog"},
		{`{"date": "1/12/2026", "exercises": ["chin-tuck"]}`, "date", "YYYY-MM-DD"},
		{`{"pateint": "Ana", "exercises": ["chin-tuck"]}`, "pateint", "patient"},
		{`{"protocol": "neck-pian"}`, "protocol", "neck-pain"},
		{`{"exercises": ["chin-tuck"]`, "", "not JSON"},
		{`["chin-tuck"]`, "", "one JSON object"},
	} {
		_, done, err := cat.ProgrammeJSON("programme", []byte(c.json))
		done()
		var fe FieldErrors
		if !errors.As(err, &fe) || len(fe) == 0 {
			t.Errorf("%s: error %v, want field errors", c.json, err)
			continue
		}
		if fe[0].Field != c.field || !strings.Contains(fe[0].Msg, c.msg) {
			t.Errorf("%s: %q: %q; want field %q, a message with %q", c.json, fe[0].Field, fe[0].Msg, c.field, c.msg)
		}
	}
}

// TestDrawingSVG: a thumbnail is an SVG of the drawing's paths, titled
// with its description.
func TestDrawingSVG(t *testing.T) {
	t.Parallel()
	svg, err := DrawingSVG("bird-dog-start")
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `) || !strings.Contains(s, "<title>Bird dog") ||
		strings.Count(s, "<path ") < 10 || !strings.HasSuffix(s, "</svg>\n") {
		t.Errorf("SVG: %.300s…", s)
	}
	if len(svg) > 20_000 {
		t.Errorf("the thumbnail is %d bytes; a thumbnail should be under 20 KB", len(svg))
	}
	if _, err := DrawingSVG("no-such-drawing"); err == nil {
		t.Error("an unknown drawing gave no error")
	}
}

// TestChartNoteInClinicLanguage: a Spanish-speaking clinic's chart note
// is in Spanish (the exercises' translated names, the dose words and the
// date), whatever language the patient's sheet prints in.
func TestChartNoteInClinicLanguage(t *testing.T) {
	cat, err := NewCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	cat.Language = "es"
	note, err := cat.ChartNote("programme", []byte(`{"date": "2026-12-04", "language": "en", "exercises": [{"id": "hamstring-stretch", "side": "right"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Programa de ejercicios en casa entregado el 4 de diciembre de 2026:", "1. ", "3 veces", "pierna derecha"} {
		if !strings.Contains(note, want) {
			t.Errorf("the chart note lacks %q:\n%s", want, note)
		}
	}
	if strings.Contains(note, "Back of the thigh") {
		t.Errorf("the chart note has the English name:\n%s", note)
	}
}
