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
//
// Each brand or callout colour comes as a tone: the colour its shapes
// are drawn in (borders, bars, rules) and the one its text is printed in,
// each darkened where needed to keep its contrast (textContrast,
// graphicContrast) against every background it can be printed on. In
// grayscale every colour is first turned into the gray of the same
// luminance, so the page a black-and-white printer makes is the page
// that was laid out.
type theme struct {
	Style
	primary, accent, caution, warning tone
	text, muted, rule, paper          color.RGBA
	primaryTint                       color.RGBA
	// warnings name each clinic colour that was darkened for its text or
	// its shapes, for the caller to pass on (Document.Warnings).
	warnings []string
}

// tone is one colour as the page prints it: graphic for shapes, text for
// text (labels, headings, links, numbers), and its tint for a callout's
// fill.
type tone struct {
	graphic, text, tint color.RGBA
}

// themeColor is a colour the theme takes, with what a warning about it
// names.
type themeColor struct {
	where, key string     // the profile file and its key ("colors.primary"); the style for the style's own
	given      color.RGBA // as written
	c          color.RGBA // as printed before its contrast is kept: given, or its gray
}

// newTheme fills st's colour roles with the clinic's colours c, in gray
// when c.gray, each kept at its contrast; a brand colour that had to be
// darkened is one of the theme's warnings.
func newTheme(st Style, c clinicColors) (theme, error) {
	p, err := parseHex(c.primary)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.primary: %w", err)
	}
	a, err := parseHex(c.accent)
	if err != nil {
		return theme{}, fmt.Errorf("clinic colors.accent: %w", err)
	}
	pal := st.Palette
	tonal := func(x color.RGBA) color.RGBA {
		if c.gray {
			return grayOf(x)
		}
		return x
	}
	th := theme{Style: st,
		text: tonal(pal.Text), muted: tonal(pal.Muted), rule: tonal(pal.Rule), paper: tonal(pal.Paper)}
	colors := []themeColor{
		{c.source, "colors.primary", p, tonal(p)}, {c.source, "colors.accent", a, tonal(a)},
		{"style " + st.Name, "palette caution", pal.Caution, tonal(pal.Caution)}, {"style " + st.Name, "palette warning", pal.Warning, tonal(pal.Warning)},
	}
	// The shapes must stand out from the paper; their text from the paper
	// and from their own tint (a callout's label; for the primary colour
	// also the dose strip's). Text of other colours in a box is fitted to
	// its fill where it is laid out (textStyle.on).
	var tones [4]tone
	for i, tc := range colors {
		t := &tones[i]
		// The tints are mixed from the colour as given (a light colour
		// keeps a light fill), its bar and border darkened against them.
		t.tint = mix(tc.c, th.paper, pal.CalloutTint)
		backgrounds := []color.RGBA{th.paper, t.tint}
		if i == 0 {
			th.primaryTint = mix(tc.c, th.paper, pal.PrimaryTint)
			backgrounds = append(backgrounds, th.primaryTint)
		}
		t.graphic = darkened(tc.c, graphicContrast, backgrounds...)
		t.text = darkened(t.graphic, textContrast, backgrounds...)
		if w := colorWarning(tc, *t, backgrounds); w != "" {
			th.warnings = append(th.warnings, w)
		}
	}
	th.primary, th.accent, th.caution, th.warning = tones[0], tones[1], tones[2], tones[3]
	return th, nil
}

// clinicColors is what a theme takes from the clinic and the job: the
// brand colours as written, the profile they are from, and whether the
// document is printed in gray.
type clinicColors struct {
	primary, accent, source string
	gray                    bool
}

// colorWarning says how tc was changed to keep its contrast, naming the
// colour as written and where it is set; "" when it is printed as given
// (or as its gray).
func colorWarning(tc themeColor, t tone, backgrounds []color.RGBA) string {
	if t.text == tc.c && t.graphic == tc.c {
		return ""
	}
	printed := "its text is printed in " + hexUpper(t.text)
	if t.graphic != tc.c {
		printed += " and its rules and borders in " + hexUpper(t.graphic)
	}
	return fmt.Sprintf("%s: %s %s is too light to read on paper (%.1f:1 as text, %g:1 is needed): %s; choose a darker colour",
		tc.where, tc.key, hexUpper(tc.given), lowest(tc.c, backgrounds), float64(textContrast), printed)
}

// lowest is c's lowest contrast against the backgrounds.
func lowest(c color.RGBA, backgrounds []color.RGBA) float64 {
	r := 21.0
	for _, bg := range backgrounds {
		r = min(r, Contrast(c, bg))
	}
	return r
}

// hexUpper writes a colour as a profile does: "#1F5A66".
func hexUpper(c color.RGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ink is the colour of an ink role.
func (t theme) ink(i Ink) color.RGBA {
	switch i {
	case InkMuted:
		return t.muted
	case InkPrimary:
		return t.primary.text
	case InkAccent:
		return t.accent.text
	}
	return t.text
}

// textStyle is a text role as the line breaker uses it: links in the
// accent colour, footnote markers no smaller than the style's smallest
// size.
func (t theme) textStyle(ts TypeStyle) textStyle {
	return textStyle{bold: ts.Bold, italic: ts.Italic, size: ts.Size, leading: ts.Leading,
		color: t.ink(ts.Ink), linkColor: t.accent.text, linkRule: t.Rules.Link, linkDrop: t.Rules.LinkDrop, minSize: t.Type.MinSize,
		background: t.paper}
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
