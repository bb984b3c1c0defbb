package layout

import (
	"strings"
	"testing"

	"handout/content"
)

// TestStyleByName: "" and any case of a style's name find it; an unknown
// name is an error listing the styles there are.
func TestStyleByName(t *testing.T) {
	for _, name := range []string{"", "article", " Article "} {
		if st, err := StyleByName(name); err != nil || st.Name != "article" {
			t.Errorf("StyleByName(%q) = %q, %v; want article", name, st.Name, err)
		}
	}
	for _, name := range []string{"sheet", "Large-Print"} {
		if st, err := StyleByName(name); err != nil || st.Name != strings.ToLower(name) {
			t.Errorf("StyleByName(%q) = %q, %v", name, st.Name, err)
		}
	}
	_, err := StyleByName("poster")
	if err == nil || !strings.Contains(err.Error(), `style "poster" does not exist; use article or sheet or large-print`) {
		t.Errorf("unknown style: %v", err)
	}
}

// TestStyleIsHonoured: the sizes come from Input.Style, not from the
// builders: a style with larger body text and wider margins lays out
// with them, and the zero Style is article.
func TestStyleIsHonoured(t *testing.T) {
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"}, Sections: []content.Section{{
		Blocks: []content.Block{&content.Paragraph{Text: plain("Body text.")}},
	}}}
	c := &content.Clinic{Name: "C", Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	body := func(st Style) *Text {
		t.Helper()
		doc, err := Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter, Style: st})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range doc.Pages[0].Items {
			if tx, ok := it.(*Text); ok && tx.S == "Body text." {
				return tx
			}
		}
		t.Fatal("no body text")
		return nil
	}
	large := article()
	large.Type.Body.Size, large.Page.Margin = 14, 72
	for _, tc := range []struct {
		st      Style
		size, x float64
	}{{Style{}, 11, 54}, {article(), 11, 54}, {large, 14, 72}} {
		if tx := body(tc.st); tx.Size != tc.size || tx.X != tc.x {
			t.Errorf("style %q: body text at %.1f pt, x %.1f; want %.1f pt at x %.1f", tc.st.Name, tx.Size, tx.X, tc.size, tc.x)
		}
	}
}

// TestStylesHaveLabels: the web page offers each style by its label, so
// each has its own.
func TestStylesHaveLabels(t *testing.T) {
	seen := map[string]string{}
	for _, name := range StyleNames() {
		l := StyleLabel(name)
		if l == "" {
			t.Errorf("style %s has no label", name)
		}
		if other, ok := seen[l]; ok {
			t.Errorf("styles %s and %s share the label %q", other, name, l)
		}
		seen[l] = name
	}
}
