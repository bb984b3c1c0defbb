package content

import (
	"errors"
	"strings"
	"testing"
)

// TestDecomposedAccentsAreComposed: a title and a step written with "e"
// plus U+0301 (as macOS writes them) come out as the one character "é",
// which the fonts have.
func TestDecomposedAccentsAreComposed(t *testing.T) {
	src := "---\ntitle: Cafe\u0301 stretches\n---\n\n## Rene\u0301e\n\n1. Re\u0301pe\u0301tez.\n"
	h, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if h.Meta.Title != "Café stretches" {
		t.Errorf("title %q, want it in normal form C", h.Meta.Title)
	}
	if got := plainText(h.Sections[0].Title); got != "Renée" {
		t.Errorf("section title %q, want %q", got, "Renée")
	}
}

// TestInvisibleCharacters: the marks that change nothing on the page are
// removed; a bidirectional override is refused at its line, naming the
// character.
func TestInvisibleCharacters(t *testing.T) {
	h, err := Parse("t.md", []byte("---\ntitle: Neck\u200b care\u200e\n---\n\n## One\n\nHello.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if h.Meta.Title != "Neck care" {
		t.Errorf("title %q, want the zero-width space and the mark removed", h.Meta.Title)
	}
	_, err = Parse("t.md", []byte("---\ntitle: Neck\n---\n\n## One\n\nHello \u202eworld.\n"))
	var pe *Error
	if !errors.As(err, &pe) || pe.Pos.Line != 7 || !strings.Contains(err.Error(), "U+202E") {
		t.Fatalf("err = %v, want an error at t.md:7 naming U+202E", err)
	}
	for _, parse := range []func([]byte) error{
		func(b []byte) error { _, err := ParseClinic("c.yaml", b); return err },
		func(b []byte) error { _, err := ParseProtocol("p.yaml", b); return err },
	} {
		if err := parse([]byte("id: x\nname: A\u2067B\n")); err == nil || !strings.Contains(err.Error(), "U+2067") || !strings.Contains(err.Error(), ":2:") {
			t.Errorf("err = %v, want an error at line 2 naming U+2067", err)
		}
	}
}

// TestCleanText: a typed value gets the same rules, and the error names
// the field, never the value.
func TestCleanText(t *testing.T) {
	if got, err := CleanText("patient name", "Rene\u0301e\u200b Lefe\u0300vre"); err != nil || got != "Renée Lefèvre" {
		t.Errorf("CleanText = %q, %v", got, err)
	}
	_, err := CleanText("patient name", "Ana \u202eDíaz")
	if err == nil || !strings.HasPrefix(err.Error(), "patient name: ") || strings.Contains(err.Error(), "Ana") {
		t.Errorf("err = %v, want it to name the field and not the value", err)
	}
	if _, err := ParseDose("reps 10\u202e", Pos{File: "list.csv", Line: 3}); err == nil || !strings.Contains(err.Error(), "list.csv:3") {
		t.Errorf("ParseDose err = %v, want it at list.csv:3", err)
	}
}
