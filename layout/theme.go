package layout

import (
	"fmt"
	"image/color"
	"strings"
)

// Paper is a page size in points.
type Paper struct {
	Name string
	W, H float64
}

// The paper sizes clinics use.
var (
	Letter = Paper{Name: "letter", W: 612, H: 792}
	A4     = Paper{Name: "a4", W: 595.28, H: 841.89}
)

// PaperByName finds a paper size by its name ("letter" or "a4", any case).
func PaperByName(name string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "letter", "":
		return Letter, nil
	case "a4":
		return A4, nil
	}
	return Paper{}, fmt.Errorf("paper %q is not supported; use letter or a4", name)
}

// theme is a style with the clinic's brand colours filled in: the
// colour of each ink, and the text roles resolved to them.
type theme struct {
	Style
	primary, accent, text, muted, rule, paper color.RGBA
	primaryTint                               color.RGBA
}

func newTheme(st Style, primary, accent string) (theme, error) {
	p, err := parseHex(primary)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.primary: %w", err)
	}
	a, err := parseHex(accent)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.accent: %w", err)
	}
	c := st.Palette
	return theme{
		Style:   st,
		primary: p, accent: a,
		text: c.Text, muted: c.Muted, rule: c.Rule, paper: c.Paper,
		primaryTint: mix(p, c.Paper, c.PrimaryTint),
	}, nil
}

// ink is the colour of an ink role.
func (t theme) ink(i Ink) color.RGBA {
	switch i {
	case InkMuted:
		return t.muted
	case InkPrimary:
		return t.primary
	case InkAccent:
		return t.accent
	}
	return t.text
}

// textStyle is a text role as the line breaker uses it: links in the
// accent colour, footnote markers no smaller than the style's smallest
// size.
func (t theme) textStyle(ts TypeStyle) textStyle {
	return textStyle{bold: ts.Bold, italic: ts.Italic, size: ts.Size, leading: ts.Leading,
		color: t.ink(ts.Ink), linkColor: t.accent, linkRule: t.Rules.Link, linkDrop: t.Rules.LinkDrop, minSize: t.Type.MinSize}
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{R: r, G: g, B: b, A: 0xFF} }

// mix blends a toward b by f (0 = a, 1 = b).
func mix(a, b color.RGBA, f float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-f) + float64(y)*f + 0.5) }
	return rgb(m(a.R, b.R), m(a.G, b.G), m(a.B, b.B))
}

// parseHex reads "#RRGGBB".
func parseHex(s string) (color.RGBA, error) {
	var r, g, b uint8
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, fmt.Errorf("colour %q: write it as #RRGGBB", s)
	}
	if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return color.RGBA{}, fmt.Errorf("colour %q: write it as #RRGGBB", s)
	}
	return rgb(r, g, b), nil
}
