package pose

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"handout/figures"
)

// ErrUnknownBuiltin is returned by Builtin for a name it does not know.
var ErrUnknownBuiltin = errors.New("unknown built-in drawing")

// BuiltinNames lists the built-in drawings in a stable order: the order of
// the mid-back stretching handout they were made for.
func BuiltinNames() []string {
	names := make([]string, len(poses))
	for i := range poses {
		names[i] = poses[i].Name
	}
	return names
}

// BuiltinDescription is a one-line description of the named built-in
// drawing for `handout list`, or "" for an unknown name.
func BuiltinDescription(name string) string {
	if spec := lookup(name); spec != nil {
		return spec.Desc
	}
	return ""
}

// Builtin draws the named figure as line art. Its units are centimetres of
// the real world (not points): every built-in drawing uses the same body at
// the same scale, so a layout that multiplies by one points-per-centimetre
// factor shows the person the same size in every panel. W×H is the tight
// box around body and props plus a 4 cm margin; y points down.
//
// The drawing comes from builtin_drawings.bin, made by solving the poses at
// development time (builtin_data.go); a pose the file does not hold yet is
// solved here.
func Builtin(name string) (figures.Drawing, error) {
	if lookup(name) == nil {
		return figures.Drawing{}, fmt.Errorf("figures: %w %q (run `handout list` to see the names)", ErrUnknownBuiltin, name)
	}
	if d, ok := storedDrawing(drawingsData, name); ok {
		return d, nil
	}
	return drawPose(name)
}

// drawPose solves the named pose and draws it.
func drawPose(name string) (figures.Drawing, error) {
	spec := lookup(name)
	if spec == nil {
		return figures.Drawing{}, fmt.Errorf("figures: %w %q (run `handout list` to see the names)", ErrUnknownBuiltin, name)
	}
	fig, err := build(spec)
	if err != nil {
		return figures.Drawing{}, fmt.Errorf("figures: %w", err)
	}
	return finish(shapes(&fig)), nil
}

func lookup(name string) *spec {
	for i := range poses {
		if poses[i].Name == name {
			return &poses[i]
		}
	}
	return nil
}

// The house style, in drawing units (cm). How many points a centimetre
// takes on the page is the layout style's (layout.FigureStyle's
// DrawingScale), so these weights print in proportion to it: the outline
// is lineWidth times that scale.
const (
	lineWidth = 0.7
	arrowW    = 1.0
	margin    = 4.0
)

// Grey levels: the near body light, the far limbs a shade darker with a
// softer outline so they sit behind, the moving part darker still; props
// lighter than the body so the eye goes to the person.
const (
	ink      = 0x1a
	farInk   = 0x78
	skin     = 0xec
	farSkin  = 0xcc
	emphSkin = 0xc6
	farEmph  = 0xb2
	hair     = 0x8a
	propFill = 0xf7
	plumbInk = 0x50
	// strapFill is a mid grey: a strap must read as a thing, not
	// as part of the body or a line of the drawing.
	strapFill = 0x9a
)

func gray(v uint8) color.RGBA { return color.RGBA{v, v, v, 0xff} }

