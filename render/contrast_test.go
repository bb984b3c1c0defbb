package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
	_ "image/png"
	"testing"

	"handout/figures"
	"handout/layout"
)

// The contrast a page keeps (WCAG 2.x): text against what lies beneath
// it, and shapes that carry meaning against theirs.
const (
	wantTextContrast    = 4.5
	wantGraphicContrast = 3.0
)

// paletteCases are brand colours to lay the golden handouts out with:
// the sample's, and colours too light to read as they are (a yellow and
// a mint, white), which the layout must darken.
var paletteCases = []struct{ name, primary, accent string }{
	{"sample", "", ""},
	{"light", "#F2C200", "#9FE2BF"},
	{"white", "#FFFFFF", "#FFFFFF"},
}

// TestContrast lays out every golden handout in every style with each
// palette, in colour and in grayscale, and checks from the display list
// that every text run keeps 4.5:1 against what lies beneath it, and
// every rule, border, icon, bar and booking code 3:1. The built-in drawings are the
// pose package's line art and are not checked here.
func TestContrast(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	for _, style := range layout.StyleNames() {
		for _, gc := range goldenCases {
			for _, pc := range paletteCases {
				for _, gray := range []bool{false, true} {
					contrastCase(t, e, style, gc, pc.primary, pc.accent, gray)
				}
			}
		}
	}
}

// contrastCase is one layout of TestContrast.
func contrastCase(t *testing.T, e *Engine, style string, gc goldenCase, primary, accent string, gray bool) {
	name := fmt.Sprintf("%s/%s/%s,%s/gray=%v", style, gc.name, primary, accent, gray)
	t.Run(name, func(t *testing.T) {
		j := goldenJob(t, gc)
		j.Grayscale, j.Style = gray, style
		if primary != "" {
			c := *j.Clinic.Profile
			c.Colors.Primary, c.Colors.Accent = primary, accent
			j.Clinic.Profile = &c
		}
		doc, err := e.Layout(j)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for pi, p := range doc.Pages {
			for _, msg := range contrastProblems(p) {
				if n++; n <= 10 {
					t.Errorf("page %d: %s", pi+1, msg)
				}
			}
		}
	})
}

// contrastProblems checks each item of a page against the topmost fill
// drawn before it under its middle (or the white paper).
func contrastProblems(p layout.Page) []string {
	type fill struct {
		x0, y0, x1, y1 float64
		c              color.RGBA
	}
	var fills []fill
	beneath := func(x, y float64) color.RGBA {
		for i := len(fills) - 1; i >= 0; i-- {
			f := fills[i]
			if x >= f.x0 && x <= f.x1 && y >= f.y0 && y <= f.y1 {
				return f.c
			}
		}
		return color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	}
	var msgs []string
	check := func(what string, c color.RGBA, x, y, want float64) {
		bg := beneath(x, y)
		if r := layout.Contrast(c, bg); r < want {
			msgs = append(msgs, fmt.Sprintf("%s in %s on %s: %.2f:1, under %g:1", what, hexColor(c), hexColor(bg), r, want))
		}
	}
	for _, it := range p.Items {
		switch v := it.(type) {
		case *layout.Text:
			check(fmt.Sprintf("text %q", v.S), v.Color, v.X+v.Size/4, v.Y-v.Size/3, wantTextContrast)
		case *layout.Rule:
			check("a rule", v.Color, (v.X1+v.X2)/2, (v.Y1+v.Y2)/2, wantGraphicContrast)
		case *layout.Box:
			if v.Stroke.A != 0 && v.LineWidth > 0 {
				// A border against what is outside it.
				check("a border", v.Stroke, v.X-v.LineWidth, v.Y+v.H/2, wantGraphicContrast)
			} else if v.Fill.A != 0 {
				// A shape of its own (a bar, a module of the code).
				check("a filled box", v.Fill, v.X+v.W/2, v.Y+v.H/2, wantGraphicContrast)
			}
			if v.Fill.A != 0 {
				fills = append(fills, fill{v.X, v.Y, v.X + v.W, v.Y + v.H, v.Fill})
			}
		case *layout.Path:
			if v.Of != nil || v.Shape.Fill.A == 0 {
				continue
			}
			x0, y0, x1, y1 := pathBox(v)
			check("an icon", v.Shape.Fill, (x0+x1)/2, (y0+y1)/2, wantGraphicContrast)
			fills = append(fills, fill{x0, y0, x1, y1, v.Shape.Fill})
		}
	}
	return msgs
}

// pathBox is a path's extent on the page.
func pathBox(v *layout.Path) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = 1e9, 1e9, -1e9, -1e9
	for _, s := range v.Shape.Path {
		for _, q := range s.Pts[:s.Op.Points()] {
			x, y := v.X+q.X*v.Scale, v.Y+q.Y*v.Scale
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
	}
	return x0, y0, x1, y1
}

func hexColor(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// TestGrayscaleIsGray: a grayscale document has no colour anywhere in
// its display list — text, rules, boxes, icons, drawings — and every
// image, the clinic's logo among them, is gray; with the sample's
// colours and with light ones.
func TestGrayscaleIsGray(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	for _, gc := range goldenCases {
		for _, pc := range paletteCases[:2] {
			t.Run(gc.name+"/"+pc.name, func(t *testing.T) {
				j := goldenJob(t, gc)
				j.Grayscale = true
				if pc.primary != "" {
					c := *j.Clinic.Profile
					c.Colors.Primary, c.Colors.Accent = pc.primary, pc.accent
					j.Clinic.Profile = &c
				}
				doc, err := e.Layout(j)
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				report := func(pi int, what string, c color.RGBA) {
					if c.A != 0 && (c.R != c.G || c.G != c.B) {
						if n++; n <= 10 {
							t.Errorf("page %d: %s in colour %s", pi+1, what, hexColor(c))
						}
					}
				}
				for pi, p := range doc.Pages {
					for _, it := range p.Items {
						switch v := it.(type) {
						case *layout.Text:
							report(pi, fmt.Sprintf("text %q", v.S), v.Color)
						case *layout.Rule:
							report(pi, "a rule", v.Color)
						case *layout.Box:
							report(pi, "a box's fill", v.Fill)
							report(pi, "a box's border", v.Stroke)
						case *layout.Path:
							report(pi, "a shape's fill", v.Shape.Fill)
							report(pi, "a shape's outline", v.Shape.Stroke)
						case *layout.Image:
							if !imageIsGray(t, v.Img) {
								if n++; n <= 10 {
									t.Errorf("page %d: the image at %.0f,%.0f is in colour", pi+1, v.X, v.Y)
								}
							}
						}
					}
				}
			})
		}
	}
}

// imageIsGray reports whether every pixel of a prepared image is gray.
func imageIsGray(t *testing.T, img *figures.Image) bool {
	t.Helper()
	m, _, err := image.Decode(bytes.NewReader(img.Data))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.(*image.Gray); ok {
		return true
	}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			if c.A != 0 && (c.R != c.G || c.G != c.B) {
				return false
			}
		}
	}
	return true
}
