// Package figures holds the picture nouns the pipeline's stages share: a
// vector Drawing and a prepared raster Image. The built-in drawings are
// made in figures/pose (from pose data), photos and logos are prepared in
// figures/photo; layout and pdf see sizes, bytes and vector paths, never
// solvers or decoders.
package figures

import "image/color"

// Point is a position in a drawing's own units, x to the right, y down:
// centimetres in the built-in drawings (Builtin), which the layout scales
// to points by its style's drawing scale; points where the layout draws a
// shape of its own at scale 1.
type Point struct{ X, Y float64 }

// Op is a path operator.
type Op uint8

// Path operators. CubicTo uses Pts[0] and Pts[1] as control points and
// Pts[2] as the end point; MoveTo and LineTo use Pts[0]; Close uses none.
const (
	MoveTo Op = iota
	LineTo
	CubicTo
	Close
)

// Points is how many of a segment's points op uses: one for MoveTo and
// LineTo, three for CubicTo, none for Close.
func (op Op) Points() int {
	switch op {
	case MoveTo, LineTo:
		return 1
	case CubicTo:
		return 3
	}
	return 0
}

// Segment is one step of a path.
type Segment struct {
	Op  Op
	Pts [3]Point
}

// Shape is one filled and/or stroked path. A colour with A == 0 means "none".
type Shape struct {
	Path      []Segment
	Fill      color.RGBA
	Stroke    color.RGBA
	LineWidth float64
}

// Drawing is a vector picture W×H of its own units in size (see Point),
// drawn shape by shape in order (later shapes on top).
type Drawing struct {
	W, H   float64
	Shapes []Shape
}