// shapes styles a built figure, in body space (y up), back to front.
func shapes(fig *solvedFigure) []figures.Shape {
	spec := fig.Spec
	emph := func(p bodyPart) bool {
		for _, r := range spec.EmphRefs {
			if p.Kind == r.Kind && p.Far == r.Far {
				return true
			}
		}
		for _, k := range spec.Emph {
			if p.Kind == k {
				return true
			}
		}
		return false
	}
	var far, main, arm, left []bodyPart
	for _, p := range fig.Parts {
		switch {
		case p.Far && spec.View == front && p.Kind.bodyArm():
			// A front view has no far side: its left arm goes over the
			// right one (a left hand holding the right arm), its left leg
			// in one silhouette with the body.
			left = append(left, p)
		case p.Far && spec.View == front:
			main = append(main, p)
		case p.Far:
			far = append(far, p)
		case p.Kind.bodyArm():
			arm = append(arm, p)
		default:
			main = append(main, p)
		}
	}
	var torsoEmph []figures.Segment
	if spec.EmphFrom > 0 || spec.EmphTo > 0 {
		to := spec.EmphTo
		if to == 0 {
			to = 2 // past the shoulders: the rounded top
		}
		torsoEmph = bodyTorsoPath(&fig.Skel, spec.EmphFrom, to)
	}
	shapes := props(fig, false)
	shapes = append(shapes, group(far, farInk, farSkin, farEmph, emph, nil)...)
	// A prop under the near limb alone lies in front of the far one.
	shapes = append(shapes, props(fig, true)...)
	if spec.Strap {
		// Behind the near foot it loops around and under the hands that
		// hold it.
		shapes = append(shapes, strap(&fig.Skel)...)
	}
	shapes = append(shapes, group(main, ink, skin, emphSkin, emph, torsoEmph)...)
	for _, d := range fig.Details {
		switch {
		case d.Fill && d.Dark:
			shapes = append(shapes, figures.Shape{Path: d.Path, Fill: gray(hair)})
		case d.Fill:
			shapes = append(shapes, figures.Shape{Path: d.Path, Fill: gray(ink)})
		default:
			shapes = append(shapes, figures.Shape{Path: d.Path, Stroke: gray(ink), LineWidth: lineWidth})
		}
	}
	if spec.Band != (bodyVec{}) {
		// Under the hand that holds it.
		shapes = append(shapes, band(&fig.Skel, spec.Band)...)
	}
	shapes = append(shapes, group(arm, ink, skin, emphSkin, emph, nil)...)
	shapes = append(shapes, group(left, ink, skin, emphSkin, emph, nil)...)
	for _, a := range spec.Arrows {
		o := fig.Skel.axisAt(a.At).P
		if a.Circle {
			shapes = append(shapes, circleArrow(o.add(a.From), a.Via)...)
			continue
		}
		shapes = append(shapes, arrow(o.add(a.From), o.add(a.Via), o.add(a.To))...)
	}
	if spec.Plumb {
		shapes = append(shapes, plumb(fig))
	}
	return shapes
}

// group draws parts as one clean silhouette: a double-width outline
// of every part first, then the fills on top, which hide the inner half of
// the outline and every line where parts overlap. What is left is the
// union's outline at the house weight. extra is an emphasis fill.
func group(parts []bodyPart, ink, skin, strong uint8, emph func(bodyPart) bool, extra []figures.Segment) []figures.Shape {
	if len(parts) == 0 {
		return nil
	}
	var all, plain, bold []figures.Segment
	for _, p := range parts {
		all = append(all, p.Path...)
		if emph(p) {
			bold = append(bold, p.Path...)
		} else {
			plain = append(plain, p.Path...)
		}
	}
	bold = append(bold, extra...)
	shapes := []figures.Shape{{Path: all, Stroke: gray(ink), LineWidth: 2 * lineWidth}}
	if len(plain) > 0 {
		shapes = append(shapes, figures.Shape{Path: plain, Fill: gray(skin)})
	}
	if len(bold) > 0 {
		shapes = append(shapes, figures.Shape{Path: bold, Fill: gray(strong)})
	}
	return shapes
}

