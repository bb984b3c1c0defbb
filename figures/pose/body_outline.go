package pose

import (
	"math"

	"handout/figures"
)

// bodyPartKind names a piece of the body outline, for styling (which parts
// are emphasised) and for the contact checks (which parts rest on the floor).
type bodyPartKind uint8

const (
	bodyTorso bodyPartKind = iota
	bodyNeckPart
	bodyHeadPart
	bodyUpperArm
	bodyForearmPart
	bodyHandPart
	bodyThighPart
	bodyShankPart
	bodyFootPart
)

// String names the part in test failures.
func (k bodyPartKind) String() string {
	return [...]string{"torso", "neck", "head", "upper arm", "forearm", "hand", "thigh", "shank", "foot"}[k]
}

// bodyArm reports whether the part belongs to an arm, which is drawn above
// the trunk on the near side.
func (k bodyPartKind) bodyArm() bool {
	return k == bodyUpperArm || k == bodyForearmPart || k == bodyHandPart
}

// bodyPart is one closed outline, counter-clockwise in body space, so that
// overlapping parts fill as a union.
type bodyPart struct {
	Kind bodyPartKind
	Far  bool
	Path []figures.Segment
}

// bodyDetail is a line or dot inside the outline that gives the head its
// face: stroked when Fill is false, filled (hair, eye) when it is true.
type bodyDetail struct {
	Path []figures.Segment
	Fill bool
	Dark bool // hair is a darker grey than the eye
}

// Limb thickness (cm): radius at the proximal and distal joints, tapering
// as a real limb does.
const (
	bodyThighR0, bodyThighR1 = 8.2, 5.4
	bodyCalfR                = 5.3
	bodyAnkleR               = 3.3
	bodyArmR0, bodyArmR1     = 4.6, 3.6
	bodyWristR               = 2.4
	bodyFingerR              = 1.3
	bodyNeckR                = 5.6
)

// bodyArcPath appends a counter-clockwise arc of radius r around c from
// angle a0 to a1 (a1 > a0) as cubic curves of at most 90 degrees.
func bodyArcPath(path []figures.Segment, c bodyVec, r, a0, a1 float64) []figures.Segment {
	n := int(math.Ceil((a1 - a0) / 90))
	if n < 1 {
		n = 1
	}
	step := (a1 - a0) / float64(n)
	k := 4.0 / 3 * math.Tan(step*math.Pi/720) * r
	for i := 0; i < n; i++ {
		b0, b1 := a0+float64(i)*step, a0+float64(i+1)*step
		p0, p1 := bodyAt(c, b0, r), bodyAt(c, b1, r)
		c0 := p0.add(bodyDir(b0 + 90).mul(k))
		c1 := p1.add(bodyDir(b1 - 90).mul(k))
		path = append(path, figures.Segment{Op: figures.CubicTo, Pts: [3]figures.Point{c0.point(), c1.point(), p1.point()}})
	}
	return path
}

// bodyCircle is a closed counter-clockwise circle.
func bodyCircle(c bodyVec, r float64) []figures.Segment {
	path := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{bodyAt(c, 0, r).point()}}}
	path = bodyArcPath(path, c, r, 0, 360)
	return append(path, figures.Segment{Op: figures.Close})
}

// bodyCapsule is the outline of two circles joined by their outer tangent
// lines: the rounded, tapered segment that every limb is made of.
func bodyCapsule(c1 bodyVec, r1 float64, c2 bodyVec, r2 float64) []figures.Segment {
	d := c2.sub(c1).length()
	if d <= math.Abs(r1-r2)+1e-9 {
		if r1 >= r2 {
			return bodyCircle(c1, r1)
		}
		return bodyCircle(c2, r2)
	}
	phi := bodyAngleOf(c2.sub(c1))
	alpha := math.Acos((r1-r2)/d) * 180 / math.Pi
	path := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{bodyAt(c2, phi-alpha, r2).point()}}}
	path = bodyArcPath(path, c2, r2, phi-alpha, phi+alpha)
	path = append(path, figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{bodyAt(c1, phi+alpha, r1).point()}})
	path = bodyArcPath(path, c1, r1, phi+alpha, phi-alpha+360)
	return append(path, figures.Segment{Op: figures.Close})
}

