package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/layout"
)

func TestParseSpecProgrammes(t *testing.T) {
	for _, c := range []struct {
		spec string
		kind SpecKind
		name string
	}{
		{"protocol:neck-pain", SpecProtocol, "neck-pain"},
		{"ana.yaml", SpecProgramme, "ana.yaml"},
		{"visits/Ana.YML", SpecProgramme, "visits/Ana.YML"},
		{"back.md", SpecFile, "back.md"},
	} {
		s, err := ParseSpec(c.spec)
		if err != nil || s.Kind != c.kind || s.Name != c.name {
			t.Errorf("ParseSpec(%q) = %+v, %v; want kind %d, name %q", c.spec, s, err, c.kind, c.name)
		}
	}
}

// docText is every text run of doc, one per line.
func docText(doc *layout.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*layout.Text); ok {
				b.WriteString(t.S + "\n")
			}
		}
	}
	return b.String()
}

// TestRenderProgramme resolves a programme file against the built-in
// library and lays it out: the patient in the header, each exercise with
// its dose worded and its side in the dose and the steps, the note, and a
// warning for more than six exercises.
func TestRenderProgramme(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "ana.yaml")
	src := `patient: Ana Díaz
date: 2026-12-01
exercises:
  - id: hamstring-stretch
    dose: hold 30 s; reps 3; daily 2
    side: right
    note: Keep the other knee bent.
  - glute-bridge
  - bird-dog
  - dead-bug
  - sit-to-stand
  - heel-raise
  - calf-stretch
`
	if err := os.WriteFile(prog, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	r := NewResolver(nil)
	defer r.Close()
	hf, err := r.Resolve(prog)
	if err != nil {
		t.Fatal(err)
	}
	if hf.Programme == nil || hf.Programme.Patient != "Ana Díaz" {
		t.Fatalf("programme %+v", hf.Programme)
	}
	if len(hf.Warnings) != 1 || !strings.Contains(hf.Warnings[0].String(), "7 exercises") {
		t.Errorf("warnings %q, want one about more than six exercises", hf.Warnings)
	}
	clinic, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	j := Job{Handouts: []HandoutFile{hf}, Clinic: clinic, Patient: hf.Programme.Patient, Date: hf.Programme.Date}
	doc, err := newTestEngine(t).Layout(j)
	if err != nil {
		t.Fatal(err)
	}
	text := docText(doc)
	for _, want := range []string{"Ana Díaz", "Back of the thigh stretch", "3 times · hold 30 seconds · twice a day · right leg", "right foot", "Keep the other knee bent.", "Bridge", "Bird dog"} {
		if !strings.Contains(text, want) {
			t.Errorf("the layout has no %q", want)
		}
	}
	if strings.Contains(doc.Title, "Ana") {
		t.Errorf("the document title %q names the patient", doc.Title)
	}
}

// TestRenderEveryProtocol: each built-in protocol makes a handout on
// both papers in every style, with its tick log; exercises without their
// drawings yet are printed without them, with a warning naming the
// drawing.
func TestRenderEveryProtocol(t *testing.T) {
	clinic, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	e := newTestEngine(t)
	undrawn := 0
	for _, name := range BuiltinProtocolNames() {
		for _, paper := range []layout.Paper{layout.Letter, layout.A4} {
			r := NewResolver(nil)
			hf, err := r.Resolve("protocol:" + name)
			if err != nil {
				t.Fatalf("protocol:%s: %v", name, err)
			}
			for _, w := range hf.Warnings {
				if !strings.Contains(w.String(), "has no drawing") {
					t.Errorf("protocol:%s: warning %s", name, w)
				}
				undrawn++
			}
			for _, style := range StyleNames() {
				j := Job{Handouts: []HandoutFile{hf}, Clinic: clinic, Paper: paper, Style: style, TickLog: true}
				doc, err := e.Layout(j)
				if err != nil {
					t.Fatalf("protocol:%s on %s in %s: %v", name, paper.Name, style, err)
				}
				text := docText(doc)
				if len(doc.Pages) == 0 || !strings.Contains(text, hf.Programme.Items[0].Exercise.Name) || !strings.Contains(text, "Your exercise log") {
					t.Errorf("protocol:%s on %s in %s: %d pages without its first exercise or its log", name, paper.Name, style, len(doc.Pages))
				}
			}
			r.Close()
		}
	}
	t.Logf("%d panels not drawn yet across the protocols (both papers)", undrawn)
}