// arrow is a movement arrow along the curve from → via → to.
func arrow(from, via, to bodyVec) []figures.Shape {
	const headLen, headHalf = 6.0, 3.2
	dir := to.sub(via).mul(1 / to.sub(via).length())
	// Stop the line inside the head so its end does not blunt the point.
	end := to.sub(dir.mul(headLen * 0.6))
	c1 := from.add(via.sub(from).mul(2.0 / 3))
	c2 := end.add(via.sub(end).mul(2.0 / 3))
	line := []figures.Segment{
		{Op: figures.MoveTo, Pts: [3]figures.Point{from.point()}},
		{Op: figures.CubicTo, Pts: [3]figures.Point{c1.point(), c2.point(), end.point()}},
	}
	side := bodyVec{-dir.Y, dir.X}.mul(headHalf)
	base := to.sub(dir.mul(headLen))
	head := []figures.Segment{
		{Op: figures.MoveTo, Pts: [3]figures.Point{to.point()}},
		{Op: figures.LineTo, Pts: [3]figures.Point{base.add(side).point()}},
		{Op: figures.LineTo, Pts: [3]figures.Point{base.sub(side).point()}},
		{Op: figures.Close},
	}
	ink := gray(ink)
	return []figures.Shape{
		{Path: line, Stroke: ink, LineWidth: arrowW},
		{Path: head, Fill: ink},
	}
}

// circleArrow is a small ellipse round c with radii r, open for
// its last sixth where the arrowhead points on round it.
func circleArrow(c, r bodyVec) []figures.Shape {
	const steps = 30
	at := func(deg float64) bodyVec {
		s, k := math.Sincos(deg * math.Pi / 180)
		return bodyVec{c.X + r.X*k, c.Y + r.Y*s}
	}
	line := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{at(-90).point()}}}
	for i := 1; i <= steps; i++ {
		line = append(line, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{at(-90 + 270*float64(i)/steps).point()}})
	}
	shapes := []figures.Shape{{Path: line, Stroke: gray(ink), LineWidth: arrowW}}
	// The head: on past the line's end, along the ellipse.
	head := arrow(at(170), at(175), at(200))
	return append(shapes, head[1])
}

// band is a resistance band, a flat strip seen edge-on, taut in a
// straight line from the near hand's grip to its anchor, where a knot
// holds it on the far side of the door.
func band(sk *bodySkeleton, anchor bodyVec) []figures.Shape {
	j := sk.Limbs[0]
	grip := j.Wrist.add(j.Fingertip.sub(j.Wrist).mul(0.4))
	end := anchor.add(bodyVec{doorT + 2, 0})
	line := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{grip.point()}}, {Op: figures.LineTo, Pts: [3]figures.Point{end.point()}}}
	return []figures.Shape{
		{Path: line, Stroke: gray(ink), LineWidth: strapW + 2*lineWidth},
		{Path: line, Stroke: gray(strapFill), LineWidth: strapW},
		{Path: bodyCircle(end, 2.2), Fill: gray(strapFill), Stroke: gray(ink), LineWidth: lineWidth},
	}
}

// strapW is the strap's width as drawn (cm): a 4 cm yoga strap or
// a towel folded lengthwise, seen a little edge-on.
const strapW = 1.6

// strap is a strap pulled taut in two straight strands from the
// near hand's grip to the near foot, one to its sole under the ball and
// one to its top; drawn behind the foot, they read as a loop around it.
func strap(sk *bodySkeleton) []figures.Shape {
	j := sk.Limbs[0]
	grip := j.Wrist.add(j.Fingertip.sub(j.Wrist).mul(0.4))
	down := j.Foot - 90
	ball := bodyAt(bodyAt(j.Ankle, j.Foot, 13), down, bodyAnkleH-2.4)
	under := bodyAt(ball, down, 2.4+strapW/2)
	over := bodyAt(bodyAt(j.Ankle, j.Foot, 12), down+180, 3.4)
	var shapes []figures.Shape
	for _, end := range []bodyVec{over, under} {
		line := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{grip.point()}}, {Op: figures.LineTo, Pts: [3]figures.Point{end.point()}}}
		shapes = append(shapes,
			figures.Shape{Path: line, Stroke: gray(ink), LineWidth: strapW + 2*lineWidth},
			figures.Shape{Path: line, Stroke: gray(strapFill), LineWidth: strapW})
	}
	return shapes
}

