package content

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and that what it returns keeps
// its promises: positions inside the file, figures numbered 1..N, footnote
// markers that point at a reference, and errors that name the file.
// Its seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/spec.md", "testdata/everything.md"} {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(frontMatter + "> [!NOTE]\n> - a\n>   - b\n\n![a](x.png) ![b](builtin:y)\n\n{fig:x}[^1]\n\n[^1]: [^1]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		h, err := Parse("f.md", src)
		if err != nil {
			if h != nil {
				t.Fatal("handout and error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			for line := range strings.SplitSeq(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.md") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		checkPos := func(p Pos) {
			if p.File != "f.md" || p.Line < 1 || p.Line > lines {
				t.Fatalf("position %+v outside a file of %d lines\n%s", p, lines, dump(h))
			}
		}
		figures := 0
		checkSpans := func(spans []Span) {
			for _, s := range spans {
				if s.Text == "" || (s.FootnoteRef != 0 && (s.FootnoteRef > len(h.References) || s.Link != "")) {
					t.Fatalf("bad span %+v\n%s", s, dump(h))
				}
			}
		}
		var checkBlocks func([]Block)
		checkBlocks = func(blocks []Block) {
			for _, b := range blocks {
				checkPos(b.Position())
				switch b := b.(type) {
				case *Figure:
					figures++
					if b.Number != figures || len(b.Panels) == 0 {
						t.Fatalf("figure %d numbered %d with %d panels", figures, b.Number, len(b.Panels))
					}
					for _, p := range b.Panels {
						checkPos(p.Pos)
					}
				case *Callout:
					checkBlocks(b.Blocks)
				case *Paragraph:
					checkSpans(b.Text)
				case *Heading:
					checkSpans(b.Text)
				case *List:
					for _, it := range b.Items {
						checkSpans(it)
					}
				}
			}
		}
		ids := map[string]bool{}
		for _, s := range h.Sections {
			checkPos(s.Pos)
			if ids[s.ID] || s.ID == "" {
				t.Fatalf("section ID %q repeated or empty", s.ID)
			}
			ids[s.ID] = true
			checkSpans(s.Title)
			checkBlocks(s.Blocks)
		}
		for i, r := range h.References {
			checkPos(r.Pos)
			checkSpans(r.Text)
			if r.Number != i+1 {
				t.Fatalf("reference %d numbered %d", i+1, r.Number)
			}
		}
	})
}
