package pose

import (
	"fmt"
	"math"
)

// A pose is data: a view, joint angles for the one body model, the props it
// rests on, and the few angles that are solved rather than written down so
// that contact comes out exact (a hand flat on the floor, the back just
// touching the ball). build turns it into placed geometry.

// view is the direction the body is seen from.
type view uint8

const (
	side view = iota
	front
)

// ref names one body part on one side.
type ref struct {
	Kind bodyPartKind
	Far  bool
}

func (r ref) String() string {
	if r.Far {
		return "far " + r.Kind.String()
	}
	return r.Kind.String()
}

// joint names a point of the skeleton, for goals that place one joint
// relative to another and for the still-parts check of a start/finish pair.
type joint uint8

const (
	jointHip joint = iota
	jointKnee
	jointAnkle
	jointShoulder
	jointElbow
	jointWrist
	jointFingertip
	jointHead // the head's pivot at ear height
)

func (j joint) String() string {
	return [...]string{"hip", "knee", "ankle", "shoulder", "elbow", "wrist", "fingertip", "head"}[j]
}

// joint is where joint j of the near (or far) side is.
func (sk *bodySkeleton) joint(j joint, far bool) bodyVec {
	l := &sk.Limbs[0]
	if far {
		l = &sk.Limbs[1]
	}
	return [...]bodyVec{l.Hip, l.Knee, l.Ankle, l.Shoulder, l.Elbow, l.Wrist, l.Fingertip, sk.Head}[j]
}

// propKind is a thing the body lies on or against.
type propKind uint8

const (
	towel propKind = iota
	roller
	ball
	chair
	counter
	wall
	cushion
	table
	door
	doorway
	pillow
)

func (k propKind) String() string {
	return [...]string{"rolled towel", "foam roller", "exercise ball", "chair", "counter", "wall", "kneeling cushion", "table", "door", "doorway", "pillow"}[k]
}

// radius is a round prop's real size from FIGURES.md: a towel rolled to
// about 11 cm, a 15 cm foam roller, a 55 cm ball for a person of 170 cm;
// 0 for a flat-sided one.
func (k propKind) radius() float64 {
	return [...]float64{5.5, 7.5, 27.5, 0, 0, 0, 0, 0, 0, 0, 0}[k]
}

// prop places a prop on the floor (or mat) under or behind the body:
// a round one's centre, or a chair's seat front edge, a counter's front
// edge or a wall's face, is DX cm along x from the trunk axis at spine
// position At.
type prop struct {
	Kind propKind
	At   float64
	DX   float64
	// Fixed measures DX from x = 0, the anchor joint, instead: a chair
	// that stays put while the body gets up from it.
	Fixed bool
	// Free marks a prop the body stands beside without touching (the chair
	// once stood up from); the contact checks still forbid cutting into it.
	Free bool
	// By names the parts that rest on the prop, when they are not the
	// back or seat (hands on a counter).
	By []bodyPartKind
	// NearOnly marks a prop under the near limb alone (a towel roll under
	// one knee): the far limb lies beside it, not on it, so it is not
	// checked against it.
	NearOnly bool
}

// placed is a prop where it ended up: a round one's centre and
// radius, or a flat-sided one's outlines.
type placed struct {
	Kind   propKind
	C      bodyVec
	R      float64
	Pieces []piece
}

// param is an angle a pose may leave to the solver (near side; the far
// side follows).
type param uint8

const (
	trunk param = iota
	// tilt is the front view's neck side-bend.
	tilt
	lumbar
	thoracic
	neck
	hip
	knee
	ankle
	shoulder
	elbow
	wrist
	// The far leg's own angles, for a pose whose legs differ (FarLegs).
	farHip
	farKnee
	farAnkle
	// The far arm's, for a pose whose arms differ (FarArms).
	farShoulder
	farElbow
	// adduction tilts a bent leg towards the midline in the front view.
	adduction
	farAdduction
)

func (p param) String() string {
	return [...]string{"trunk", "tilt", "lumbar", "thoracic", "neck", "hip", "knee", "ankle", "shoulder", "elbow", "wrist", "far hip", "far knee", "far ankle", "far shoulder", "far elbow", "adduction", "far adduction"}[p]
}