// plumb is the dashed plumb line of a standing posture check,
// through the ankle up past the crown.
func plumb(fig *solvedFigure) figures.Shape {
	x := fig.Skel.Limbs[0].Ankle.X
	_, hi := extent(fig.Parts, func(bodyPart) bool { return true })
	const dash, gap = 3.0, 2.2
	var path []figures.Segment
	for y := fig.Floor; y < hi.Y+8; y += dash + gap {
		path = append(path,
			figures.Segment{Op: figures.MoveTo, Pts: [3]figures.Point{{X: x, Y: y}}},
			figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{{X: x, Y: math.Min(y+dash, hi.Y+8)}}})
	}
	return figures.Shape{Path: path, Stroke: gray(plumbInk), LineWidth: lineWidth / 2}
}

// props draws the floor, the mat and the props; nearOnly draws instead
// only the props under the near limb alone (NearOnly), which go in front
// of the far limbs.
func props(fig *solvedFigure, nearOnly bool) []figures.Shape {
	lo, hi := extent(fig.Parts, func(bodyPart) bool { return true })
	for _, p := range fig.Props {
		lo.X = math.Min(lo.X, p.C.X-p.R)
		hi.X = math.Max(hi.X, p.C.X+p.R)
		for _, pc := range p.Pieces {
			for _, poly := range rasterFlatten(pc.Path, 1) {
				for _, q := range poly.Pts {
					lo.X, hi.X = math.Min(lo.X, q.X), math.Max(hi.X, q.X)
				}
			}
		}
	}
	ink, fill := gray(ink), gray(propFill)
	floor := []figures.Segment{
		{Op: figures.MoveTo, Pts: [3]figures.Point{{X: lo.X - 12, Y: fig.Floor}}},
		{Op: figures.LineTo, Pts: [3]figures.Point{{X: hi.X + 12, Y: fig.Floor}}},
	}
	var shapes []figures.Shape
	if fig.Spec.Above {
		if !nearOnly {
			// The mat seen from above, under the body (arms aside): no
			// floor line.
			blo, bhi := extent(fig.Parts, func(p bodyPart) bool { return !p.Kind.bodyArm() })
			mid := (blo.Y + bhi.Y) / 2
			shapes = append(shapes, figures.Shape{Path: roundRect(lo.X-6, mid-matWidth/2, hi.X+6, mid+matWidth/2, 2), Fill: fill, Stroke: ink, LineWidth: lineWidth})
		}
		return shapes
	}
	if !nearOnly {
		shapes = append(shapes, figures.Shape{Path: floor, Stroke: ink, LineWidth: lineWidth})
	}
	if fig.Spec.OnMat && !nearOnly {
		// A real mat is 180 cm long; it grows only if the body is longer.
		const matLen = 180.0
		x0, x1 := lo.X-3, hi.X+3
		if x1-x0 < matLen {
			mid := (x0 + x1) / 2
			x0, x1 = mid-matLen/2, mid+matLen/2
		}
		shapes = append(shapes, figures.Shape{Path: roundRect(x0, -matThick, x1, 0, matThick/2), Fill: fill, Stroke: ink, LineWidth: lineWidth})
	}
	for i, p := range fig.Props {
		if fig.Spec.Props[i].NearOnly != nearOnly {
			continue
		}
		if p.Pieces != nil {
			// Far legs first, in the far limbs' lighter outline.
			for _, pc := range p.Pieces {
				if pc.Far {
					shapes = append(shapes, figures.Shape{Path: pc.Path, Fill: fill, Stroke: gray(farInk), LineWidth: lineWidth})
				}
			}
			for _, pc := range p.Pieces {
				if !pc.Far {
					shapes = append(shapes, figures.Shape{Path: pc.Path, Fill: fill, Stroke: ink, LineWidth: lineWidth})
				}
			}
			continue
		}
		shapes = append(shapes, figures.Shape{Path: bodyCircle(p.C, p.R), Fill: fill, Stroke: ink, LineWidth: lineWidth})
		var hint []figures.Segment
		switch p.Kind {
		case towel:
			// A spiral says "rolled".
			for i := 0; i <= 40; i++ {
				t := float64(i) / 40
				q := bodyAt(p.C, 90+t*720, p.R*(0.15+0.65*t))
				op := figures.LineTo
				if i == 0 {
					op = figures.MoveTo
				}
				hint = append(hint, figures.Segment{Op: op, Pts: [3]figures.Point{q.point()}})
			}
		case roller:
			hint = bodyCircle(p.C, p.R*0.35)
		case ball:
			// A highlight arc says "round and shiny".
			start := bodyAt(p.C, 105, p.R*0.72)
			hint = bodyArcPath([]figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{start.point()}}}, p.C, p.R*0.72, 105, 150)
		}
		shapes = append(shapes, figures.Shape{Path: hint, Stroke: ink, LineWidth: lineWidth})
	}
	return shapes
}

