package render

import (
	"testing"

	"handout/figures"
	"handout/fonts"
	"handout/layout"
)

// TestNothingOutsideTheMargins lays out every golden handout (the
// built-in one among them) and checks that every item lies on its page, and every
// text run and picture inside the side margins: long words, URLs and
// wide figures must wrap or shrink, never run off the paper. No text is
// smaller than its style's smallest size (8 pt; 14 pt in large print).
func TestNothingOutsideTheMargins(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	// The fonts the engine measures and draws with: fonts.Load parses the
	// same embedded files.
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := goldenCases
	for _, gc := range cases {
		t.Run(gc.name, func(t *testing.T) {
			t.Parallel()
			j := goldenJob(t, gc)
			doc, err := e.Layout(j)
			if err != nil {
				t.Fatal(err)
			}
			// Each document's own style's margins and smallest size.
			style, err := layout.StyleByName(j.Style)
			if err != nil {
				t.Fatal(err)
			}
			for pi, p := range doc.Pages {
				left, right := style.Page.Margin, p.W-style.Page.Margin
				for _, it := range p.Items {
					if tx, ok := it.(*layout.Text); ok && tx.Size < style.Type.MinSize {
						t.Errorf("page %d: %q is set at %.1f pt, under the %g pt minimum", pi+1, tx.S, tx.Size, style.Type.MinSize)
					}
					x0, y0, x1, y1 := itemBox(fs.WithCJK(doc.CJK), it)
					const eps = 0.01
					if x0 < left-eps || x1 > right+eps || y0 < -eps || y1 > p.H+eps {
						t.Errorf("page %d: %T at %.1f,%.1f–%.1f,%.1f is outside the margins %.1f–%.1f", pi+1, it, x0, y0, x1, y1, left, right)
					}
				}
			}
		})
	}
}

// itemBox is an item's extent on the page.
func itemBox(fs *fonts.Set, it layout.Item) (x0, y0, x1, y1 float64) {
	switch v := it.(type) {
	case *layout.Text:
		return v.X, v.Y - v.Size, v.X + fs.Width(v.Face, v.Size, v.Inked()), v.Y
	case *layout.Image:
		return v.X, v.Y, v.X + v.W, v.Y + v.H
	case *layout.Rule:
		return min(v.X1, v.X2), min(v.Y1, v.Y2), max(v.X1, v.X2), max(v.Y1, v.Y2)
	case *layout.Box:
		return v.X, v.Y, v.X + v.W, v.Y + v.H
	case *layout.Link:
		return v.X, v.Y, v.X + v.W, v.Y + v.H
	case *layout.Path:
		x0, y0, x1, y1 = 1e9, 1e9, -1e9, -1e9
		for _, s := range v.Shape.Path {
			n := 1
			if s.Op == figures.CubicTo {
				n = 3
			} else if s.Op == figures.Close {
				n = 0
			}
			for _, q := range s.Pts[:n] {
				x, y := v.X+q.X*v.Scale, v.Y+q.Y*v.Scale
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
		return x0, y0, x1, y1
	}
	return 0, 0, 0, 0
}