func (p param) ptr(a *bodyAngles) *float64 {
	switch p {
	case trunk:
		return &a.Trunk
	case tilt:
		return &a.Tilt
	case lumbar:
		return &a.Lumbar
	case thoracic:
		return &a.Thoracic
	case neck:
		return &a.Neck
	case hip:
		return &a.Near.Hip
	case knee:
		return &a.Near.Knee
	case ankle:
		return &a.Near.Ankle
	case shoulder:
		return &a.Near.Shoulder
	case elbow:
		return &a.Near.Elbow
	case farHip:
		return &a.Far.Hip
	case farKnee:
		return &a.Far.Knee
	case farAnkle:
		return &a.Far.Ankle
	case farShoulder:
		return &a.Far.Shoulder
	case farElbow:
		return &a.Far.Elbow
	case adduction:
		return &a.Near.Adduction
	case farAdduction:
		return &a.Far.Adduction
	}
	return &a.Near.Wrist
}

// goalKind is what a solved angle must achieve.
type goalKind uint8

const (
	// level: the lowest points of parts A and B at the same height, so
	// that both rest on the surface, or A Deg cm higher (on a seat).
	level goalKind = iota
	// aim: the segment of part A points in direction Deg (a hand or
	// foot flat, an upper arm vertical).
	aim
	// at: joint J (far side if JFar) lies Deg cm from joint JB (far
	// side if JBFar) along x (Axis 0) or y (Axis 1): a hand holding a
	// shin, the feet a set distance from the shoulders in both panels of a
	// pair.
	at
	// touch: the outline of part A just touches prop number Prop. A
	// left zero is the trunk: the back is what rests on a towel, roller or
	// ball, and a touch by the head alone would leave the spine unsupported.
	touch
)

// goal is one contact or alignment condition.
type goal struct {
	Kind        goalKind
	A, B        ref
	Deg         float64
	Prop        int
	J, JB       joint
	JFar, JBFar bool
	Axis        int
}

func (g goal) String() string {
	switch g.Kind {
	case level:
		return fmt.Sprintf("%v level with %v", g.A, g.B)
	case aim:
		return fmt.Sprintf("%v at %.0f°", g.A, g.Deg)
	case at:
		return fmt.Sprintf("%v %.1f cm along %c from the %v", g.J, g.Deg, "xy"[g.Axis], g.JB)
	}
	return fmt.Sprintf("%v touching prop %d", g.A, g.Prop)
}

// solve adjusts Param within [Lo, Hi] until Goal holds.
type solve struct {
	Param  param
	Lo, Hi float64
	Goal   goal
}

// arrowMark is a movement arrow: a curve From → Via → To, offsets in cm
// from the trunk axis at spine position At, in the placed drawing.
type arrowMark struct {
	At            float64
	From, Via, To bodyVec
	// Circle draws a small ellipse round From instead, Via its radii:
	// the circles a pendulum arm swings (FIGURES.md "Arrows").
	Circle bool
}

