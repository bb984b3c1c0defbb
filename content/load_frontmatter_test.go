package content

import (
	"errors"
	extast "github.com/yuin/goldmark/extension/ast"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestParseFrontMatter checks the front matter forms that must parse, and
// what each yields.
func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		want      Meta
		bodyLine  int // line of the first section, 0 for none
	}{
		{"all keys", "---\ntitle: T\nsubtitle: S\nauthor: A\nlanguage: es-MX\nreviewed: 2026-11-01\naudience: U\nkeywords: [a, b c]\n---\nX\n",
			Meta{Title: "T", Subtitle: "S", Author: "A", Language: "es-MX", Reviewed: "2026-11-01", Audience: "U", Keywords: []string{"a", "b c"}}, 10},
		{"quoted date and spaces trimmed", "---\ntitle: '  T  '\nreviewed: \"2026-01-31\"\n---\n", Meta{Title: "T", Reviewed: "2026-01-31"}, 0},
		{"fences with trailing spaces", "--- \ntitle: T\n---\t\nX\n", Meta{Title: "T"}, 4},
		{"byte order mark", "\uFEFF---\ntitle: T\n---\nX\n", Meta{Title: "T"}, 4},
		{"comments and blank lines", "---\n# about\n\ntitle: T # the title\n\n---\n\n\nX\n", Meta{Title: "T"}, 9},
		{"a comment after an empty key", "---\ntitle: T\nsubtitle: # to do\n---\n", Meta{Title: "T"}, 0},
		{"block scalar title", "---\ntitle: >\n  Long\n  title\n---\nX\n", Meta{Title: "Long title"}, 6},
		{"no body", "---\ntitle: T\n---", Meta{Title: "T"}, 0},
		{"yaml document end is content", "---\ntitle: T\n---\n...\n", Meta{Title: "T"}, 4},
		{"anchors", "---\ntitle: &t T\nsubtitle: *t\n---\n", Meta{Title: "T", Subtitle: "T"}, 0},
		{"number as text", "---\ntitle: 2026\n---\n", Meta{Title: "2026"}, 0},
		{"CRLF", "---\r\ntitle: T\r\nkeywords:\r\n  - a\r\n---\r\n\r\nX\r\n", Meta{Title: "T", Keywords: []string{"a"}}, 7},
		{"lone CR", "---\rtitle: T\r---\rX\r", Meta{Title: "T"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Parse("h.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := dumpMeta(h.Meta), dumpMeta(tt.want); got != want {
				t.Errorf("meta\ngot  %s\nwant %s", got, want)
			}
			line := 0
			if len(h.Sections) > 0 {
				line = h.Sections[0].Pos.Line
			}
			if line != tt.bodyLine {
				t.Errorf("first section on line %d, want %d:\n%s", line, tt.bodyLine, dump(h))
			}
		})
	}
}

func dumpMeta(m Meta) string {
	return strings.Join([]string{m.Title, m.Subtitle, m.Author, m.Language, m.Reviewed, m.Audience, strings.Join(m.Keywords, "|")}, " / ")
}