// bodySmoothClosed is a closed Catmull-Rom spline through pts, as cubics.
func bodySmoothClosed(pts []bodyVec) []figures.Segment {
	n := len(pts)
	path := []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{pts[0].point()}}}
	for i := 0; i < n; i++ {
		p0, p1, p2, p3 := pts[(i+n-1)%n], pts[i], pts[(i+1)%n], pts[(i+2)%n]
		c1 := p1.add(p2.sub(p0).mul(1.0 / 6))
		c2 := p2.sub(p3.sub(p1).mul(1.0 / 6))
		path = append(path, figures.Segment{Op: figures.CubicTo, Pts: [3]figures.Point{c1.point(), c2.point(), p2.point()}})
	}
	return append(path, figures.Segment{Op: figures.Close})
}

// bodyTorsoProfile is the trunk's depth along its axis in side view: at
// spine position S, how far the outline lies in front of and behind the
// axis (cm). It rounds off the buttocks below the hip and the shoulders
// above the acromion, bulges at the chest and narrows at the waist.
var bodyTorsoProfile = [...]struct{ S, Front, Back float64 }{
	{-0.22, 3.5, 6},
	{-0.14, 7.5, 10},
	{-0.03, 9.5, 11.5},
	{0.1, 10, 11},
	{0.28, 9.8, 8.6},
	{0.45, 9.8, 8.2},
	{0.62, 11, 9.2},
	{0.78, 11.6, 10},
	{0.92, 10, 9.5},
	{1.02, 7.5, 7.5},
	{1.08, 3.5, 4.5},
}

// bodyTorsoPath is the side-view trunk outline between spine positions
// s0 and s1 (s0 before the start or s1 past the end of the profile
// include the rounded ends); a cut inside the profile is a straight line
// across, for emphasis fills.
func bodyTorsoPath(sk *bodySkeleton, s0, s1 float64) []figures.Segment {
	var front, back []bodyVec
	cut := func(s float64) {
		f, b := bodyTorsoFrontBack(s)
		ax := sk.axisAt(s)
		front = append(front, bodyAt(ax.P, ax.Dir-90, f))
		back = append(back, bodyAt(ax.P, ax.Dir+90, b))
	}
	first, last := bodyTorsoProfile[0].S, bodyTorsoProfile[len(bodyTorsoProfile)-1].S
	cutLow, cutHigh := s0 > first, s1 < last
	if cutLow {
		// Add the cut itself so the partial outline meets the full one.
		cut(s0)
	}
	for _, pr := range bodyTorsoProfile {
		if pr.S < s0 || pr.S > s1 {
			continue
		}
		ax := sk.axisAt(pr.S)
		front = append(front, bodyAt(ax.P, ax.Dir-90, pr.Front))
		back = append(back, bodyAt(ax.P, ax.Dir+90, pr.Back))
	}
	if cutHigh {
		cut(s1)
	}
	// Counter-clockwise: up the front, down the back.
	loop := append([]bodyVec{}, front...)
	for i := len(back) - 1; i >= 0; i-- {
		loop = append(loop, back[i])
	}
	path := bodySmoothClosed(loop)
	// A partial torso keeps its straight cuts: path[i+1] runs from
	// loop[i] to loop[i+1], the last curve back to loop[0].
	if cutHigh {
		path[len(front)] = figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{loop[len(front)].point()}}
	}
	if cutLow {
		path[len(path)-2] = figures.Segment{Op: figures.LineTo, Pts: [3]figures.Point{loop[0].point()}}
	}
	return path
}

// bodyTorsoFrontBack interpolates the torso profile at s.
func bodyTorsoFrontBack(s float64) (front, back float64) {
	pr := bodyTorsoProfile
	for i := 1; i < len(pr); i++ {
		if s <= pr[i].S {
			t := (s - pr[i-1].S) / (pr[i].S - pr[i-1].S)
			return pr[i-1].Front + t*(pr[i].Front-pr[i-1].Front), pr[i-1].Back + t*(pr[i].Back-pr[i-1].Back)
		}
	}
	return pr[len(pr)-1].Front, pr[len(pr)-1].Back
}

// bodyHeadFrame maps a point given in the head's own frame (a forward or
// sideways, b up along the head) into body space.
type bodyHeadFrame struct {
	O      bodyVec
	Dir    float64 // the head's up direction
	Mirror bool    // flips a, so a turned head can lie on either ear
}

