package pose

import (
	"math"

	"handout/figures"
)

// The body model: one adult, 170 cm tall, whose segment lengths are the
// fractions of standing height tabulated in FIGURES.md (Drillis and Contini).
// All body geometry is in centimetres with y pointing up and angles in
// degrees counter-clockwise from +x; the drawing flips y only at the end, so
// the kinematics read like a biomechanics text.
const (
	bodyHeight      = 170.0
	bodyThigh       = 0.245 * bodyHeight
	bodyShank       = 0.246 * bodyHeight
	bodyUpperArmLen = 0.186 * bodyHeight
	bodyForearm     = 0.146 * bodyHeight
	bodyHand        = 0.108 * bodyHeight
	bodyAnkleH      = 0.039 * bodyHeight
	// bodyTrunk runs from the hip joint (greater trochanter) to the shoulder
	// (acromion).
	bodyTrunk = (0.818 - 0.530) * bodyHeight
	// bodyNeck runs from the shoulder to the head's pivot, taken at ear
	// height, a little below eye height (0.936).
	bodyNeck = (0.922 - 0.818) * bodyHeight
	// bodyHipHeight is where the front view's pelvis sits above the floor.
	bodyHipHeight = 0.530 * bodyHeight
)

// bodyBladeS is the level of the shoulder blades along the trunk axis
// (0 = hip level, 1 = shoulder level), for placing props under "the
// shoulder blades".
const bodyBladeS = 0.72

// bodyVec is a point or direction in body space (cm, y up).
type bodyVec struct{ X, Y float64 }

func (a bodyVec) add(b bodyVec) bodyVec        { return bodyVec{a.X + b.X, a.Y + b.Y} }
func (a bodyVec) sub(b bodyVec) bodyVec        { return bodyVec{a.X - b.X, a.Y - b.Y} }
func (a bodyVec) mul(k float64) bodyVec        { return bodyVec{a.X * k, a.Y * k} }
func (a bodyVec) length() float64              { return math.Hypot(a.X, a.Y) }
func (a bodyVec) point() figures.Point         { return figures.Point(a) }
func bodyAt(o bodyVec, deg, r float64) bodyVec { return o.add(bodyDir(deg).mul(r)) }

// bodyDir is the unit vector deg degrees counter-clockwise from +x.
func bodyDir(deg float64) bodyVec {
	s, c := math.Sincos(deg * math.Pi / 180)
	return bodyVec{c, s}
}

// bodyAngleOf is the direction of v in degrees.
func bodyAngleOf(v bodyVec) float64 { return math.Atan2(v.Y, v.X) * 180 / math.Pi }

// bodyAngleDiff is a-b folded into (-180, 180].
func bodyAngleDiff(a, b float64) float64 {
	d := math.Mod(a-b, 360)
	if d > 180 {
		d -= 360
	}
	if d <= -180 {
		d += 360
	}
	return d
}

// bodyAngles is a pose in joint angles. Signs follow anatomy for a person
// facing +x when upright: flexion of hip and shoulder swings the limb
// forward; knee and elbow flexion are always positive (they never bend
// backward); spine and neck extension bend backward (positive).
type bodyAngles struct {
	// Trunk is the absolute direction of the pelvis, hip towards waist:
	// 90 standing, 0 lying face down with the head to the right, 180 lying
	// on the back with the head to the left.
	Trunk float64
	// Lumbar and Thoracic are the two spine bends, extension positive.
	Lumbar, Thoracic float64
	// Neck tilts the neck on the upper trunk and Head the head on the neck,
	// extension positive.
	Neck, Head float64
	// Turn is head rotation, positive to the person's right. The viewer
	// always sees the person's right side, so a head turned right shows the
	// face and one turned left shows the back of the head.
	Turn float64
	// Tilt is the neck's side-bend in the front view, positive towards the
	// person's right shoulder (the viewer's left).
	Tilt float64
	// Near is the right (near) side, Far the left.
	Near, Far bodyLimbAngles
}

// bodyLimbAngles are the joint angles of one side. In the front view
// Shoulder and Hip are abduction instead of flexion.
type bodyLimbAngles struct {
	Hip, Knee, Ankle       float64 // hip flexion, knee flexion, ankle dorsiflexion
	Shoulder, Elbow, Wrist float64 // shoulder flexion, elbow flexion, wrist extension
	// ArmOut and ForearmOut are how far (degrees) the upper arm and the
	// forearm point out of the side view's picture plane: an elbow out to
	// the side, a forearm across the belly. The side view shows such a
	// segment cos(Out) of its length, as a photograph would.
	ArmOut, ForearmOut float64
	// Flexion is the hip's flexion towards the viewer in the front view,
	// where Hip is its abduction; with Flexion, Hip opens the bent knee
	// out about the line from hip to ankle, as a clamshell opens.
	// Adduction then tilts the whole leg towards the midline.
	Flexion, Adduction float64
	// Rotation is the shoulder's rotation in the front view, outward
	// positive: it turns a bent elbow's forearm out to the side (or up,
	// with the arm raised sideways), and inward across the belly.
	Rotation float64
	// Turnout is the hip's outward rotation about the thigh's own axis in
	// the front view: with the hip flexed it swings the shin in and up
	// across the body, as in a figure 4 with the ankle on the other knee.
	Turnout float64
}