// spec is one built-in figure as data.
type spec struct {
	Name, Desc string
	View       view
	Angles     bodyAngles
	// FarDelta is added to the near side's (solved) angles for the far
	// side; FarShift moves the far limbs along x so they show beside the
	// near ones.
	FarDelta bodyLimbAngles
	FarShift float64
	OnMat    bool
	Props    []prop
	Solve    []solve
	// Rest lists the parts that rest on the mat or floor.
	Rest []ref
	// Emph lists parts drawn darker because they move; EmphFrom > 0 also
	// darkens the trunk from that spine position up, to EmphTo when that
	// is set (the low back and pelvis of a pelvic tilt, not the chest).
	Emph     []bodyPartKind
	EmphFrom float64
	EmphTo   float64
	// EmphRefs lists parts drawn darker on one side only: the near leg and
	// the far arm that move while their other-side twins hold still.
	EmphRefs []ref
	Arrows   []arrowMark
	// SpineExtMax overrides the usual 40° limit of spine extension for
	// poses that exceed it on purpose (back bends over a ball, the wheel).
	SpineExtMax float64
	// KneeFlexMax overrides the usual 140° limit of knee flexion for
	// poses that sit back on the heels, where the body's weight takes the
	// knee to its passive range (about 155°).
	KneeFlexMax float64
	Plumb       bool
	// Seated puts a front view on a chair: the thighs come towards the
	// viewer, the shins stand down to the floor.
	Seated bool
	// Lying lays a front view down on the left side, facing the viewer,
	// the head towards Trunk (0: to the right) and the right side up.
	Lying bool
	// Above shows a front view lying on the mat seen from above, the head
	// towards Trunk: face up, or face down when Back (the back of the head
	// showing). A side view seen from above is lying on the side. The mat
	// is a rectangle under the body, not a line.
	Above, Back bool
	// ShoulderExtMax overrides the 50° limit of shoulder extension for a
	// side-lying body seen from above, where the arm opened back behind
	// the body is horizontal abduction, not extension.
	ShoulderExtMax float64
	// Anchor is the joint placed at x = 0 (the near hip unless said; the
	// far side's if AnchorFar), so that the still parts of a start/finish
	// pair line up.
	Anchor    joint
	AnchorFar bool
	// Strap draws a strap or towel pulled taut from the near hand to the
	// near foot, looped around its ball.
	Strap bool
	// Band, when its length is not zero, is a resistance band's anchor
	// (cm, x from the anchor joint, y above the floor): the band runs
	// taut from the near hand to it.
	Band bodyVec
	// FarLegs gives the far leg its own angles (Angles.Far, solved with
	// the far parameters) instead of the near leg's plus FarDelta: one
	// leg moves while the other stays.
	FarLegs bool
	// FarArms does the same for the far arm (by the side while the near
	// one works).
	FarArms bool
}

// solvedFigure is a pose built into placed geometry, body space (y up), the
// surface the body rests on at y = 0.
type solvedFigure struct {
	Spec    *spec
	Angles  bodyAngles
	Skel    bodySkeleton
	Parts   []bodyPart
	Details []bodyDetail
	Props   []placed
	Floor   float64 // the floor line: -1 under a 1 cm mat, else 0
}

// matThick is the mat's thickness (cm).
const matThick = 1.0

// far gives the far side its angles from the near side's.
func far(spec *spec, a bodyAngles) bodyAngles {
	n, d, f := a.Near, spec.FarDelta, a.Far
	a.Far = bodyLimbAngles{n.Hip + d.Hip, n.Knee + d.Knee, n.Ankle + d.Ankle, n.Shoulder + d.Shoulder, n.Elbow + d.Elbow, n.Wrist + d.Wrist,
		n.ArmOut + d.ArmOut, n.ForearmOut + d.ForearmOut, n.Flexion + d.Flexion, n.Adduction + d.Adduction, n.Rotation + d.Rotation, n.Turnout + d.Turnout}
	if spec.FarLegs {
		a.Far.Hip, a.Far.Knee, a.Far.Ankle, a.Far.Flexion, a.Far.Adduction, a.Far.Turnout = f.Hip, f.Knee, f.Ankle, f.Flexion, f.Adduction, f.Turnout
	}
	if spec.FarArms {
		a.Far.Shoulder, a.Far.Elbow, a.Far.Wrist, a.Far.ArmOut, a.Far.ForearmOut, a.Far.Rotation = f.Shoulder, f.Elbow, f.Wrist, f.ArmOut, f.ForearmOut, f.Rotation
	}
	return a
}

