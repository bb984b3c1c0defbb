package pose

import (
	"math"

	"handout/figures"
)

// The front view: the same body, segment lengths and radii as the side
// view, seen from in front, standing or sitting on a chair. The person's
// right side (near) is on the viewer's left. Arms move in three
// dimensions, projected: Shoulder raises the arm sideways (negative
// brings it across the body), ArmOut takes it towards the viewer, Elbow
// bends it, and Rotation turns the bent forearm out to the side or up
// (outward) or across the belly (inward).

// bodyFrontTorso is the front view's trunk outline: half-widths at heights
// above the hip joints, from the crotch up to where the neck begins.
var bodyFrontTorso = [...]struct{ Y, Half float64 }{
	{-12, 4}, {-9, 12}, {-3, 16}, {4, 16.3}, {12, 14.6}, {20, 13.4},
	{30, 14.8}, {40, 16.8}, {46, 19.6}, {50, 18.6}, {52.5, 13}, {54, 7},
}

// bodySeatedHip is how far the hip joints sit above a chair's seat
// (FIGURES.md "sitting tall on a chair": ≈9 cm above a 45 cm seat).
const bodySeatedHip = 9.0

// bodyFrontSide is -1 for the near (right) side, drawn on the viewer's
// left, and +1 for the far (left) side.
func bodyFrontSide(i int) float64 {
	if i == 0 {
		return -1
	}
	return 1
}

// bodyFrontSkeleton is the front view's joints, feet on y = 0, the
// midline at x = 0.
func bodyFrontSkeleton(a bodyAngles, seated bool) bodySkeleton {
	hipY := bodyHipHeight
	if seated {
		hipY = chairSeatH + bodySeatedHip
	}
	shoulderY := hipY + bodyTrunk
	var sk bodySkeleton
	for _, s := range []float64{-0.25, 1.25} {
		sk.Axis = append(sk.Axis, bodyAxisPoint{S: s, P: bodyVec{0, hipY + s*bodyTrunk}, Dir: 90})
	}
	sk.Hip, sk.Shoulder = bodyVec{0, hipY}, bodyVec{0, shoulderY}
	sk.NeckDir = 90 + a.Tilt
	sk.HeadDir = sk.NeckDir
	// A bowed head shows its neck shorter.
	nod := math.Min(0, a.Neck+a.Head)
	sk.Head = bodyAt(sk.Shoulder, sk.NeckDir, bodyNeck*(1-0.3*math.Sin(-nod*math.Pi/180)))
	sk.Turn = a.Turn
	for i, l := range [2]bodyLimbAngles{a.Near, a.Far} {
		side := bodyFrontSide(i)
		j := &sk.Limbs[i]
		// The hip joints sit about 0.28 of the hip width either side of
		// the midline; abduction swings a limb away from it.
		j.Hip = bodyVec{side * 0.28 * 0.191 * bodyHeight, hipY}
		switch {
		case seated && l.Flexion == 0:
			// The thighs come straight towards the viewer and slope down a
			// little to the knees (0.285 H high); the shins stand plumb.
			j.Knee = bodyVec{j.Hip.X + side*1.5, 0.285 * bodyHeight}
			j.Ankle = bodyVec{j.Knee.X, bodyAnkleH}
			j.Thigh, j.Shank = -90, -90
		case l.Flexion != 0 || l.Knee != 0:
			bodyFrontBentLeg(j, l, side)
		default:
			j.Thigh = -90 + side*l.Hip
			j.Shank = j.Thigh
			j.Knee = bodyAt(j.Hip, j.Thigh, bodyThigh)
			j.Ankle = bodyAt(j.Knee, j.Shank, bodyShank)
		}
		j.Shoulder = bodyVec{side * 0.5 * (0.259*bodyHeight - 2*bodyArmR0), shoulderY}
		bodyFrontArm(j, l, side)
	}
	return sk
}