// TestProtocolUnknown: an unknown protocol says which there are.
func TestProtocolUnknown(t *testing.T) {
	r := NewResolver(nil)
	defer r.Close()
	_, err := r.Resolve("protocol:neck-pian")
	if err == nil || !strings.Contains(err.Error(), "neck-pain") {
		t.Errorf("err = %v, want the closest protocol named", err)
	}
}

// TestListNamesProgrammes: a patient list's handouts may name a protocol
// and a programme file, read inside the list's folder like a handout
// file (a path out of it is refused); and the programme's Sum covers the
// library files it prints from, so that a clinic's edited exercise
// changes it.
func TestListNamesProgrammes(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list")
	lib := filepath.Join(dir, "library")
	for _, d := range []string{list, lib} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, src string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(list, "ana.yaml"), "exercises: [chin-tuck, bird-dog]\n")
	write(filepath.Join(dir, "outside.yaml"), "exercises: [chin-tuck]\n")
	chinTuck, err := os.ReadFile(filepath.Join("..", "content", "builtin", "exercises", "chin-tuck.md"))
	if err != nil {
		t.Fatal(err)
	}
	sums := func() []string {
		t.Helper()
		r := NewResolverWithin(list)
		defer r.Close()
		r.UseLibrary(lib)
		var out []string
		for _, spec := range []string{"protocol:neck-pain", "ana.yaml"} {
			hf, err := r.Resolve(spec)
			if err != nil {
				t.Fatalf("%s: %v", spec, err)
			}
			sum, err := hf.Sum()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, sum)
		}
		if _, err := r.Resolve("../outside.yaml"); err == nil || !strings.Contains(err.Error(), "outside.yaml") {
			t.Errorf("../outside.yaml: err = %v, want it refused", err)
		}
		hf, err := r.ProgrammeColumns("", "chin-tuck | bird-dog", "")
		if err != nil {
			t.Fatal(err)
		}
		sum, err := hf.Sum()
		if err != nil {
			t.Fatal(err)
		}
		return append(out, sum)
	}
	write(filepath.Join(lib, "chin-tuck.md"), string(chinTuck))
	before := sums()
	write(filepath.Join(lib, "chin-tuck.md"), strings.Replace(string(chinTuck), "1. ", "1. Breathe out. ", 1))
	after := sums()
	for i, spec := range []string{"protocol:neck-pain", "ana.yaml", "the exercises column"} {
		if before[i] == after[i] {
			t.Errorf("%s: the sum did not change with the clinic's chin-tuck", spec)
		}
	}
}

// TestRowProgrammes: a row's columns and a JSON row make programmes
// through the one resolver; the same columns are parsed once; a warning
// about the row's own programme has no place (the front door names the
// row).
func TestRowProgrammes(t *testing.T) {
	r := NewResolverWithin(t.TempDir())
	defer r.Close()
	a, err := r.ProgrammeColumns("knee-osteoarthritis", "clamshell | hamstring-stretch: side left", "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.ProgrammeColumns("knee-osteoarthritis", "clamshell | hamstring-stretch: side left", "")
	if a.Handout != b.Handout {
		t.Error("the same columns were parsed twice")
	}
	placeless := 0
	for _, w := range a.Warnings {
		if w.Pos.File == "" {
			placeless++
			if !strings.Contains(w.Msg, "7 exercises") {
				t.Errorf("warning %s", w)
			}
		}
	}
	if placeless != 1 {
		t.Errorf("warnings %v, want one without a place about 7 exercises", a.Warnings)
	}
	j, err := r.ProgrammeJSON([]byte(`{"protocol":"knee-osteoarthritis","exercises":["clamshell",{"id":"hamstring-stretch","side":"left"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(j.Exercises(), " "), strings.Join(a.Exercises(), " "); got != want {
		t.Errorf("JSON row's exercises %s, columns' %s", got, want)
	}
	if _, err := r.ProgrammeColumns("", "chin-tuk", ""); err == nil || !strings.HasPrefix(err.Error(), `exercises: no exercise "chin-tuk"`) {
		t.Errorf("err = %v", err)
	}
}
