package pose

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/vector"

	"handout/figures"
)

// WritePNG rasterises d on white, widthPx pixels wide and as tall as the
// drawing's proportions ask, and writes it as PNG. The same drawing always
// gives the same bytes.
func WritePNG(w io.Writer, d figures.Drawing, widthPx int) error {
	if widthPx <= 0 || d.W <= 0 || d.H <= 0 {
		return fmt.Errorf("figures: write png: %dpx wide for a %.2f×%.2f drawing: need a positive size", widthPx, d.W, d.H)
	}
	scale := float64(widthPx) / d.W
	img := rasterImage(d, scale, image.Pt(widthPx, int(math.Ceil(d.H*scale))), figures.Point{})
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("figures: write png: %w", err)
	}
	return nil
}

// rasterImage draws d at scale pixels per unit, shifted by off pixels, on
// a white image of the given size.
func rasterImage(d figures.Drawing, scale float64, size image.Point, off figures.Point) *image.RGBA {
	img := image.NewRGBA(image.Rectangle{Max: size})
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	z := vector.NewRasterizer(size.X, size.Y)
	px := func(p figures.Point) (float32, float32) {
		return float32(p.X*scale + off.X), float32(p.Y*scale + off.Y)
	}
	paint := func(c color.RGBA) {
		z.ClosePath()
		z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
		z.Reset(size.X, size.Y)
	}
	for _, sh := range d.Shapes {
		if sh.Fill.A > 0 {
			for _, s := range sh.Path {
				switch s.Op {
				case figures.MoveTo:
					z.MoveTo(px(s.Pts[0]))
				case figures.LineTo:
					z.LineTo(px(s.Pts[0]))
				case figures.CubicTo:
					x1, y1 := px(s.Pts[0])
					x2, y2 := px(s.Pts[1])
					x3, y3 := px(s.Pts[2])
					z.CubeTo(x1, y1, x2, y2, x3, y3)
				case figures.Close:
					z.ClosePath()
				}
			}
			paint(sh.Fill)
		}
		if sh.Stroke.A > 0 && sh.LineWidth > 0 {
			hw := sh.LineWidth * scale / 2
			for _, poly := range rasterFlatten(sh.Path, 0) {
				pts := make([]figures.Point, len(poly.Pts))
				for i, p := range poly.Pts {
					pts[i] = figures.Point{X: p.X*scale + off.X, Y: p.Y*scale + off.Y}
				}
				rasterStroke(z, pts, hw)
			}
			paint(sh.Stroke)
		}
	}
	return img
}

// rasterStroke adds a round-jointed stroke of half-width hw along pts as
// filled polygons. Every polygon winds the same way, so where they overlap
// the rasteriser's accumulated coverage only saturates.
func rasterStroke(z *vector.Rasterizer, pts []figures.Point, hw float64) {
	for i := 0; i+1 < len(pts); i++ {
		p, q := pts[i], pts[i+1]
		dx, dy := q.X-p.X, q.Y-p.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*hw, dx/l*hw
		z.MoveTo(float32(p.X+nx), float32(p.Y+ny))
		z.LineTo(float32(q.X+nx), float32(q.Y+ny))
		z.LineTo(float32(q.X-nx), float32(q.Y-ny))
		z.LineTo(float32(p.X-nx), float32(p.Y-ny))
		z.ClosePath()
	}
	const sides = 12
	for _, p := range pts {
		// Decreasing angles wind like the quads above.
		for k := 0; k <= sides; k++ {
			s, c := math.Sincos(-2 * math.Pi * float64(k) / sides)
			x, y := float32(p.X+c*hw), float32(p.Y+s*hw)
			if k == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
}

// rasterPoly is one flattened subpath.
type rasterPoly struct {
	Pts    []figures.Point
	Closed bool // the last point repeats the first
}

// rasterFlatten turns a path into polylines, each cubic into steps lines
// (steps 0: enough that no chord is longer than about 2 units).
func rasterFlatten(path []figures.Segment, steps int) []rasterPoly {
	var out []rasterPoly
	var cur rasterPoly
	var pen, start figures.Point
	flush := func() {
		if len(cur.Pts) > 1 {
			out = append(out, cur)
		}
		cur = rasterPoly{}
	}
	for _, s := range path {
		switch s.Op {
		case figures.MoveTo:
			flush()
			pen, start = s.Pts[0], s.Pts[0]
			cur.Pts = []figures.Point{pen}
		case figures.LineTo:
			pen = s.Pts[0]
			cur.Pts = append(cur.Pts, pen)
		case figures.CubicTo:
			n := steps
			if n <= 0 {
				l := math.Hypot(s.Pts[0].X-pen.X, s.Pts[0].Y-pen.Y) +
					math.Hypot(s.Pts[1].X-s.Pts[0].X, s.Pts[1].Y-s.Pts[0].Y) +
					math.Hypot(s.Pts[2].X-s.Pts[1].X, s.Pts[2].Y-s.Pts[1].Y)
				n = max(4, min(64, int(l/2)))
			}
			p0 := pen
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
				cur.Pts = append(cur.Pts, figures.Point{
					X: a*p0.X + b*s.Pts[0].X + c*s.Pts[1].X + d*s.Pts[2].X,
					Y: a*p0.Y + b*s.Pts[0].Y + c*s.Pts[1].Y + d*s.Pts[2].Y,
				})
			}
			pen = s.Pts[2]
		case figures.Close:
			if pen != start {
				cur.Pts = append(cur.Pts, start)
			}
			cur.Closed = true
			flush()
			pen = start
			cur.Pts = []figures.Point{start}
		}
	}
	flush()
	return out
}

// rasterPolyDistance is the distance from c to the polyline pts.
func rasterPolyDistance(pts []figures.Point, c figures.Point) float64 {
	best := math.Inf(1)
	for i := 0; i+1 < len(pts); i++ {
		p, q := pts[i], pts[i+1]
		dx, dy := q.X-p.X, q.Y-p.Y
		t := 0.0
		if l2 := dx*dx + dy*dy; l2 > 0 {
			t = math.Max(0, math.Min(1, ((c.X-p.X)*dx+(c.Y-p.Y)*dy)/l2))
		}
		best = math.Min(best, math.Hypot(c.X-p.X-t*dx, c.Y-p.Y-t*dy))
	}
	return best
}

// rasterInside reports whether c lies inside the closed polygon pts.
func rasterInside(pts []figures.Point, c figures.Point) bool {
	in := false
	for i := 0; i+1 < len(pts); i++ {
		p, q := pts[i], pts[i+1]
		if (p.Y > c.Y) != (q.Y > c.Y) && c.X < p.X+(c.Y-p.Y)*(q.X-p.X)/(q.Y-p.Y) {
			in = !in
		}
	}
	return in
}