// bodyFrontBentLeg places a bent leg's knee and ankle: the hip flexed
// towards the viewer and the knee bent back in the leg's own plane, the
// knee opened out (Hip) about the line from hip to ankle, and the whole
// leg tilted towards the midline (Adduction); what points at the viewer
// does not show.
func bodyFrontBentLeg(j *bodyLimbJoints, l bodyLimbAngles, side float64) {
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	f, k := rad(l.Flexion), rad(l.Knee)
	knee := bodyV3{0, -math.Cos(f) * bodyThigh, math.Sin(f) * bodyThigh}
	ankle := bodyV3{0, knee.Y - math.Cos(f-k)*bodyShank, knee.Z + math.Sin(f-k)*bodyShank}
	// The knee opens out about the hip-ankle axis; a positive angle takes
	// it out to its own side.
	knee = knee.rotate(ankle.unit(), -side*rad(l.Hip))
	if l.Turnout != 0 {
		// The shin swings about the thigh's axis, in towards the midline.
		ankle = knee.add(ankle.sub(knee).rotate(knee.unit(), -side*rad(l.Turnout)))
	}
	// The tilt towards the midline, in the picture plane.
	tilt := -side * l.Adduction
	kp := bodyVec{knee.X, knee.Y}
	ap := bodyVec{ankle.X, ankle.Y}
	kp = bodyAt(bodyVec{}, bodyAngleOf(kp)+tilt, kp.length())
	ap = bodyAt(bodyVec{}, bodyAngleOf(ap)+tilt, ap.length())
	j.Knee, j.Ankle = j.Hip.add(kp), j.Hip.add(ap)
	j.Thigh = bodyAngleOf(kp)
	j.Shank = j.Thigh
	if d := ap.sub(kp); d.length() > 0.5 {
		j.Shank = bodyAngleOf(d)
	}
}

// bodyV3 is a point or direction in the front view's space: x and y as
// drawn, z towards the viewer.
type bodyV3 struct{ X, Y, Z float64 }