func (f bodyHeadFrame) at(a, b float64) bodyVec {
	if f.Mirror {
		a = -a
	}
	return f.O.add(bodyDir(f.Dir - 90).mul(a)).add(bodyDir(f.Dir).mul(b))
}

func (f bodyHeadFrame) capsule(a1, b1, r1, a2, b2, r2 float64) []figures.Segment {
	return bodyCapsule(f.at(a1, b1), r1, f.at(a2, b2), r2)
}

// line is an open stroke through the given (a, b) pairs.
func (f bodyHeadFrame) line(ab ...float64) []figures.Segment {
	var path []figures.Segment
	for i := 0; i+1 < len(ab); i += 2 {
		op := figures.LineTo
		if i == 0 {
			op = figures.MoveTo
		}
		path = append(path, figures.Segment{Op: op, Pts: [3]figures.Point{f.at(ab[i], ab[i+1]).point()}})
	}
	return path
}

// polygon is a closed counter-clockwise outline through the (a, b) pairs
// (given counter-clockwise in the unmirrored frame).
func (f bodyHeadFrame) polygon(ab ...float64) []figures.Segment {
	if f.Mirror {
		// Mirroring reverses the winding; walk the points backwards.
		rev := make([]float64, 0, len(ab))
		for i := len(ab) - 2; i >= 0; i -= 2 {
			rev = append(rev, ab[i], ab[i+1])
		}
		ab = rev
	}
	return append(f.line(ab...), figures.Segment{Op: figures.Close})
}

// bodyHeadView is how the head shows in a side view: in profile, or turned
// by the neck's rotation so the face or the back of the head looks at the
// viewer.
type bodyHeadView uint8

const (
	bodyHeadProfile bodyHeadView = iota
	bodyHeadFace
	bodyHeadBack
)

// bodyHeadTurnShown is the head rotation from which a side view shows the
// face or the back of the head rather than the profile.
const bodyHeadTurnShown = 45

func (sk *bodySkeleton) headView() bodyHeadView {
	switch {
	case sk.Turn >= bodyHeadTurnShown:
		return bodyHeadFace
	case sk.Turn <= -bodyHeadTurnShown:
		return bodyHeadBack
	}
	return bodyHeadProfile
}

// bodyHeadSide draws the head in the view the skeleton calls for: the
// outline parts (cranium, jaw, nose or ears) and the details (hair, eye,
// ear, mouth).
func bodyHeadSide(sk *bodySkeleton) ([][]figures.Segment, []bodyDetail) {
	f := bodyHeadFrame{O: sk.Head, Dir: sk.HeadDir}
	switch sk.headView() {
	case bodyHeadFace:
		return bodyHeadFront(f, true)
	case bodyHeadBack:
		return bodyHeadFront(f, false)
	}
	outline := [][]figures.Segment{
		bodyCircle(f.at(0.3, 3.6), 10),
		f.capsule(3.2, -1, 7.4, 6.6, -8, 2.6),
		f.polygon(9.3, 2.2, 9.2, -2.6, 12.2, -2.2),
	}
	// Hair: a crescent over the crown and the back of the head, between
	// the cranium and a smaller circle set forward and down.
	var hairPts []float64
	for a := -40.0; a <= 125; a += 15 {
		s, c := math.Sincos(a * math.Pi / 180)
		hairPts = append(hairPts, 0.3-10.2*s, 3.6+10.2*c)
	}
	for a := 125.0; a >= -40; a -= 15 {
		s, c := math.Sincos(a * math.Pi / 180)
		hairPts = append(hairPts, 2.2-8.6*s, 1.4+8.6*c)
	}
	hair := f.polygon(hairPts...)
	details := []bodyDetail{
		{Path: hair, Fill: true, Dark: true},
		{Path: bodyCircle(f.at(6.6, 3.2), 0.9), Fill: true},
		{Path: f.line(-0.6, 2.8, 0.8, 3.2, 1.4, 1, 0.6, -1.6, -0.4, -1.8)},
	}
	return outline, details
}