// layout places the posed body with its lowest point on y = 0 and the
// props around it.
func layout(spec *spec, a bodyAngles) solvedFigure {
	fig := solvedFigure{Spec: spec, Angles: a}
	if spec.OnMat {
		fig.Floor = -matThick
	}
	if spec.View == front {
		fig.Skel = bodyFrontSkeleton(a, spec.Seated)
		fig.Parts, fig.Details = bodyFrontParts(&fig.Skel, a, spec.Seated, spec.Back)
		switch {
		case spec.Lying:
			// Laid down on the left side, the head towards Trunk, the
			// lowest point on the mat and the anchor at x = 0.
			turnFigure(&fig, a.Trunk-90)
			lo, _ := extent(fig.Parts, func(bodyPart) bool { return true })
			moveFigure(&fig, bodyVec{-fig.Skel.joint(spec.Anchor, spec.AnchorFar).X, -lo.Y})
		case spec.Above:
			// Seen from above, the midline along the middle of the mat.
			turnFigure(&fig, a.Trunk-90)
			moveFigure(&fig, bodyVec{-fig.Skel.joint(spec.Anchor, spec.AnchorFar).X, -fig.Skel.Hip.Y})
		}
		fig.Props = placeProps(spec, &fig.Skel)
		return fig
	}
	sk := bodySide(a)
	far := &sk.Limbs[1]
	for _, p := range []*bodyVec{&far.Hip, &far.Knee, &far.Ankle, &far.Shoulder, &far.Elbow, &far.Wrist, &far.Fingertip} {
		*p = p.add(bodyVec{spec.FarShift, 0})
	}
	parts, _ := bodySideParts(&sk)
	lo, _ := extent(parts, func(bodyPart) bool { return true })
	if spec.Above {
		// Seen from above, the hips along the middle of the mat.
		lo.Y = sk.Hip.Y
	}
	sk.shift(bodyVec{-sk.joint(spec.Anchor, spec.AnchorFar).X, -lo.Y})
	fig.Skel = sk
	fig.Parts, fig.Details = bodySideParts(&fig.Skel)
	fig.Props = placeProps(spec, &fig.Skel)
	return fig
}

// placeProps puts the pose's props on the floor: a round one's centre,
// or a flat-sided one's outlines, in the view the pose is drawn in.
func placeProps(spec *spec, sk *bodySkeleton) []placed {
	var out []placed
	for _, pr := range spec.Props {
		r := pr.Kind.radius()
		x := pr.DX
		switch {
		case !pr.Fixed && spec.View == side:
			x += sk.axisAt(pr.At).P.X
		case !pr.Fixed:
			// A pillow goes under the head.
			x += sk.Head.X
		}
		placed := placed{Kind: pr.Kind, C: bodyVec{x, r}, R: r}
		if spec.View == front {
			placed.Pieces = frontPieces(pr.Kind, x)
		} else {
			placed.Pieces = sidePieces(pr.Kind, x)
		}
		out = append(out, placed)
	}
	return out
}

// sidePieces is a flat-sided prop's outlines in the side view, nil for a
// round one.
func sidePieces(k propKind, x float64) []piece {
	switch k {
	case chair:
		return chairPieces(x)
	case counter:
		return counterPieces(x)
	case wall:
		return wallPieces(x)
	case cushion:
		return cushionPieces(x)
	case table:
		return tablePieces(x)
	case door:
		return doorPieces(x)
	}
	return nil
}

// behind reports whether prop i stands behind the body in depth, where a
// view cannot show contact: the wall at the back and the chair under a
// person seen from the front.
func (s *spec) behind(i int) bool {
	k := s.Props[i].Kind
	return s.View == front && (k == wall || k == chair)
}

// extent is the bounding box (min, max corners) of the selected parts.
func extent(parts []bodyPart, keep func(bodyPart) bool) (lo, hi bodyVec) {
	lo = bodyVec{math.Inf(1), math.Inf(1)}
	hi = bodyVec{math.Inf(-1), math.Inf(-1)}
	for _, p := range parts {
		if !keep(p) {
			continue
		}
		for _, poly := range rasterFlatten(p.Path, 8) {
			for _, q := range poly.Pts {
				lo = bodyVec{math.Min(lo.X, q.X), math.Min(lo.Y, q.Y)}
				hi = bodyVec{math.Max(hi.X, q.X), math.Max(hi.Y, q.Y)}
			}
		}
	}
	return lo, hi
}

// lowest is the height of the lowest point of part r.
func (f *solvedFigure) lowest(r ref) float64 {
	lo, _ := extent(f.Parts, func(p bodyPart) bool { return p.Kind == r.Kind && p.Far == r.Far })
	return lo.Y
}

// clearance is the gap between prop i and the body outline: negative when
// the body cuts into the prop, by that much. Arms are left out: they sit a
// shoulder-width to the side and may pass a ball or roller in a side view.
func (f *solvedFigure) clearance(i int) float64 {
	return f.clearanceOf(i, func(p bodyPart) bool { return !p.Kind.bodyArm() })
}

