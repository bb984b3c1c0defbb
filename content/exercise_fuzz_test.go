package content

import (
	"bytes"
	"errors"
	"os"
	"path"
	"strings"
	"testing"
)

// FuzzParseExercise checks that ParseExercise never panics and keeps its
// promises: an exercise with an id, a name, a laterality, a kind of
// source, 1 to MaxSteps steps, a figure, alt text on every panel and
// positions inside the file; or an *Error naming the file on every line.
// The seeds are the built-in exercises and the test's own.
func FuzzParseExercise(f *testing.F) {
	entries, err := builtinFS.ReadDir(builtinExercisesDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue // a language's translations, which ParseExercise does not read
		}
		src, err := builtinFS.ReadFile(path.Join(builtinExercisesDir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(validExercise))
	if src, err := os.ReadFile("testdata/spec.md"); err == nil {
		f.Add(src) // a handout, not an exercise
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		e, err := ParseExercise("x.md", src, func(name string) string {
			if strings.HasSuffix(name, "-start") {
				return "a drawing's own description"
			}
			return ""
		})
		if err != nil {
			if e != nil {
				t.Fatal("exercise and error")
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not an *Error", err)
			}
			for line := range strings.SplitSeq(err.Error(), "\n") {
				if !strings.HasPrefix(line, "x.md") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		if e.ID == "" || e.Name == "" || e.Laterality == "" || e.SourceKind == "" || len(e.Regions) == 0 {
			t.Fatalf("exercise without id, name, laterality, source or regions: %+v", e)
		}
		if len(e.Steps) == 0 || len(e.Steps) > MaxSteps || len(e.Figures) == 0 {
			t.Fatalf("%d steps, %d figures", len(e.Steps), len(e.Figures))
		}
		for _, f := range e.Figures {
			for _, p := range f.Panels {
				if p.Alt == "" {
					t.Fatalf("panel %q without alt text", p.Source)
				}
				if p.Pos.File != "x.md" || p.Pos.Line < 1 || p.Pos.Line > lines {
					t.Fatalf("panel position %+v outside a file of %d lines", p.Pos, lines)
				}
			}
		}
		if e.Dose != nil && (e.Dose.Pos.Line < 1 || e.Dose.Pos.Line > lines || e.Dose.Side != "") {
			t.Fatalf("dose %+v", e.Dose)
		}
	})
}