// TestParseCRLF checks that a CRLF file parses exactly as its LF twin,
// positions included.
func TestParseCRLF(t *testing.T) {
	for _, name := range []string{"testdata/spec.md", "testdata/everything.md"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lf, err := Parse(name, src)
		if err != nil {
			t.Fatal(err)
		}
		crlf, err := Parse(name, []byte(strings.ReplaceAll(string(src), "\n", "\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		if dump(lf) != dump(crlf) {
			t.Errorf("%s: CRLF differs:\n--- LF\n%s--- CRLF\n%s", name, dump(lf), dump(crlf))
		}
		if !strings.Contains(dump(crlf), "testdata/") || strings.Contains(dump(crlf), "\r") {
			t.Errorf("%s: CRLF dump has a CR or no positions:\n%s", name, dump(crlf))
		}
	}
	// Errors in a CRLF file name the same lines.
	_, err := Parse("h.md", []byte("---\r\ntitle: T\r\n---\r\n\r\n# Big\r\n"))
	checkError(t, err, "h.md", errCase{line: 5, words: []string{`"#" heading`}})
}

// TestParseReportsAllProblems checks that every problem is reported, in
// line order, and that errors.As finds the first.
func TestParseReportsAllProblems(t *testing.T) {
	src := frontMatter + "## A\n\n<b>x</b>\n\n# Big\n\nSee {fig:none}.\n"
	_, err := Parse("h.md", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{"h.md:6: raw HTML", "h.md:8: \"#\" heading", "h.md:10: {fig:none}"}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	var e *Error
	if !errors.As(err, &e) || e.Pos != (Pos{File: "h.md", Line: 6}) {
		t.Errorf("errors.As found %+v, want the one on line 6", e)
	}
	// A front matter problem does not hide the body's.
	_, err = Parse("h.md", []byte("---\ntitel: T\n---\n# Big\n"))
	checkError(t, err, "h.md", errCase{line: 2, words: []string{`unknown key "titel"`}})
	checkError(t, err, "h.md", errCase{line: 4, words: []string{`"#" heading`}})
}

// TestParseCapsProblems checks that a file full of problems is reported
// in a readable amount.
func TestParseCapsProblems(t *testing.T) {
	src := frontMatter + strings.Repeat("# Big\n\n", 50)
	_, err := Parse("h.md", []byte(src))
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxProblems+1 || lines[maxProblems] != "h.md: and 30 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "neck.md")
	if err := os.WriteFile(path, []byte(frontMatter+"## A\n\n# B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(path)
	checkError(t, err, path, errCase{line: 6, words: []string{`"#" heading`}})

	_, err = LoadFile(filepath.Join(dir, "missing.md"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing.md") {
		t.Errorf("missing file: %v", err)
	}
}

func TestErrorString(t *testing.T) {
	cause := errors.New("yaml: boom")
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Pos: Pos{File: "h.md", Line: 12}, Msg: "bad"}, "h.md:12: bad"},
		{&Error{Pos: Pos{File: "h.md"}, Msg: "file is empty"}, "h.md: file is empty"},
		{&Error{Pos: Pos{Line: 3}, Msg: "bad"}, ":3: bad"},
		{&Error{Msg: "bad"}, "bad"},
		{&Error{Pos: Pos{File: "c.yaml", Line: 2}, Msg: "front matter: boom", Err: cause}, "c.yaml:2: front matter: boom"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if !errors.Is(tests[4].err, cause) || errors.Unwrap(tests[0].err) != nil {
		t.Error("Unwrap does not return Err")
	}
}

// TestParseYAMLErrorWraps checks that a YAML error keeps the decoder's
// error for callers that look.
func TestParseYAMLErrorWraps(t *testing.T) {
	_, err := Parse("h.md", []byte("---\ntitle: [\n---\n"))
	var e *Error
	if !errors.As(err, &e) || e.Err == nil || !strings.Contains(e.Err.Error(), "yaml") {
		t.Errorf("error %v does not wrap the YAML error", err)
	}
}

// TestParseConcurrent parses from many goroutines; with -race it shows
// that Parse shares no state.
func TestParseConcurrent(t *testing.T) {
	src, err := os.ReadFile("testdata/everything.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse("e.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				h, err := Parse("e.md", src)
				if err != nil || dump(h) != dump(want) {
					t.Errorf("concurrent Parse differs: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Prone head lift":      "prone-head-lift",
		"  Cat & cow (easy)  ": "cat-cow-easy",
		"Étirement du DOS":     "étirement-du-dos",
		"Übung 2: Knie":        "übung-2-knie",
		"3×10 reps":            "3-10-reps",
		"中文 title":             "中文-title",
		"١٢٣ digits":           "digits", // only ASCII digits
		"!!!":                  "",
		"a--b__c":              "a-b-c",
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPanelLabel(t *testing.T) {
	for i, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa", 27: "ab", 51: "az", 52: "ba", 701: "zz", 702: "aaa"} {
		if got := panelLabel(i); got != want {
			t.Errorf("panelLabel(%d) = %q, want %q", i, got, want)
		}
	}
}

// BenchmarkNewMarkdown measures building the goldmark parser, which Parse
// does once a call instead of sharing one (see newMarkdown).
func BenchmarkNewMarkdown(b *testing.B) {
	var unused []*extast.Footnote
	for b.Loop() {
		newMarkdown(&unused)
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/everything.md")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("e.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