// clearanceOf is the gap between prop i and the kept parts' outline.
func (f *solvedFigure) clearanceOf(i int, keep func(bodyPart) bool) float64 {
	pr := f.Props[i]
	if f.Spec.Props[i].NearOnly {
		all := keep
		keep = func(p bodyPart) bool { return !p.Far && all(p) }
	}
	if pr.Pieces != nil {
		return f.pieceClearance(pr.Pieces, keep)
	}
	best := math.Inf(1)
	c := pr.C.point()
	for _, p := range f.Parts {
		if !keep(p) {
			continue
		}
		for _, poly := range rasterFlatten(p.Path, 8) {
			d := rasterPolyDistance(poly.Pts, c)
			if rasterInside(poly.Pts, c) {
				d = -d
			}
			best = math.Min(best, d)
		}
	}
	return best - pr.R
}

// segmentDir is the direction of the (near) segment that part r is.
func (f *solvedFigure) segmentDir(r ref) float64 {
	side := 0
	if r.Far {
		side = 1
	}
	j := f.Skel.Limbs[side]
	switch r.Kind {
	case bodyThighPart:
		return j.Thigh
	case bodyShankPart:
		return j.Shank
	case bodyFootPart:
		return j.Foot
	case bodyUpperArm:
		return j.Arm
	case bodyForearmPart:
		return j.Forearm
	case bodyHandPart:
		return j.Hand
	case bodyHeadPart:
		return f.Skel.HeadDir
	}
	return f.Skel.axisAt(1).Dir
}

// goal is how far the figure is from meeting g (zero when met).
func (f *solvedFigure) goal(g goal) float64 {
	switch g.Kind {
	case level:
		return f.lowest(g.A) - f.lowest(g.B) - g.Deg
	case aim:
		return bodyAngleDiff(f.segmentDir(g.A), g.Deg)
	case at:
		d := f.Skel.joint(g.J, g.JFar).sub(f.Skel.joint(g.JB, g.JBFar))
		if g.Axis == 1 {
			return d.Y - g.Deg
		}
		return d.X - g.Deg
	}
	return f.clearanceOf(g.Prop, func(p bodyPart) bool { return p.Kind == g.A.Kind && p.Far == g.A.Far })
}

// build solves the pose's free angles together and lays it out. On
// error the figure is the unsolved attempt, for looking at what went wrong.
func build(spec *spec) (solvedFigure, error) {
	a := spec.Angles
	residuals := func(x []float64) []float64 {
		b := a
		for i, s := range spec.Solve {
			*s.Param.ptr(&b) = x[i]
		}
		fig := layout(spec, far(spec, b))
		r := make([]float64, len(spec.Solve))
		for i, s := range spec.Solve {
			r[i] = fig.goal(s.Goal)
		}
		return r
	}
	x := make([]float64, len(spec.Solve))
	lo := make([]float64, len(x))
	hi := make([]float64, len(x))
	for i, s := range spec.Solve {
		x[i] = math.Max(s.Lo, math.Min(s.Hi, *s.Param.ptr(&a)))
		lo[i], hi[i] = s.Lo, s.Hi
	}
	x, r := newton(residuals, x, lo, hi)
	x, r = coordinate(residuals, x, r, lo, hi)
	for i, s := range spec.Solve {
		*s.Param.ptr(&a) = x[i]
	}
	a = far(spec, a)
	fig := layout(spec, a)
	for i, s := range spec.Solve {
		if math.Abs(r[i]) > tolerance {
			return fig, fmt.Errorf("pose %s: %s angle %.1f (allowed %g to %g) leaves %v off by %.2f", spec.Name, s.Param, x[i], s.Lo, s.Hi, s.Goal, r[i])
		}
	}
	return fig, nil
}

