package content

import (
	"strings"
	"testing"
)

// TestFigureAltText: {alt="…"} after an image is its description for
// screen readers, apart from its caption; it may follow on the next line.
func TestFigureAltText(t *testing.T) {
	src := "---\ntitle: T\n---\n\n" +
		"![Start](builtin:chin-tuck-start){alt=\"Sitting tall, head level\"} ![Finish](builtin:chin-tuck-finish)\n" +
		"{alt=\"Chin drawn straight\nback\"}\n\n![Cat](builtin:quadruped-cat)\n"
	h, err := Parse("h.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	figs := figuresOf(h)
	if len(figs) != 2 {
		t.Fatalf("%d figures, want 2\n%s", len(figs), dump(h))
	}
	got := []string{figs[0].Panels[0].Caption, figs[0].Panels[0].Alt, figs[0].Panels[1].Caption, figs[0].Panels[1].Alt, figs[1].Panels[0].Alt}
	want := []string{"Start", "Sitting tall, head level", "Finish", "Chin drawn straight back", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("captions and alts %q, want %q", got, want)
	}
	if c := plainText(figs[0].Caption); c != "Start; Finish" {
		t.Errorf("figure caption %q: the alt text is not part of it", c)
	}
}

// TestFigureAltTextErrors: other text beside an image is still an error.
func TestFigureAltTextErrors(t *testing.T) {
	for _, body := range []string{
		`![a](x.png){title="b"}`,
		`![a](x.png) {alt=b}`,
		`{alt="b"} ![a](x.png)`,
	} {
		_, err := Parse("h.md", []byte("---\ntitle: T\n---\n\n"+body+"\n"))
		if err == nil || !strings.Contains(err.Error(), "h.md:5: an image inside other text") {
			t.Errorf("%s: error %v, want h.md:5: an image inside other text", body, err)
		}
	}
}

func figuresOf(h *Handout) []*Figure {
	var figs []*Figure
	for _, s := range h.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*Figure); ok {
				figs = append(figs, f)
			}
		}
	}
	return figs
}
