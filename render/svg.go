package render

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"strconv"
	"strings"

	"handout/figures"
	"handout/figures/pose"
)

// DrawingSVG draws the named built-in drawing as an SVG picture, for a
// web page's thumbnails: the same vector paths the PDF draws, in the
// drawing's own units (its viewBox), so it is small and sharp at any size.
// Its title is the drawing's description, for screen readers.
func DrawingSVG(name string) ([]byte, error) {
	d, err := pose.Builtin(name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" role="img"><title>%s</title>`,
		svgNum(d.W), svgNum(d.H), html.EscapeString(pose.BuiltinDescription(name)))
	for _, s := range d.Shapes {
		writeSVGShape(&b, s)
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// writeSVGShape writes one shape as a <path>.
func writeSVGShape(b *bytes.Buffer, s figures.Shape) {
	b.WriteString(`<path d="`)
	for i, seg := range s.Path {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch seg.Op {
		case figures.MoveTo:
			b.WriteByte('M')
		case figures.LineTo:
			b.WriteByte('L')
		case figures.CubicTo:
			b.WriteByte('C')
		case figures.Close:
			b.WriteByte('Z')
		}
		for j := 0; j < seg.Op.Points(); j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(svgNum(seg.Pts[j].X))
			b.WriteByte(',')
			b.WriteString(svgNum(seg.Pts[j].Y))
		}
	}
	fmt.Fprintf(b, `" fill="%s" stroke="%s"`, svgColor(s.Fill), svgColor(s.Stroke))
	if s.Stroke.A != 0 {
		fmt.Fprintf(b, ` stroke-width="%s" stroke-linejoin="round" stroke-linecap="round"`, svgNum(s.LineWidth))
	}
	b.WriteString("/>")
}

// svgNum writes a coordinate to a tenth of the drawing's unit (a
// millimetre in the built-in drawings): finer than a
// thumbnail's pixel, and short ("12.5", not "12.50").
func svgNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// svgColor is an SVG paint: "none" for a transparent colour.
func svgColor(c color.RGBA) string {
	if c.A == 0 {
		return "none"
	}
	if c.A == 255 {
		return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	return fmt.Sprintf("rgba(%d,%d,%d,%s)", c.R, c.G, c.B, svgNum(float64(c.A)/255))
}
