package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseSpec: a spec means one thing by its text alone.
func TestParseSpec(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in    string
		kind  SpecKind
		str   string
		label string
	}{
		{"builtin:mid-back-pain", SpecBuiltin, "builtin:mid-back-pain", "mid-back-pain"},
		{"mid-back-pain", SpecBuiltin, "builtin:mid-back-pain", "mid-back-pain"},
		{"mid-back-pain.md", SpecFile, "mid-back-pain.md", "mid-back-pain"},
		{"./mid-back-pain", SpecFile, "mid-back-pain", "mid-back-pain"},
		{"handouts/../back.md", SpecFile, "back.md", "back"},
		{`handouts\back`, SpecFile, filepath.ToSlash(filepath.Clean(`handouts\back`)), "back"},
		{"notes.txt", SpecFile, "notes.txt", "notes"},
		{"-", SpecStdin, "-", "-"},
	} {
		s, err := ParseSpec(c.in)
		if err != nil || s.Kind != c.kind || s.String() != c.str || s.Label() != c.label {
			t.Errorf("ParseSpec(%q) = %+v (%q, label %q), %v; want kind %d, %q, label %q", c.in, s, s.String(), s.Label(), err, c.kind, c.str, c.label)
		}
	}
	if _, err := ParseSpec(""); err == nil {
		t.Error(`ParseSpec("") succeeded`)
	}
}

// TestResolveBareName: a bare name is a built-in handout for both kinds
// of resolver, resolved once; an unknown one that is a file is refused
// with the advice to write ./NAME, which then reads the file.
func TestResolveBareName(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "shoulder"), []byte("---\ntitle: Shoulder\n---\n\n## Rest\n\nRest.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for name, r := range map[string]*Resolver{"command line": NewResolver(nil), "list": NewResolverWithin(dir)} {
		t.Run(name, func(t *testing.T) {
			defer r.Close()
			bare, err := r.Resolve("mid-back-pain")
			if err != nil {
				t.Fatal(err)
			}
			prefixed, err := r.Resolve("builtin:mid-back-pain")
			if err != nil {
				t.Fatal(err)
			}
			if bare.Handout != prefixed.Handout || bare.Spec != prefixed.Spec || bare.Dir != nil {
				t.Errorf("mid-back-pain and builtin:mid-back-pain resolve apart: %+v, %+v", bare, prefixed)
			}
			_, err = r.Resolve("shoulder")
			if err == nil || !strings.Contains(err.Error(), "write ./shoulder") {
				t.Errorf("a bare name that is a file: %v, want the advice to write ./shoulder", err)
			}
			hf, err := r.Resolve("./shoulder")
			if err != nil || hf.Handout.Meta.Title != "Shoulder" || hf.Dir == nil {
				t.Errorf("./shoulder: %+v, %v", hf, err)
			}
			if _, err := r.Resolve("no-such-handout"); err == nil || strings.Contains(err.Error(), "./") {
				t.Errorf("an unknown bare name: %v, want the built-in names only", err)
			}
		})
	}
}

// TestResolveWithin: a list's handouts stay in the list's folder, and
// standard input is not a handout there.
func TestResolveWithin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := filepath.Join(dir, "list")
	if err := os.Mkdir(list, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "outside.md"), []byte("---\ntitle: Out\n---\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := NewResolverWithin(list)
	defer r.Close()
	if _, err := r.Resolve("../outside.md"); err == nil || !strings.Contains(err.Error(), "leaves") {
		t.Errorf("../outside.md: %v, want it refused for leaving the folder", err)
	}
	if _, err := r.Resolve("-"); err == nil || !strings.Contains(err.Error(), "standard input") {
		t.Errorf("-: %v, want standard input refused", err)
	}
}