// bodyAxisPoint is one sample of the trunk's centre line.
type bodyAxisPoint struct {
	S   float64 // 0 at hip level, 1 at shoulder level
	P   bodyVec
	Dir float64 // direction of the axis towards the head
}

// bodySkeleton is the result of forward kinematics: joint positions.
type bodySkeleton struct {
	Axis                []bodyAxisPoint // from below the hip to above the shoulder
	Hip, Shoulder, Head bodyVec         // Head is the head's pivot at ear height
	NeckDir, HeadDir    float64
	Turn                float64
	Limbs               [2]bodyLimbJoints // near, far
}

// bodyLimbJoints are one side's joints and segment directions.
type bodyLimbJoints struct {
	Hip, Knee, Ankle, Shoulder, Elbow, Wrist, Fingertip bodyVec
	Thigh, Shank, Foot, Arm, Forearm, Hand              float64 // directions
}

// bodyRamp rises smoothly from 0 at a to 1 at b, so that a spine bend is
// spread over several vertebrae instead of a hinge.
func bodyRamp(s, a, b float64) float64 {
	t := math.Max(0, math.Min(1, (s-a)/(b-a)))
	return t * t * (3 - 2*t)
}

// bodyAxisDir is the trunk axis direction at spine position s.
func bodyAxisDir(a bodyAngles, s float64) float64 {
	return a.Trunk + a.Lumbar*bodyRamp(s, 0.12, 0.6) + a.Thoracic*bodyRamp(s, 0.45, 0.95)
}

// bodyAxisSteps is how finely the trunk axis is integrated.
const bodyAxisSteps = 64

// bodySide builds the side-view skeleton with the hip joint at the origin.
func bodySide(a bodyAngles) bodySkeleton {
	var sk bodySkeleton
	// Integrate the curved trunk axis; below the hip it continues straight
	// to round off the buttocks.
	const below = 0.25
	start := bodyAt(bodyVec{}, a.Trunk, -below*bodyTrunk)
	n := int(bodyAxisSteps * (1 + 2*below))
	ds := (1 + 2*below) / float64(n)
	p := start
	for i := 0; i <= n; i++ {
		s := -below + float64(i)*ds
		dir := bodyAxisDir(a, s)
		sk.Axis = append(sk.Axis, bodyAxisPoint{S: s, P: p, Dir: dir})
		p = bodyAt(p, bodyAxisDir(a, s+ds/2), ds*bodyTrunk)
	}
	top := bodyAxisDir(a, 1)
	sk.Shoulder = sk.axisAt(1).P
	sk.NeckDir = top + a.Neck
	sk.Head = bodyAt(sk.Shoulder, sk.NeckDir, bodyNeck)
	sk.HeadDir = sk.NeckDir + a.Head
	sk.Turn = a.Turn
	for i, l := range [2]bodyLimbAngles{a.Near, a.Far} {
		j := &sk.Limbs[i]
		j.Hip, j.Shoulder = sk.Hip, sk.Shoulder
		j.Thigh = a.Trunk - 180 + l.Hip
		j.Knee = bodyAt(j.Hip, j.Thigh, bodyThigh)
		j.Shank = j.Thigh - l.Knee
		j.Ankle = bodyAt(j.Knee, j.Shank, bodyShank)
		j.Foot = j.Shank + 90 + l.Ankle
		j.Arm = top - 180 + l.Shoulder
		j.Elbow = bodyAt(j.Shoulder, j.Arm, bodyUpperArmLen*bodyProjected(l.ArmOut))
		j.Forearm = j.Arm + l.Elbow
		j.Wrist = bodyAt(j.Elbow, j.Forearm, bodyForearm*bodyProjected(l.ForearmOut))
		j.Hand = j.Forearm + l.Wrist
		j.Fingertip = bodyAt(j.Wrist, j.Hand, bodyHand)
	}
	return sk
}

// bodyProjected is how much of a segment's length a side view shows
// when it points out degrees out of the picture plane.
func bodyProjected(out float64) float64 {
	if out == 0 {
		return 1 // exactly: the poses in the picture plane keep their floats
	}
	return math.Cos(out * math.Pi / 180)
}

// axisAt interpolates the trunk axis at spine position s.
func (sk *bodySkeleton) axisAt(s float64) bodyAxisPoint {
	ax := sk.Axis
	if s <= ax[0].S {
		return ax[0]
	}
	for i := 1; i < len(ax); i++ {
		if s <= ax[i].S {
			t := (s - ax[i-1].S) / (ax[i].S - ax[i-1].S)
			p := ax[i-1].P.add(ax[i].P.sub(ax[i-1].P).mul(t))
			return bodyAxisPoint{S: s, P: p, Dir: ax[i-1].Dir + t*(ax[i].Dir-ax[i-1].Dir)}
		}
	}
	return ax[len(ax)-1]
}

// shift moves every joint of the skeleton by d.
func (sk *bodySkeleton) shift(d bodyVec) {
	for i := range sk.Axis {
		sk.Axis[i].P = sk.Axis[i].P.add(d)
	}
	sk.Hip, sk.Shoulder, sk.Head = sk.Hip.add(d), sk.Shoulder.add(d), sk.Head.add(d)
	for i := range sk.Limbs {
		j := &sk.Limbs[i]
		for _, p := range []*bodyVec{&j.Hip, &j.Knee, &j.Ankle, &j.Shoulder, &j.Elbow, &j.Wrist, &j.Fingertip} {
			*p = p.add(d)
		}
	}
}
