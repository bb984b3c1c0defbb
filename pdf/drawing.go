package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image/color"
	"math"
	"strconv"

	"github.com/klauspost/compress/zlib"

	"handout/figures"
	"handout/layout"
)

// A built-in drawing is laid out as one Path item per shape, all at the
// same place and scale. The writer draws such a run as a form XObject: the
// shapes' content (colours, widths, paths, in the drawing's own space) is
// written and compressed once per Writer and scale, then placed with one
// operator in every document that shows it (fpdf patch 6). A batch of a
// thousand packets of the same handout writes each drawing's thousands of
// numbers once instead of a thousand times.

// formKey names a drawing at a scale (the engine draws each built-in
// drawing once per process, so its documents share the *Drawing) and how
// many of its shapes the run holds (a drawing split by nothing else: all).
type formKey struct {
	of     *figures.Drawing
	shapes int
	scale  float64
}

// form is a drawing's content stream, compressed, and its box.
type form struct {
	name string
	bbox [4]float64
	data []byte
}

// drawingRun reports how many items from items[0] are the Path items of
// one drawing (consecutive, of the same drawing, at the same place and
// scale); 0 when items[0] is not a drawing's Path.
func drawingRun(items []layout.Item) int {
	first, ok := items[0].(*layout.Path)
	if !ok || first.Of == nil {
		return 0
	}
	n := 1
	for n < len(items) {
		p, ok := items[n].(*layout.Path)
		if !ok || p.Of != first.Of || p.Elem != first.Elem || p.X != first.X || p.Y != first.Y || p.Scale != first.Scale {
			break
		}
		n++
	}
	return n
}

// drawing draws a run of Path items (drawingRun) as a form XObject.
func (d *drawer) drawing(run []layout.Item) {
	first := run[0].(*layout.Path)
	k := formKey{of: first.Of, shapes: len(run), scale: first.Scale}
	d.wr.mu.Lock()
	fm := d.wr.forms[k]
	d.wr.mu.Unlock()
	if fm == nil {
		fm = makeForm(run, d.wr.compress)
		d.wr.mu.Lock()
		d.wr.forms[k] = fm
		d.wr.mu.Unlock()
	}
	d.f.RegisterFormXObject(fm.name, fm.bbox, fm.data)
	d.f.UseFormXObject(fm.name, first.X, first.Y)
}

// makeForm writes the shapes of a run in the form's space: points from
// the drawing's origin, y up (a drawing's y points down), and compresses it.
func makeForm(run []layout.Item, compress func([]byte) []byte) *form {
	var b []byte
	lo := figures.Point{X: math.Inf(1), Y: math.Inf(1)}
	hi := figures.Point{X: math.Inf(-1), Y: math.Inf(-1)}
	num := func(v float64) { b = appendHundredths(b, v); b = append(b, ' ') }
	for _, it := range run {
		p := it.(*layout.Path)
		s := p.Shape
		width := s.LineWidth * p.Scale
		fill, stroke := s.Fill.A != 0, s.Stroke.A != 0 && width > 0
		if !fill && !stroke {
			continue
		}
		if fill {
			b = appendColor(b, s.Fill, "rg")
		}
		if stroke {
			b = appendColor(b, s.Stroke, "RG")
			num(width)
			b = append(b, "w\n"...)
		}
		for _, seg := range s.Path {
			pts := seg.Pts[:seg.Op.Points()]
			for _, q := range pts {
				x, y := q.X*p.Scale, -q.Y*p.Scale
				num(x)
				num(y)
				lo = figures.Point{X: math.Min(lo.X, x-width), Y: math.Min(lo.Y, y-width)}
				hi = figures.Point{X: math.Max(hi.X, x+width), Y: math.Max(hi.Y, y+width)}
			}
			switch seg.Op {
			case figures.MoveTo:
				b = append(b, "m\n"...)
			case figures.LineTo:
				b = append(b, "l\n"...)
			case figures.CubicTo:
				b = append(b, "c\n"...)
			case figures.Close:
				b = append(b, "h\n"...)
			}
		}
		switch {
		case fill && stroke:
			b = append(b, "B\n"...)
		case fill:
			b = append(b, "f\n"...)
		default:
			b = append(b, "S\n"...)
		}
	}
	data := compress(b)
	sum := sha256.Sum256(b)
	return &form{name: hex.EncodeToString(sum[:8]), bbox: [4]float64{lo.X, lo.Y, hi.X, hi.Y}, data: data}
}

// compress deflates a form's content as fpdf deflates every other stream
// (fork patch 17: klauspost/compress at its fastest level), with the
// Writer's one zlib writer.
func (w *Writer) compress(b []byte) []byte {
	w.deflateMu.Lock()
	defer w.deflateMu.Unlock()
	var z bytes.Buffer
	z.Grow(len(b) / 2)
	if w.deflate == nil {
		w.deflate, _ = zlib.NewWriterLevel(&z, zlib.BestSpeed) // the level is valid
	} else {
		w.deflate.Reset(&z)
	}
	w.deflate.Write(b) // a bytes.Buffer does not fail
	w.deflate.Close()
	return z.Bytes()
}

// appendColor writes c as an RGB colour operator, as fpdf writes one.
func appendColor(b []byte, c color.RGBA, op string) []byte {
	for _, v := range [3]uint8{c.R, c.G, c.B} {
		b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(append(b, op...), '\n')
}
