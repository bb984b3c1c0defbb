package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/layout"
)

// typeSizes are the sizes of a document's text runs: the body size (the
// size most characters between the header's rule and the footer's are
// printed at: a page draws its header, ending in its rule, then its
// column, then its footer, starting with its rule, the page's last) and
// the smallest anywhere.
func typeSizes(doc *layout.Document) (body, smallest float64) {
	chars := map[float64]int{}
	smallest = 1e9
	for _, p := range doc.Pages {
		first, last := -1, -1
		for i, it := range p.Items {
			if _, ok := it.(*layout.Rule); ok {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		for i, it := range p.Items {
			t, ok := it.(*layout.Text)
			if !ok || strings.TrimSpace(t.S) == "" {
				continue
			}
			smallest = min(smallest, t.Size)
			if i > first && i < last {
				chars[t.Size] += len([]rune(t.S))
			}
		}
	}
	for size, n := range chars {
		if n > chars[body] || n == chars[body] && size > body {
			body = size
		}
	}
	return body, smallest
}

// TestStyleTypeSizes reads the size of every glyph run of each golden
// document from its display list: the body is at least 14 pt on a sheet
// and 18 pt in large print; nothing is under
// 8 pt anywhere, nor under 14 pt in large print (the footer, the tick
// log and the captions included).
func TestStyleTypeSizes(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	// An article's body is not checked by this measure: a handout of
	// figures and callouts (exercises.md, long-caution.md) prints more
	// characters in captions or boxes than in 11 pt running text.
	want := map[string]struct{ body, smallest float64 }{
		"article": {0, 8}, "sheet": {14, 8}, "large-print": {18, 14},
	}
	seen := map[string]bool{}
	for _, gc := range goldenCases {
		j := goldenJob(t, gc)
		doc, err := e.Layout(j)
		if err != nil {
			t.Fatal(err)
		}
		w, ok := want[j.Style]
		if !ok {
			t.Fatalf("%s: style %q has no sizes to check here", gc.name, j.Style)
		}
		seen[j.Style] = true
		body, smallest := typeSizes(doc)
		if body < w.body || smallest < w.smallest {
			t.Errorf("%s (%s): body %.1f pt, smallest %.1f pt; want at least %.0f and %.0f", gc.name, j.Style, body, smallest, w.body, w.smallest)
		}
	}
	for _, name := range layout.StyleNames() {
		if !seen[name] {
			t.Errorf("no golden case in style %s", name)
		}
	}
}

// TestStyleDecision: which style a document gets, by the one rule every
// front door shares: --style, else the programme's or handout's style:,
// else the clinic profile's, else sheet for a programme and article for
// a handout.
func TestStyleDecision(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	plainProg := write("plain.yaml", "exercises: [chin-tuck]\n")
	ownProg := write("own.yaml", "style: large-print\nexercises: [chin-tuck]\n")
	ownHandout := write("own.md", "---\ntitle: T\nstyle: sheet\n---\n\nText.\n")
	profile := write("clinic.yaml", "name: C\naddress: [A]\nphone: P\nstyle: large-print\n")
	for _, c := range []struct {
		flag, source, clinic, want string
		tickLog                    bool
	}{
		{"", plainProg, "", "sheet", true},
		{"", "protocol:neck-pain", "", "sheet", true},
		{"", "builtin:mid-back-pain", "", "article", false},
		{"", ownProg, "", "large-print", true},
		{"", ownHandout, "", "sheet", false},
		{"", plainProg, profile, "large-print", true},
		{"", "builtin:mid-back-pain", profile, "large-print", false},
		{"", ownHandout, profile, "sheet", false},
		{"article", ownProg, profile, "article", true},
		{"Sheet", "builtin:mid-back-pain", "", "sheet", false},
	} {
		set, err := Settings{Style: c.flag}.Check()
		if err != nil {
			t.Fatal(err)
		}
		r := NewResolver(nil)
		hf, err := r.Resolve(c.source)
		if err != nil {
			t.Fatal(err)
		}
		clinic, err := LoadClinic(c.clinic)
		if err != nil {
			t.Fatal(err)
		}
		j := set.Job(clinic, hf)
		if j.Style != c.want || j.TickLog != c.tickLog {
			t.Errorf("--style %q, %s, profile %q: style %q, tick log %v; want %q, %v", c.flag, filepath.Base(c.source), filepath.Base(c.clinic), j.Style, j.TickLog, c.want, c.tickLog)
		}
		r.Close()
	}
	set, _ := Settings{NoTickLog: true}.Check()
	r := NewResolver(nil)
	defer r.Close()
	hf, err := r.Resolve(plainProg)
	if err != nil {
		t.Fatal(err)
	}
	clinic, _ := LoadClinic("")
	if j := set.Job(clinic, hf); j.TickLog {
		t.Error("--no-tick-log: the programme still has a tick log")
	}
}

// TestStyleNamesChecked: a style: that names no style is an error where
// it is written: the programme, the handout's line, the profile.
func TestStyleNamesChecked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"p.yaml", "style: poster\nexercises: [chin-tuck]\n", `p.yaml: style: style "poster" does not exist`},
		{"h.md", "---\ntitle: T\nstyle: poster\n---\n\nText.\n", `h.md:3: style: style "poster" does not exist`},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o600); err != nil {
			t.Fatal(err)
		}
		r := NewResolver(nil)
		_, err := r.Resolve(path)
		r.Close()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	profile := filepath.Join(dir, "clinic.yaml")
	if err := os.WriteFile(profile, []byte("name: C\naddress: [A]\nphone: P\nstyle: poster\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadClinic(profile); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%s: style: style \"poster\" does not exist", profile)) {
		t.Errorf("profile: err = %v", err)
	}
}