func (a bodyV3) add(b bodyV3) bodyV3  { return bodyV3{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }
func (a bodyV3) sub(b bodyV3) bodyV3  { return bodyV3{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }
func (a bodyV3) mul(k float64) bodyV3 { return bodyV3{a.X * k, a.Y * k, a.Z * k} }
func (a bodyV3) dot(b bodyV3) float64 { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }
func (a bodyV3) unit() bodyV3         { return a.mul(1 / math.Sqrt(a.dot(a))) }
func (a bodyV3) cross(b bodyV3) bodyV3 {
	return bodyV3{a.Y*b.Z - a.Z*b.Y, a.Z*b.X - a.X*b.Z, a.X*b.Y - a.Y*b.X}
}

// rotate turns v by th radians about the unit axis ax (Rodrigues).
func (v bodyV3) rotate(ax bodyV3, th float64) bodyV3 {
	c, s := math.Cos(th), math.Sin(th)
	return v.mul(c).add(ax.cross(v).mul(s)).add(ax.mul(ax.dot(v) * (1 - c)))
}

// bodyFrontArm places one arm's elbow, wrist and fingertip.
func bodyFrontArm(j *bodyLimbJoints, l bodyLimbAngles, side float64) {
	j.Arm = -90 + side*l.Shoulder
	j.Elbow = bodyAt(j.Shoulder, j.Arm, bodyUpperArmLen*bodyProjected(l.ArmOut))
	if l.Elbow == 0 && l.ArmOut == 0 && l.ForearmOut == 0 {
		// A straight arm in the picture plane.
		j.Forearm, j.Hand = j.Arm, j.Arm
		j.Wrist = bodyAt(j.Elbow, j.Arm, bodyForearm)
		j.Fingertip = bodyAt(j.Wrist, j.Arm, bodyHand)
		return
	}
	// The bent forearm: what stays along the upper arm, and what the
	// rotation turns into the picture plane across it (out to the side or
	// up when turned outward); the rest points at the viewer and does
	// not show.
	e, r := l.Elbow*math.Pi/180, l.Rotation*math.Pi/180
	along := bodyDir(j.Arm).mul(math.Cos(e) * bodyProjected(l.ArmOut))
	across := bodyDir(j.Arm + side*90).mul(math.Sin(e) * math.Sin(r))
	f := along.add(across).mul(bodyProjected(l.ForearmOut))
	shown := f.length()
	if shown < 0.05 {
		// Pointing straight at the viewer: a stub along the upper arm.
		f, shown = bodyDir(j.Arm).mul(0.05), 0.05
	}
	j.Forearm = bodyAngleOf(f)
	j.Hand = j.Forearm
	j.Wrist = j.Elbow.add(f.mul(bodyForearm))
	j.Fingertip = bodyAt(j.Wrist, j.Hand, bodyHand*shown)
}

// bodyFrontParts is the front view's outline: trunk, neck, head, and the
// limbs, all in the picture plane's one layer: a front view has no far
// side to shade. The left limbs are marked Far all the same, so that a
// part can be emphasised on one side and the left limbs drawn over the
// right ones (a left hand holding the right arm).
func bodyFrontParts(sk *bodySkeleton, a bodyAngles, seated, back bool) ([]bodyPart, []bodyDetail) {
	hipY := sk.Hip.Y
	var loop []bodyVec
	for _, t := range bodyFrontTorso {
		loop = append(loop, bodyVec{t.Half, hipY + t.Y})
	}
	for i := len(bodyFrontTorso) - 1; i >= 0; i-- {
		t := bodyFrontTorso[i]
		loop = append(loop, bodyVec{-t.Half, hipY + t.Y})
	}
	parts := []bodyPart{
		{Kind: bodyTorso, Path: bodySmoothClosed(loop)},
		{Kind: bodyNeckPart, Path: bodyCapsule(sk.Shoulder, bodyNeckR, sk.Head, bodyNeckR-0.6)},
	}
	f := bodyHeadFrame{O: sk.Head, Dir: sk.HeadDir}
	outline, details := bodyHeadFront(f, !back)
	if nod := math.Min(0, a.Neck+a.Head); !back && (a.Turn != 0 || nod != 0) {
		outline, details = bodyHeadFrontTurned(f, a.Turn, nod)
	}
	for _, h := range outline {
		parts = append(parts, bodyPart{Kind: bodyHeadPart, Path: h})
	}
	for i, j := range sk.Limbs {
		side := bodyFrontSide(i)
		calf := j.Knee.add(j.Ankle.sub(j.Knee).mul(0.3))
		// A standing or sitting foot is flat on the floor (a leg raised a
		// little sideways lifts its ankle a fraction, not the sole); a bent
		// leg's foot goes where its ankle is.
		sole := 0.0
		if l := [2]bodyLimbAngles{a.Near, a.Far}[i]; l.Flexion != 0 || l.Knee != 0 {
			sole = j.Ankle.Y - bodyAnkleH
		}
		foot := []bodyPart{{bodyFootPart, i == 1, bodyCapsule(bodyVec{j.Ankle.X - side*1.5, sole + 3.4}, 3.4, bodyVec{j.Ankle.X + side*2.5, sole + 2.8}, 2.8)}}
		if l := [2]bodyLimbAngles{a.Near, a.Far}[i]; l.Turnout != 0 {
			// A shin turned across the body rests its ankle on something
			// (the other knee): the relaxed foot hangs on past it, toes
			// down.
			toe := bodyAt(j.Ankle, j.Shank-40, 10)
			foot = []bodyPart{{bodyFootPart, i == 1, bodyCapsule(bodyAt(j.Ankle, j.Shank, 1), 3.2, toe, 2.6)}}
		}
		if j.Ankle.sub(j.Knee).length() < 0.3*bodyShank {
			// A shin pointing away from the viewer hides its foot
			// behind the knee.
			foot = nil
		}
		left := i == 1
		parts = append(parts,
			bodyPart{bodyThighPart, left, bodyCapsule(j.Hip, bodyThighR0, j.Knee, bodyThighR1)},
			bodyPart{bodyShankPart, left, bodyCapsule(j.Knee, bodyThighR1-0.3, calf, bodyCalfR-0.8)},
			bodyPart{bodyShankPart, left, bodyCapsule(calf, bodyCalfR-0.8, j.Ankle, bodyAnkleR)},
			bodyPart{bodyUpperArm, i == 1, bodyCapsule(j.Shoulder, bodyArmR0, j.Elbow, bodyArmR1)},
			bodyPart{bodyForearmPart, i == 1, bodyCapsule(j.Elbow, bodyArmR1-0.2, j.Wrist, bodyWristR)},
			bodyPart{bodyHandPart, i == 1, bodyCapsule(j.Wrist, bodyWristR+0.4, j.Fingertip, bodyFingerR+0.4)},
		)
		// Seen from the front the foot is short and wide, toes a little
		// out.
		parts = append(parts, foot...)
	}
	return parts, details
}

// bodyHeadFrontTurned is a face seen from the front, turned by turn
// degrees (positive to the person's right, the viewer's left) and bowed
// by nod degrees (negative): the face's features slide towards the turn
// and down with the bow, the ear on the turned side goes out of sight, and
// more hair shows on top of a bowed head.
func bodyHeadFrontTurned(f bodyHeadFrame, turn, nod float64) ([][]figures.Segment, []bodyDetail) {
	s, c := math.Sincos(turn * math.Pi / 180)
	sa := -5 * s                        // the face's shift across
	nb := 6 * math.Sin(nod*math.Pi/180) // and down
	outline := [][]figures.Segment{
		f.capsule(0, 1.2, 7.5, 0, 6, 7.5),
		f.capsule(0.4*sa, -1+0.3*nb, 7, 0.6*sa, -8.2+0.4*nb, 3.6),
	}
	for _, ear := range []float64{-1, 1} {
		// The ear on the side the face turns to goes behind the head.
		if math.Abs(turn) > 25 && ear*sa < 0 {
			continue
		}
		x := ear * (7.4 - 1.6*math.Abs(s))
		outline = append(outline, f.capsule(x, 2.6+0.4*nb, 1.7, x-0.2*ear, -0.6+0.4*nb, 1.3))
	}
	fringe := func(a, b float64) (float64, float64) { return a + 0.7*sa, b + nb }
	hair := []float64{7.6, 5, 6.6, 9.6, 3.4, 12.6, 0, 13.5, -3.4, 12.6, -6.6, 9.6, -7.6, 5}
	for _, p := range [][2]float64{{-6, 7.4}, {-2, 8.4}, {2, 8.4}, {6, 7.4}} {
		a, b := fringe(p[0], p[1])
		hair = append(hair, a, b)
	}
	tip := 1.0
	if sa < -1 {
		tip = -1.0 // the nose points the way the face turns
	}
	details := []bodyDetail{
		{Path: f.polygon(hair...), Fill: true, Dark: true},
	}
	if math.Abs(turn) > 25 {
		// The back of the head comes round on the side the face turns
		// from: hair down to the ear there.
		g := -math.Copysign(1, sa)
		back := []float64{7.6, 5, 7.4, 1, 6.6, -2.6, 4.8 - 0.3*math.Abs(sa), -1, 5.4 - 0.3*math.Abs(sa), 6}
		for i := 0; i < len(back); i += 2 {
			back[i] *= g
		}
		details = append(details, bodyDetail{Path: f.polygon(back...), Fill: true, Dark: true})
	}
	details = append(details, []bodyDetail{
		{Path: bodyCircle(f.at(sa-3.2*c, 2.6+nb), 1.1), Fill: true},
		{Path: bodyCircle(f.at(sa+3.2*c, 2.6+nb), 1.1), Fill: true},
		{Path: f.line(1.1*sa+0.3, 1.6+nb, 1.3*sa+tip, -1.8+nb, 1.1*sa-0.8*math.Copysign(1, tip), -2.3+nb)},
		{Path: f.line(sa-2.6*c, -5+0.8*nb, sa, -6+0.8*nb, sa+2.6*c, -5+0.8*nb)},
	}...)
	return outline, details
}

// turnFigure turns a built figure's body and skeleton by deg degrees
// about the origin: a front view laid down on its side.
func turnFigure(fig *solvedFigure, deg float64) {
	turn := func(p bodyVec) bodyVec { return bodyAt(bodyVec{}, bodyAngleOf(p)+deg, p.length()) }
	fig.transform(turn, deg)
}

// moveFigure moves a built figure's body and skeleton by d.
func moveFigure(fig *solvedFigure, d bodyVec) {
	fig.transform(func(p bodyVec) bodyVec { return p.add(d) }, 0)
}

// transform maps every point of the figure's outlines and skeleton by
// move, and turns its segment directions by deg.
func (fig *solvedFigure) transform(move func(bodyVec) bodyVec, deg float64) {
	mapPath := func(path []figures.Segment) {
		for i := range path {
			for k := range path[i].Op.Points() {
				path[i].Pts[k] = move(bodyVec(path[i].Pts[k])).point()
			}
		}
	}
	for _, p := range fig.Parts {
		mapPath(p.Path)
	}
	for _, d := range fig.Details {
		mapPath(d.Path)
	}
	sk := &fig.Skel
	for i := range sk.Axis {
		sk.Axis[i].P = move(sk.Axis[i].P)
		sk.Axis[i].Dir += deg
	}
	sk.Hip, sk.Shoulder, sk.Head = move(sk.Hip), move(sk.Shoulder), move(sk.Head)
	sk.NeckDir += deg
	sk.HeadDir += deg
	for i := range sk.Limbs {
		j := &sk.Limbs[i]
		for _, p := range []*bodyVec{&j.Hip, &j.Knee, &j.Ankle, &j.Shoulder, &j.Elbow, &j.Wrist, &j.Fingertip} {
			*p = move(*p)
		}
		for _, a := range []*float64{&j.Thigh, &j.Shank, &j.Foot, &j.Arm, &j.Forearm, &j.Hand} {
			*a += deg
		}
	}
}