// newton drives the residuals f(x) to zero by damped Newton steps with
// a finite-difference Jacobian, keeping x within [lo, hi]. The goals are
// only piecewise smooth (the lowest point can move from one part to
// another), so steps are limited and only accepted when they help.
func newton(f func([]float64) []float64, x, lo, hi []float64) ([]float64, []float64) {
	const (
		iterations = 80
		h          = 1e-3 // degrees
		maxStep    = 8.0  // degrees
	)
	n := len(x)
	r := f(x)
	norm := func(v []float64) float64 {
		s := 0.0
		for _, e := range v {
			s += e * e
		}
		return s
	}
	for it := 0; it < iterations && norm(r) > 1e-8; it++ {
		jac := make([][]float64, n) // jac[i][k] = d r_i / d x_k
		for i := range jac {
			jac[i] = make([]float64, n)
		}
		for k := range x {
			xk := append([]float64(nil), x...)
			xk[k] += h
			rk := f(xk)
			for i := range rk {
				jac[i][k] = (rk[i] - r[i]) / h
			}
		}
		dx := linearSolve(jac, r)
		big := 0.0
		for _, d := range dx {
			big = math.Max(big, math.Abs(d))
		}
		if big > maxStep {
			for k := range dx {
				dx[k] *= maxStep / big
			}
		}
		improved := false
		for t := 1.0; t > 1e-3; t /= 2 {
			y := make([]float64, n)
			for k := range x {
				y[k] = math.Max(lo[k], math.Min(hi[k], x[k]-t*dx[k]))
			}
			if ry := f(y); norm(ry) < norm(r) {
				x, r, improved = y, ry, true
				break
			}
		}
		if !improved {
			break
		}
	}
	return x, r
}

// tolerance is how far (cm or degrees) a solved goal may stay off:
// inside the 1 cm the contact checks allow.
const tolerance = 0.9

// worst is the largest residual.
func worst(v []float64) float64 {
	m := 0.0
	for _, e := range v {
		m = math.Max(m, math.Abs(e))
	}
	return m
}

// coordinate polishes what Newton left: each angle in turn finds the
// root of its own goal near its current value, the others held, for a few
// rounds. Goals whose lowest point jumps between parts stall Newton but
// not this. It keeps the better of the two answers.
func coordinate(f func([]float64) []float64, x, r, lo, hi []float64) ([]float64, []float64) {
	const (
		rounds = 6
		scan   = 8
		span   = 20.0 // degrees either side of the current value
	)
	best, bestR := x, r
	worst := worst
	y := append([]float64(nil), x...)
	for round := 0; round < rounds && worst(bestR) > 0.01; round++ {
		for k := range y {
			g := func(v float64) float64 {
				z := append([]float64(nil), y...)
				z[k] = v
				return f(z)[k]
			}
			a, b := math.Max(lo[k], y[k]-span), math.Min(hi[k], y[k]+span)
			// Scan for the sign change nearest the current value.
			step := (b - a) / scan
			found, fa := false, 0.0
			bestD := math.Inf(1)
			prev := g(a)
			var ra, rb float64
			for i := 1; i <= scan; i++ {
				c := a + float64(i)*step
				cur := g(c)
				if (prev <= 0) != (cur <= 0) && math.Abs(c-step/2-y[k]) < bestD {
					found, bestD, ra, rb, fa = true, math.Abs(c-step/2-y[k]), c-step, c, prev
				}
				prev = cur
			}
			if !found {
				continue
			}
			for i := 0; i < 20; i++ {
				m := (ra + rb) / 2
				if (g(m) <= 0) == (fa <= 0) {
					ra = m
				} else {
					rb = m
				}
			}
			y[k] = (ra + rb) / 2
		}
		if ry := f(y); worst(ry) < worst(bestR) {
			best, bestR = append([]float64(nil), y...), ry
		}
	}
	return best, bestR
}