// bodyHeadFront draws a head seen face-on (face true) or from behind, its
// up direction along f.Dir. The front view of a standing person uses it too.
func bodyHeadFront(f bodyHeadFrame, face bool) ([][]figures.Segment, []bodyDetail) {
	outline := [][]figures.Segment{
		f.capsule(0, 1.2, 7.5, 0, 6, 7.5),
		f.capsule(0, -1, 7, 0, -8.2, 3.6),
		f.capsule(7.4, 2.6, 1.7, 7.2, -0.6, 1.3),
		f.capsule(-7.4, 2.6, 1.7, -7.2, -0.6, 1.3),
	}
	if face {
		hair := f.polygon(7.6, 5, 6.6, 9.6, 3.4, 12.6, 0, 13.5, -3.4, 12.6, -6.6, 9.6, -7.6, 5, -6, 7.4, -2, 8.4, 2, 8.4, 6, 7.4)
		return outline, []bodyDetail{
			{Path: hair, Fill: true, Dark: true},
			{Path: bodyCircle(f.at(-3.2, 2.6), 1.1), Fill: true},
			{Path: bodyCircle(f.at(3.2, 2.6), 1.1), Fill: true},
			{Path: f.line(0.3, 1.6, 1.2, -1.8, -0.8, -2.3)},
			{Path: f.line(-2.6, -5, 0, -6, 2.6, -5)},
		}
	}
	hair := f.polygon(7.6, 5, 6.6, 9.6, 3.4, 12.6, 0, 13.5, -3.4, 12.6, -6.6, 9.6, -7.6, 5, -7.2, -1.5, -5, -4.5, 0, -5.2, 5, -4.5, 7.2, -1.5)
	return outline, []bodyDetail{
		{Path: hair, Fill: true, Dark: true},
		{Path: f.line(0, 12, 0.3, 6, 0, 1)},
	}
}

// bodySideParts is the side-view outline of the posed body: trunk, neck
// and head, and both arms and legs (the far side marked Far).
func bodySideParts(sk *bodySkeleton) ([]bodyPart, []bodyDetail) {
	parts := []bodyPart{
		{Kind: bodyTorso, Path: bodyTorsoPath(sk, -1, 2)},
		{Kind: bodyNeckPart, Path: bodyCapsule(sk.Shoulder, bodyNeckR, sk.Head, bodyNeckR-0.6)},
	}
	head, details := bodyHeadSide(sk)
	for _, h := range head {
		parts = append(parts, bodyPart{Kind: bodyHeadPart, Path: h})
	}
	for i, j := range sk.Limbs {
		far := i == 1
		parts = append(parts, bodyLimbParts(j, far)...)
	}
	return parts, details
}

// bodyLimbParts is one side's arm and leg as tapered capsules.
func bodyLimbParts(j bodyLimbJoints, far bool) []bodyPart {
	calf := bodyAt(j.Knee, j.Shank, 0.3*bodyShank)
	// The foot is a heel, a ball and the toes under the ankle; "down" is
	// towards the sole.
	down := j.Foot - 90
	heel := bodyAt(bodyAt(j.Ankle, j.Foot, -2.5), down, bodyAnkleH-3)
	ball := bodyAt(bodyAt(j.Ankle, j.Foot, 13), down, bodyAnkleH-2.4)
	toe := bodyAt(bodyAt(j.Ankle, j.Foot, 19), down, bodyAnkleH-1.4)
	sole := bodyCapsule(heel, 3, toe, 1.4)
	if j.Foot < -5 && j.Foot > -70 {
		// Up on the toes: the foot pivots on its ball and the toes bend
		// there to lie flat, as a rigid foot standing on its tip does not.
		sole = bodyCapsule(heel, 3, ball, 2.4)
		sole = append(sole, bodyCapsule(ball, 2.4, ball.add(bodyVec{6, -1}), 1.4)...)
	}
	return []bodyPart{
		{bodyThighPart, far, bodyCapsule(j.Hip, bodyThighR0, j.Knee, bodyThighR1)},
		{bodyShankPart, far, bodyCapsule(j.Knee, bodyThighR1-0.3, calf, bodyCalfR)},
		{bodyShankPart, far, bodyCapsule(calf, bodyCalfR, j.Ankle, bodyAnkleR)},
		{bodyFootPart, far, sole},
		{bodyFootPart, far, bodyCapsule(j.Ankle, bodyAnkleR, ball, 2.4)},
		{bodyUpperArm, far, bodyCapsule(j.Shoulder, bodyArmR0, j.Elbow, bodyArmR1)},
		{bodyForearmPart, far, bodyCapsule(j.Elbow, bodyArmR1-0.2, j.Wrist, bodyWristR)},
		{bodyHandPart, far, bodyCapsule(j.Wrist, bodyWristR, j.Fingertip, bodyFingerR)},
	}
}
