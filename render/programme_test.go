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
	if len(hf.Warnings) != 1 || !strings.Contains(hf.Warnings[0], "7 exercises") {
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
				if !strings.Contains(w, "has no drawing") {
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

// TestListRefusesProgrammes: a patient list cannot name programmes yet,
// and says so rather than reading a file as a handout.
func TestListRefusesProgrammes(t *testing.T) {
	r := NewResolverWithin(t.TempDir())
	defer r.Close()
	for _, spec := range []string{"protocol:neck-pain", "ana.yaml"} {
		if _, err := r.Resolve(spec); err == nil || !strings.Contains(err.Error(), "cannot name a programme") {
			t.Errorf("%s: err = %v", spec, err)
		}
	}
}