// linearSolve solves m·x = b by Gaussian elimination with partial
// pivoting; a singular direction gets a zero step.
func linearSolve(m [][]float64, b []float64) []float64 {
	n := len(b)
	a := make([][]float64, n)
	for i := range a {
		a[i] = append(append([]float64(nil), m[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for i := c + 1; i < n; i++ {
			if math.Abs(a[i][c]) > math.Abs(a[p][c]) {
				p = i
			}
		}
		a[c], a[p] = a[p], a[c]
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		for i := c + 1; i < n; i++ {
			k := a[i][c] / a[c][c]
			for j := c; j <= n; j++ {
				a[i][j] -= k * a[c][j]
			}
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		if math.Abs(a[i][i]) < 1e-12 {
			continue
		}
		s := a[i][n]
		for j := i + 1; j < n; j++ {
			s -= a[i][j] * x[j]
		}
		x[i] = s / a[i][i]
	}
	return x
}

// jointRange is a joint's plausible range (FIGURES.md) and how to read the
// joint from a pose.
type jointRange struct {
	Joint    string
	Min, Max float64
	Get      func(a bodyAngles) float64
}

// ranges lists every joint range a pose is checked against. Spine
// flexion is not in FIGURES.md; 80° is the usual thoracolumbar figure.
// In the front view Shoulder and Hip hold abduction, which these ranges
// also cover.
func ranges(spec *spec) []jointRange {
	spineMax := 40.0
	if spec.SpineExtMax > 0 {
		spineMax = spec.SpineExtMax
	}
	// In the front view Shoulder is the arm's direction from hanging: a
	// negative one brings it across the body, which it reaches flexed
	// forward (ArmOut), up to level across the chest.
	shoulderMin := -50.0
	if spec.ShoulderExtMax > 0 {
		shoulderMin = -spec.ShoulderExtMax
	}
	if spec.View == front {
		shoulderMin = -90
	}
	// In the front view Hip is abduction: adduction 30, abduction 50.
	hipMin, hipMax := -20.0, 120.0
	if spec.View == front {
		hipMin, hipMax = -30, 50
		if spec.Angles.Near.Flexion != 0 || spec.Angles.Far.Flexion != 0 {
			// A bent leg's Hip opens the knee about the line to the ankle:
			// hip rotation, inward 45, outward 60.
			hipMin, hipMax = -45, 60
		}
	}
	kneeMax := 140.0
	if spec.KneeFlexMax > 0 {
		kneeMax = spec.KneeFlexMax
	}
	r := []jointRange{
		{"spine extension", -80, spineMax, func(a bodyAngles) float64 { return a.Lumbar + a.Thoracic }},
		{"neck", -45, 45, func(a bodyAngles) float64 { return a.Neck + a.Head }},
		{"neck rotation", -70, 70, func(a bodyAngles) float64 { return a.Turn }},
		{"neck side-bend", -45, 45, func(a bodyAngles) float64 { return a.Tilt }},
	}
	for _, side := range []struct {
		name string
		get  func(a bodyAngles) bodyLimbAngles
	}{
		{"right", func(a bodyAngles) bodyLimbAngles { return a.Near }},
		{"left", func(a bodyAngles) bodyLimbAngles { return a.Far }},
	} {
		get := side.get
		r = append(r,
			jointRange{side.name + " hip flexion", 0, 120, func(a bodyAngles) float64 { return get(a).Flexion }},
			// Hip adduction to 30°, and 15° more where a trunk propped up
			// on its side bends at the waist, which the front view's rigid
			// trunk shows at the hip (side plank, hips down).
			jointRange{side.name + " hip adduction", -50, 45, func(a bodyAngles) float64 { return get(a).Adduction }},
			jointRange{side.name + " hip", hipMin, hipMax, func(a bodyAngles) float64 { return get(a).Hip }},
			// Hip outward rotation about the thigh: 0 to 60.
			jointRange{side.name + " hip outward rotation", 0, 60, func(a bodyAngles) float64 { return get(a).Turnout }},
			jointRange{side.name + " knee", 0, kneeMax, func(a bodyAngles) float64 { return get(a).Knee }},
			// Ankle: dorsiflexion 20, plantarflexion 50.
			jointRange{side.name + " ankle", -50, 20, func(a bodyAngles) float64 { return get(a).Ankle }},
			jointRange{side.name + " shoulder", shoulderMin, 180, func(a bodyAngles) float64 { return get(a).Shoulder }},
			jointRange{side.name + " elbow", 0, 145, func(a bodyAngles) float64 { return get(a).Elbow }},
			// Shoulder rotation: inward 70, outward 90.
			jointRange{side.name + " shoulder rotation", -70, 90, func(a bodyAngles) float64 { return get(a).Rotation }},
			// Wrist: flexion 80; extension 70 free, up to 90 when the hand
			// bears weight flat on the floor.
			jointRange{side.name + " wrist", -80, 90, func(a bodyAngles) float64 { return get(a).Wrist }},
		)
	}
	return r
}