// matWidth is an exercise mat's width (cm; FIGURES.md), seen from
// above.
const matWidth = 60.0

// roundRect is a closed rectangle with rounded corners.
func roundRect(x0, y0, x1, y1, r float64) []figures.Segment {
	path := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{{X: x0 + r, Y: y0}}}}
	path = append(path, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{{X: x1 - r, Y: y0}}})
	path = bodyArcPath(path, bodyVec{x1 - r, y0 + r}, r, -90, 0)
	path = append(path, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{{X: x1, Y: y1 - r}}})
	path = bodyArcPath(path, bodyVec{x1 - r, y1 - r}, r, 0, 90)
	path = append(path, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{{X: x0 + r, Y: y1}}})
	path = bodyArcPath(path, bodyVec{x0 + r, y1 - r}, r, 90, 180)
	path = append(path, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{{X: x0, Y: y0 + r}}})
	path = bodyArcPath(path, bodyVec{x0 + r, y0 + r}, r, 180, 270)
	return append(path, figures.Segment{Op: figures.Close})
}

// finish moves shapes from body space (y up) into drawing space:
// y down, origin at the top left of the tight box plus the margin.
func finish(shapes []figures.Shape) figures.Drawing {
	lo := figures.Point{X: math.Inf(1), Y: math.Inf(1)}
	hi := figures.Point{X: math.Inf(-1), Y: math.Inf(-1)}
	for _, sh := range shapes {
		pad := 0.0
		if sh.Stroke.A > 0 {
			pad = sh.LineWidth / 2
		}
		for _, poly := range rasterFlatten(sh.Path, 8) {
			for _, p := range poly.Pts {
				lo = figures.Point{X: math.Min(lo.X, p.X-pad), Y: math.Min(lo.Y, p.Y-pad)}
				hi = figures.Point{X: math.Max(hi.X, p.X+pad), Y: math.Max(hi.Y, p.Y+pad)}
			}
		}
	}
	move := func(p figures.Point) figures.Point {
		return figures.Point{X: p.X - lo.X + margin, Y: hi.Y - p.Y + margin}
	}
	d := figures.Drawing{W: hi.X - lo.X + 2*margin, H: hi.Y - lo.Y + 2*margin}
	for _, sh := range shapes {
		path := make([]figures.Segment, len(sh.Path))
		for i, s := range sh.Path {
			path[i] = figures.Segment{Op: s.Op, Pts: [3]figures.Point{move(s.Pts[0]), move(s.Pts[1]), move(s.Pts[2])}}
			// Unused points stay at zero so the path dump stays readable.
			for k := usedPts(s.Op); k < 3; k++ {
				path[i].Pts[k] = figures.Point{}
			}
		}
		sh.Path = path
		d.Shapes = append(d.Shapes, sh)
	}
	return d
}

// usedPts is how many of a segment's points its operator uses.
func usedPts(op figures.Op) int {
	switch op {
	case figures.CubicTo:
		return 3
	case figures.Close:
		return 0
	}
	return 1
}
