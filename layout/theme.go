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

// theme is the type scale and colours of a handout, derived from the
// clinic's brand colours. Body text is 11 pt and nothing is under 8 pt, so
// the sheet reads at arm's length and survives a photocopier.
type theme struct {
	primary, accent, text, muted, rule, white color.RGBA
	primaryTint                               color.RGBA

	body, caption, small, footer textStyle
	h1, h2, h3                   textStyle
}

func newTheme(primary, accent string) (theme, error) {
	p, err := parseHex(primary)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.primary: %w", err)
	}
	a, err := parseHex(accent)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.accent: %w", err)
	}
	t := theme{
		primary: p, accent: a,
		text:        rgb(0x22, 0x22, 0x22),
		muted:       rgb(0x55, 0x55, 0x55),
		rule:        rgb(0xBB, 0xBB, 0xBB),
		white:       rgb(0xFF, 0xFF, 0xFF),
		primaryTint: mix(p, rgb(0xFF, 0xFF, 0xFF), 0.9),
	}
	t.body = textStyle{size: 11, leading: 15.5, color: t.text, linkColor: a}
	t.caption = textStyle{size: 9.5, leading: 12.5, color: t.muted, linkColor: a}
	t.small = textStyle{size: 9.5, leading: 12.5, color: t.text, linkColor: a}
	t.footer = textStyle{size: 8, leading: 10.5, color: t.muted, linkColor: a}
	t.h1 = textStyle{bold: true, size: 24, leading: 29, color: t.text, linkColor: a}
	t.h2 = textStyle{bold: true, size: 15, leading: 19, color: p, linkColor: a}
	t.h3 = textStyle{bold: true, size: 12, leading: 16, color: t.text, linkColor: a}
	return t, nil
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
