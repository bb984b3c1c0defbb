package pose

import "slices"

// The poses of the built-in exercise library (content/builtin/exercises)
// that the mid-back handout does not use, in the order clinics prescribe
// them most. They reuse the helpers of pose_table.go; the conventions are
// the same (head to the right face down, to the left face up, the named
// side near).

// poses is every built-in pose, the handout's first.
var poses = slices.Concat(handoutPoses[:], libraryPoses[:])

// pairs is every start/finish pair.
var pairs = slices.Concat(handoutPairs[:], libraryPairs[:])

var libraryPairs = [...]pair{
	// The pelvis tips, and the hands resting on it go with it; the
	// shoulders and feet stay, and the head rests where it was (it rolls a
	// millimetre as the neck follows the spine).
	{"pelvic-tilt-start", "pelvic-tilt-finish", []joint{jointHip, jointKnee, jointElbow, jointWrist, jointFingertip, jointHead}, nil, nil},
	// The hands stay where they were put; the trunk rises on the arms.
	{"prone-press-up-start", "prone-press-up-finish", []joint{jointShoulder, jointElbow, jointHead}, nil, nil},
	{"lying-march-start", "lying-march-finish", nil, []joint{jointKnee, jointAnkle}, nil},
	{"neck-rotation-start", "neck-rotation-finish", []joint{jointHead}, nil, nil},
	{"wall-angel-start", "wall-angel-finish", []joint{jointElbow, jointWrist, jointFingertip}, nil, nil},
	{"band-external-rotation-start", "band-external-rotation-finish", nil, []joint{jointWrist, jointFingertip}, nil},
	{"clamshell-start", "clamshell-finish", nil, []joint{jointKnee}, nil},
	{"lower-trunk-rotation-start", "lower-trunk-rotation-finish", []joint{jointKnee}, nil, nil},
	{"prone-y-t-start", "prone-y-t-finish", []joint{jointElbow, jointWrist, jointFingertip}, nil, nil},
	{"thoracic-rotation-start", "thoracic-rotation-finish", nil, []joint{jointElbow, jointWrist, jointFingertip}, nil},
	// The elbow holds the body; the hips rise and the trunk and head
	// with them. The knees stay on the mat but slide 3 to 5 cm in the
	// drawing: the front view's trunk cannot bend at the waist, so the
	// start's thighs lie at their own angle.
	{"side-plank-knees-start", "side-plank-knees-finish", []joint{jointHip, jointHead, jointKnee, jointAnkle},
		[]joint{jointShoulder, jointElbow, jointWrist, jointFingertip}, nil},
}

// pelvicTilt is lying on the back with the knees bent (hookLying), the
// low back arched by lumbar degrees: the pelvis tips with it, the
// shoulders, head and feet stay. The low back and pelvis, which move,
// are emphasised.
func pelvicTilt(name, desc string, lumbar float64, more func(*spec)) spec {
	s := hookLying(name, desc, bodyAngles{Lumbar: lumbar})
	// The hands rest on the hip bones, where they feel the pelvis tip,
	// and leave the low back's curve in sight.
	handsOnBelly(&s)
	s.EmphFrom, s.EmphTo = -1, 0.45
	more(&s)
	return s
}

// pressUpHand is where the hands lie in the press-up (cm along the mat
// from the hip joint): beside the chest, the fingertips level with the
// shoulders, as close under them as the elbow's 145° of flexion lets a
// side view put them.
const pressUpHand = 30.0

// pressUp is lying face down (prone) with the hands flat on the mat at
// pressUpHand, the spine extended as given; the shoulder and elbow are
// solved to keep the hands there.
func pressUp(name, desc string, a bodyAngles, more func(*spec)) spec {
	s := with(prone(name, desc, a,
		solve{shoulder, -50, 120, atOf(jointWrist, false, jointHip, 0, pressUpHand)},
		solve{elbow, 0, 145, levelOf(bodyHandPart, bodyTorso)},
		solve{wrist, 0, 90, aimOf(bodyHandPart, 0)},
	), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHandPart})
		s.Emph = []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart}
	})
	more(&s)
	return s
}

// childsPose is kneeling sitting back on the heels (the knees bent to
// their passive 155° under the body's weight), the hips
// fully bent with the chest sinking over the thighs, the arms reaching
// forward along the mat and the forehead down: the knees, shins, tops of
// the feet, hands and head rest on the mat (the pelvis tilt, head and
// arms solved).
func childsPose() spec {
	return spec{
		Name: "childs-pose", Desc: "Child's pose: kneeling, sitting back towards the heels, arms reaching forward along the mat, forehead down",
		Angles: bodyAngles{Trunk: 20, Lumbar: -25, Thoracic: -8, Neck: -36, Head: -9,
			Near: bodyLimbAngles{Hip: 120, Knee: 155, Ankle: -50, Shoulder: 172, Elbow: 4}},
		OnMat: true, Anchor: jointKnee, FarShift: 4, KneeFlexMax: 155,
		Solve: []solve{
			{trunk, -20, 60, levelOf(bodyFootPart, bodyShankPart)},
			{thoracic, -40, 0, levelOf(bodyHeadPart, bodyShankPart)},
			{elbow, 0, 40, levelOf(bodyHandPart, bodyShankPart)},
			{wrist, -80, 90, aimOf(bodyHandPart, 0)},
		},
		Rest:     rest(bodyShankPart, bodyFootPart, bodyHandPart, bodyHeadPart),
		EmphFrom: 0.1,
	}
}

// quadSetTowel is where the rolled towel lies from the near knee (cm
// along x): its centre just behind the joint, under the back of the knee.
const quadSetTowel = -6.0

// quadSet is sitting on the mat with the legs out straight, leaning back
// a little on the hands, a rolled towel under the right knee: the knee
// presses down on it (hip solved so the leg just touches it, knee so the
// heel rests on the mat), the left leg flat. The thigh that tightens is
// emphasised.
func quadSet() spec {
	return spec{
		Name: "quad-set", Desc: "Quad set: sitting with the legs straight, a rolled towel under the right knee, the thigh tightened to press the knee down",
		Angles: bodyAngles{Trunk: 100, Neck: -5,
			Near: bodyLimbAngles{Hip: 80, Knee: 22, Ankle: 5, Shoulder: -35, Elbow: 5, Wrist: 80},
			Far:  bodyLimbAngles{Hip: 90, Ankle: -5}},
		OnMat: true, Anchor: jointKnee, FarLegs: true,
		Props: []prop{{Kind: towel, DX: quadSetTowel, Fixed: true, By: []bodyPartKind{bodyThighPart, bodyShankPart}, NearOnly: true}},
		Solve: []solve{
			{hip, 60, 110, levelOf(bodyFootPart, bodyTorso)},
			{knee, 0, 40, partTouchOf(bodyThighPart, 0)},
			{farHip, 60, 110, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyTorso}}},
			{shoulder, -50, 20, levelOf(bodyHandPart, bodyTorso)},
		},
		Rest:     []ref{{Kind: bodyTorso}, {Kind: bodyFootPart}, {Kind: bodyFootPart, Far: true}, {Kind: bodyHandPart}},
		EmphRefs: rest(bodyThighPart),
	}
}

// abdominalBrace is lying on the back with the knees bent (hookLying),
// the fingertips resting on the belly just inside the hip bones (shoulder
// and elbow solved), the hands pointing towards the feet. The belly, which
// tightens, is emphasised.
func abdominalBrace() spec {
	s := hookLying("abdominal-brace", "Abdominal brace: lying on the back, knees bent, fingertips on the belly just inside the hip bones, the belly firmed",
		bodyAngles{})
	handsOnBelly(&s)
	s.EmphFrom, s.EmphTo = 0.05, 0.6
	return s
}

// handsOnBelly rests the fingertips of a hookLying pose on the belly just
// inside the hip bones, the hands pointing towards the feet (shoulder and
// elbow solved instead of the hands on the mat). The elbows rest on the
// mat out to the sides and the forearms reach in across the belly, so the
// side view shows the upper arm and forearm shortened.
func handsOnBelly(s *spec) {
	s.Angles.Near = bodyLimbAngles{Hip: s.Angles.Near.Hip, Knee: s.Angles.Near.Knee, Ankle: s.Angles.Near.Ankle,
		Shoulder: -12, Elbow: 60, Wrist: -78, ArmOut: 50, ForearmOut: 30}
	s.Solve = append(s.Solve[:5],
		solve{elbow, 0, 145, atOf(jointFingertip, false, jointHip, 1, 11)},
	)
	s.Rest = rest(bodyTorso, bodyFootPart, bodyHeadPart)
}

// handsOnThighs rests the far (left) hand on the thigh of a person
// sitting, seen from the front.
var handsOnThighs = bodyLimbAngles{Shoulder: 4, ArmOut: 28, Elbow: 55, Rotation: -25}

// seatedFront is sitting tall on a chair seen from the front, the hands
// resting on the thighs, the head as a gives it.
func seatedFront(name, desc string, a bodyAngles) spec {
	a.Near, a.Far = handsOnThighs, handsOnThighs
	return spec{
		Name: name, Desc: desc, View: front, Seated: true, Angles: a, FarArms: true,
		Props: []prop{{Kind: chair, Fixed: true, Free: true}},
		Rest:  rest(bodyFootPart),
	}
}

// holdingSeat is seatedFront with the near (right) hand holding the side
// of the seat, the arm straight down beside it: it keeps that shoulder
// down while the head bends away.
func holdingSeat(name, desc string, a bodyAngles) spec {
	s := seatedFront(name, desc, a)
	s.Angles.Near = bodyLimbAngles{Shoulder: 4}
	return s
}

// figureFour is sitting tall on a chair seen from the front, the right
// hip bent towards the viewer, opened out and turned out so that the right
// ankle rests on the left knee (a figure 4): the leg's tilt and the knee's
// bend are solved to put the ankle just past the top of the knee. The
// right hand rests on the right knee and the left hand on the crossed
// shin (shoulders and elbows solved); the left foot stays flat on the
// floor. The right leg, which stretches, is emphasised.
func figureFour() spec {
	s := seatedFront("piriformis-stretch", "Figure-4 stretch: sitting tall on a chair, seen from the front, the right ankle resting on the left knee, the hands on the crossed leg",
		bodyAngles{})
	s.FarLegs = true
	s.Angles.Near = bodyLimbAngles{Flexion: 110, Knee: 125, Hip: 35, Turnout: 45, Adduction: 30,
		Shoulder: 12, ArmOut: 20, Elbow: 20}
	s.Angles.Far.Elbow = 70
	s.Solve = []solve{
		// The ankle on top of the left knee, resting on it; the foot hangs past it.
		{adduction, 0, 45, goal{Kind: at, J: jointAnkle, JB: jointKnee, JBFar: true, Axis: 0, Deg: 0}},
		{knee, 90, 140, goal{Kind: at, J: jointAnkle, JB: jointKnee, JBFar: true, Axis: 1, Deg: bodyThighR1 + bodyAnkleR - 0.4}},
		// The right hand on top of the right knee.
		{shoulder, -20, 40, atOf(jointWrist, false, jointKnee, 0, 1)},
		{elbow, 0, 90, atOf(jointWrist, false, jointKnee, 1, 5)},
		// The left hand on the shin, a hand's width in from the ankle.
		{farShoulder, -60, 40, goal{Kind: at, J: jointWrist, JFar: true, JB: jointAnkle, Axis: 0, Deg: -9}},
		{farElbow, 20, 140, goal{Kind: at, J: jointWrist, JFar: true, JB: jointAnkle, Axis: 1, Deg: 5}},
	}
	s.Rest = []ref{{Kind: bodyFootPart, Far: true}}
	s.EmphRefs = rest(bodyThighPart, bodyShankPart, bodyFootPart)
	return s
}

// goalPost is standing with the back to a wall, seen from the front, the
// arms raised sideways by shoulder degrees with the elbows bent by elbow
// degrees and the forearms turned up against the wall.
func goalPost(name, desc string, shoulder, elbow float64, more func(*spec)) spec {
	arm := bodyLimbAngles{Shoulder: shoulder, Elbow: elbow, Rotation: 90}
	s := spec{
		Name: name, Desc: desc, View: front,
		Angles: bodyAngles{Trunk: 90, Near: arm, Far: arm},
		Props:  []prop{{Kind: wall, Fixed: true, Free: true}},
		Rest:   rest(bodyFootPart),
		Emph:   []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
	}
	more(&s)
	return s
}

// bandRotationDoor is where the door that anchors the band stands from
// the midline (cm), on the person's left: the band pulls the right hand
// in across the belly.
const bandRotationDoor = 70.0

// bandRotation is standing side-on to a door seen from the front, the
// right elbow bent to 90° at the side, the forearm turned by rotation
// degrees (inward across the belly, or outward), holding a band anchored
// in the door at elbow height.
func bandRotation(name, desc string, rotation float64, more func(*spec)) spec {
	s := spec{
		Name: name, Desc: desc, View: front, FarArms: true,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: 3, Elbow: 90, Rotation: rotation},
			Far: bodyLimbAngles{Shoulder: 5}},
		Props:    []prop{{Kind: door, DX: bandRotationDoor, Fixed: true, Free: true}},
		Band:     bodyVec{bandRotationDoor, 0.630*bodyHeight - 2},
		Rest:     rest(bodyFootPart),
		EmphRefs: rest(bodyForearmPart, bodyHandPart),
	}
	more(&s)
	return s
}

// neckIsometrics is sitting tall on a chair, the right palm flat on the
// forehead (the shoulder, elbow and wrist solved to put it there, fingers
// up), the left hand resting on the thigh; the head and neck, which push,
// are emphasised.
func neckIsometrics() spec {
	s := seated("neck-isometrics", "Neck isometrics: sitting tall, the right palm on the forehead, the head pressing gently into the hand without moving", bodyAngles{})
	s.FarArms = true
	s.Angles.Far = bodyLimbAngles{Shoulder: 5.8, Elbow: 43, Wrist: 33}
	s.Angles.Near.Shoulder, s.Angles.Near.Elbow, s.Angles.Near.Wrist = 90, 120, 60
	s.Solve = append(s.Solve[:3],
		solve{shoulder, 0, 150, atOf(jointWrist, false, jointHead, 0, 12.5)},
		solve{elbow, 0, 145, atOf(jointWrist, false, jointHead, 1, -2)},
		solve{wrist, -80, 90, aimOf(bodyHandPart, 92)},
	)
	s.Emph = []bodyPartKind{bodyHeadPart, bodyNeckPart}
	return s
}

// clamshell is lying on the left side seen from the front, the head on a
// pillow (its side-bend solved to rest it there), hips bent 45° and knees
// 90° (FIGURES.md "side-lying"), the hips stacked, the right knee opened
// by open degrees about the line to the feet, which stay together (the
// top leg tilted in 10° to rest on the bottom one). The top hand rests
// on the hip, the bottom arm lies forward on the mat in front of the
// chest; the body rests on the bottom shoulder, hip and foot (the
// trunk's tilt solved).
func clamshell(name, desc string, open float64, more func(*spec)) spec {
	leg := bodyLimbAngles{Flexion: 45, Knee: 90}
	top, bottom := leg, leg
	top.Hip, top.Adduction = open, 10
	top.Shoulder, top.Elbow, top.Rotation = 40, 90, -60
	bottom.ArmOut, bottom.Elbow, bottom.Shoulder = 80, 90, -15
	bottom.Adduction = 5 // the bottom foot a little up: the hip rests too
	s := spec{
		Name: name, Desc: desc, View: front, Lying: true, OnMat: true, FarLegs: true, FarArms: true,
		Angles: bodyAngles{Trunk: 4.5, Near: top, Far: bottom},
		Props:  []prop{{Kind: pillow, By: []bodyPartKind{bodyHeadPart}}},
		Solve: []solve{
			{tilt, -40, 40, partTouchOf(bodyHeadPart, 0)},
			// The bottom shoulder and foot both on the mat.
			{trunk, -10, 15, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyUpperArm, Far: true}}},
		},
		Rest:     []ref{{Kind: bodyUpperArm, Far: true}, {Kind: bodyThighPart, Far: true}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyThighPart),
	}
	more(&s)
	return s
}

// sidePlankKnees is lying on the left side seen from the front, propped
// on the left forearm with the upper arm plumb (the shoulder solved) and
// the forearm forward on the mat, the knees bent back and the right leg
// resting on the left (its hip solved to stack the knees); the right hand
// on the hip. The trunk's tilt is solved so that the elbow and, with the
// hips down, the pelvis rest on the mat; lifted, the body is straight
// from the knees to the head and rests on the forearm and knees.
func sidePlankKnees(name, desc string, lifted bool, more func(*spec)) spec {
	legs := bodyLimbAngles{Knee: 90}
	near, far := legs, legs
	near.Shoulder, near.Elbow, near.Rotation = 40, 90, -60
	far.Shoulder, far.Elbow = 70, 90
	bottom := goal{Kind: level, A: ref{Kind: bodyForearmPart, Far: true}, B: ref{Kind: bodyTorso}}
	rests := []ref{{Kind: bodyForearmPart, Far: true}, {Kind: bodyTorso}, {Kind: bodyShankPart, Far: true}}
	solves := []solve{
		{farShoulder, 30, 120, goal{Kind: aim, A: ref{Kind: bodyUpperArm, Far: true}, Deg: -90}},
		{farAdduction, 0, 45, goal{Kind: level, A: ref{Kind: bodyShankPart, Far: true}, B: ref{Kind: bodyTorso}}},
	}
	if !lifted {
		far.Adduction, far.Shoulder = 28, 59
	}
	if lifted {
		// In line: the hip straight, the knee the other support.
		bottom.B = ref{Kind: bodyShankPart, Far: true}
		rests = []ref{{Kind: bodyForearmPart, Far: true}, {Kind: bodyShankPart, Far: true}}
		solves = solves[:1]
	}
	s := spec{
		Name: name, Desc: desc, View: front, Lying: true, OnMat: true, FarLegs: true, FarArms: true,
		Anchor: jointElbow, AnchorFar: true,
		Angles: bodyAngles{Trunk: 31, Near: near, Far: far},
		Solve: append(solves,
			solve{trunk, 0, 45, bottom},
			solve{adduction, -50, 30, goal{Kind: at, J: jointKnee, JB: jointKnee, JBFar: true, Axis: 1, Deg: 2 * bodyThighR1}},
		),
		Rest: rests,
	}
	more(&s)
	return s
}

// kneeRolls is lying on the back seen from above, the head to the left,
// the arms out to the sides, hips bent 45° and knees 90°, the knees
// together (each leg tilted in), both knees rolled towards the right by
// roll degrees: the right one opens out, the left one in.
func kneeRolls(name, desc string, roll float64, more func(*spec)) spec {
	leg := bodyLimbAngles{Flexion: 45, Knee: 90, Adduction: 9, Shoulder: 90}
	near, far := leg, leg
	near.Hip, far.Hip = roll, -roll
	s := spec{
		Name: name, Desc: desc, View: front, Above: true, OnMat: true, FarLegs: true, FarArms: true,
		Angles:   bodyAngles{Trunk: 180, Near: near, Far: far},
		EmphRefs: []ref{{Kind: bodyThighPart}, {Kind: bodyThighPart, Far: true}, {Kind: bodyShankPart}, {Kind: bodyShankPart, Far: true}},
	}
	more(&s)
	return s
}

// proneYT is lying face down seen from above, the head to the right, the
// arms raised sideways by arm degrees: overhead in a Y, or out in a T.
func proneYT(name, desc string, arm float64, more func(*spec)) spec {
	limbs := bodyLimbAngles{Shoulder: arm}
	s := spec{
		Name: name, Desc: desc, View: front, Above: true, Back: true, OnMat: true,
		Angles: bodyAngles{Trunk: 0, Near: limbs, Far: limbs},
		Emph:   []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
	}
	more(&s)
	return s
}

// openBook is lying on the left side seen from above (the side view's
// plane lies flat), the head to the right, hips and knees bent to 90°
// (FIGURES.md "side-lying"), the left arm straight out in front; the
// right arm as given and the head turned by turn degrees to follow it.
func openBook(name, desc string, arm, turn float64, more func(*spec)) spec {
	s := spec{
		Name: name, Desc: desc, Above: true, OnMat: true, FarArms: true,
		Angles: bodyAngles{Trunk: 0, Turn: turn,
			Near: bodyLimbAngles{Hip: 90, Knee: 90, Shoulder: arm},
			Far:  bodyLimbAngles{Shoulder: 90}},
		// The far knee rests under the near one, a little ahead so both
		// show.
		FarShift:       3,
		ShoulderExtMax: 90,
		EmphRefs:       rest(bodyUpperArm, bodyForearmPart, bodyHandPart),
	}
	more(&s)
	return s
}

var libraryPoses = [...]spec{
	pelvicTilt("pelvic-tilt-start", "Pelvic tilt, start: lying on the back, knees bent, feet flat, the low back in its natural curve off the mat",
		20, func(s *spec) {
			// Press the low back down.
			s.Arrows = []arrowMark{{At: 0.3, From: bodyVec{0, 34}, Via: bodyVec{0, 28}, To: bodyVec{0, 20}}}
		}),
	pelvicTilt("pelvic-tilt-finish", "Pelvic tilt, finish: the belly tightened, the low back pressed flat into the mat, the pelvis tipped up a little",
		-6, func(*spec) {}),
	pressUp("prone-press-up-start", "Press-up, start: lying face down, hands flat on the mat beside the shoulders, elbows bent",
		bodyAngles{Head: 10, Near: bodyLimbAngles{Elbow: 140}}, func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{-6, 22}, Via: bodyVec{-4, 32}, To: bodyVec{2, 40}}}
		}),
	pressUp("prone-press-up-finish", "Press-up, finish: the chest pushed up on the arms, the hips still on the mat, the low back relaxed",
		bodyAngles{Lumbar: 32, Thoracic: 18, Neck: 5, Head: 5, Near: bodyLimbAngles{Elbow: 60}}, func(s *spec) {
			// A passive back bend, the arms doing the work: the spine
			// goes past the 40° of an active one, as on the elbows.
			s.SpineExtMax = 50
			s.EmphFrom = 0.2
		}),
	childsPose(),
	with(hookLying("lying-march-start", "Lying march, start: lying on the back, knees bent, feet flat, the belly firmed",
		bodyAngles{}), func(s *spec) {
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{66, 6}, Via: bodyVec{72, 14}, To: bodyVec{70, 24}}}
		s.EmphRefs = rest(bodyThighPart, bodyShankPart, bodyFootPart)
	}),
	with(oneLegHook("lying-march-finish", "Lying march, finish: the right foot lifted just off the mat, the knee still bent, the hips level",
		bodyLimbAngles{Hip: 55, Knee: 92, Ankle: -20, Shoulder: -10, Elbow: 2, Wrist: 5},
		solve{shoulder, -40, 40, levelOf(bodyHandPart, bodyTorso)},
	), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHandPart})
		s.EmphRefs = rest(bodyThighPart, bodyShankPart, bodyFootPart)
	}),
	quadSet(),
	abdominalBrace(),
	with(seatedFront("neck-rotation-start", "Neck turn, start: sitting tall on a chair, seen from the front, facing forward",
		bodyAngles{}), func(s *spec) {
		// Over the head, towards the right shoulder.
		s.Arrows = []arrowMark{{At: 1, From: bodyVec{7, 39}, Via: bodyVec{0, 43}, To: bodyVec{-10, 39}}}
	}),
	seatedFront("neck-rotation-finish", "Neck turn, finish: the head turned to look over the right shoulder, chin level",
		bodyAngles{Turn: 60}),
	holdingSeat("upper-trapezius-stretch", "Side neck stretch: sitting tall, the right hand holding the side of the seat, the head tipped towards the left shoulder",
		bodyAngles{Tilt: -35}),
	holdingSeat("levator-scapulae-stretch", "Neck and shoulder blade stretch: sitting tall, the right hand holding the seat, the nose turned towards the left armpit and the head bowed",
		bodyAngles{Turn: -40, Tilt: -12, Neck: -25, Head: -10}),
	figureFour(),
	goalPost("wall-angel-start", "Wall angel, start: standing with the back against a wall, arms in a goal post, elbows bent, hands low on the wall",
		70, 90, func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{-70, 11}, Via: bodyVec{-75, 26}, To: bodyVec{-73, 41}}}
		}),
	goalPost("wall-angel-finish", "Wall angel, finish: the arms slid up the wall above the head",
		150, 30, func(*spec) {}),
	{
		Name: "doorway-pec-stretch", Desc: "Doorway chest stretch: standing in a doorway, seen from the front, both forearms on the frame, elbows at shoulder height",
		// FIGURES.md: the elbow span at 90° abduction (≈107 cm) is wider
		// than the 85 cm opening, so the upper arms angle back (47° out of
		// the picture plane) with the elbows on the jambs and the
		// shoulders ≈23 cm in front of them; the forearms stand up the
		// jambs.
		View: front,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: 90, ArmOut: 46.6, Elbow: 90, Rotation: 90},
			Far: bodyLimbAngles{Shoulder: 90, ArmOut: 46.6, Elbow: 90, Rotation: 90}},
		Props: []prop{{Kind: doorway, Fixed: true, By: []bodyPartKind{bodyForearmPart, bodyHandPart}}},
		Rest:  rest(bodyFootPart),
		Emph:  []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
	},
	{
		Name: "cross-body-stretch", Desc: "Cross-body shoulder stretch: standing, seen from the front, the right arm across the chest held above the elbow by the left hand",
		View: front, FarArms: true,
		// The left hand lies along the right upper arm just above the
		// elbow (its wrist solved to there), the left elbow forward.
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: -78, ArmOut: 35, Elbow: 5},
			Far: bodyLimbAngles{Shoulder: 10, ArmOut: 80, Elbow: 105, Rotation: -20}},
		Solve: []solve{
			{farElbow, 60, 145, goal{Kind: at, J: jointWrist, JFar: true, JB: jointShoulder, Axis: 1, Deg: -6}},
			{farShoulder, -60, 60, goal{Kind: at, J: jointWrist, JFar: true, JB: jointShoulder, Axis: 0, Deg: 27}},
		},
		Rest:     rest(bodyFootPart),
		EmphRefs: rest(bodyUpperArm, bodyForearmPart, bodyHandPart),
	},
	bandRotation("band-external-rotation-start", "Band outward rotation, start: standing side-on to a door, right elbow bent at the side, the forearm across the belly holding a band",
		-60, func(s *spec) {
			s.Arrows = []arrowMark{{At: 0.4, From: bodyVec{-8, -9}, Via: bodyVec{-22, -13}, To: bodyVec{-34, -7}}}
		}),
	bandRotation("band-external-rotation-finish", "Band outward rotation, finish: the forearm turned out to the side against the band, the elbow still at the side",
		60, func(*spec) {}),
	neckIsometrics(),
	clamshell("clamshell-start", "Clamshell, start: lying on the left side, head on a pillow, hips and knees bent, knees and feet together",
		-8, func(*spec) {}),
	clamshell("clamshell-finish", "Clamshell, finish: the right knee lifted open like a clamshell, the feet still together, the hips still stacked",
		35, func(*spec) {}),
	sidePlankKnees("side-plank-knees-start", "Side plank from the knees, start: lying on the left side propped on the elbow, the elbow under the shoulder, knees bent",
		false, func(s *spec) {
			s.Arrows = []arrowMark{{At: 0, From: bodyVec{-16, 16}, Via: bodyVec{-17, 26}, To: bodyVec{-16, 36}}}
		}),
	sidePlankKnees("side-plank-knees-finish", "Side plank from the knees, finish: the hips lifted until the body is straight from the knees to the head",
		true, func(*spec) {}),
	kneeRolls("lower-trunk-rotation-start", "Knee rolls, start: lying on the back seen from above, knees bent and together, arms out to the sides",
		0, func(s *spec) {
			s.Arrows = []arrowMark{{At: 0, From: bodyVec{38, -14}, Via: bodyVec{44, -26}, To: bodyVec{40, -38}}}
		}),
	kneeRolls("lower-trunk-rotation-finish", "Knee rolls, finish: both knees rolled to the right, the shoulders still on the mat",
		45, func(*spec) {}),
	proneYT("prone-y-t-start", "Prone Y-T, start: lying face down seen from above, the arms reaching overhead in a Y",
		150, func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{30, 50}, Via: bodyVec{10, 58}, To: bodyVec{-4, 56}}}
		}),
	proneYT("prone-y-t-finish", "Prone Y-T, finish: the arms out to the sides in a T, lifted just off the mat",
		90, func(*spec) {}),
	openBook("thoracic-rotation-start", "Open book, start: lying on the left side seen from above, knees bent, both arms straight out in front, palms together",
		90, 0, func(s *spec) {
			// Up and over, beyond the head.
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{22, -58}, Via: bodyVec{50, 0}, To: bodyVec{22, 56}}}
		}),
	openBook("thoracic-rotation-finish", "Open book, finish: the right arm opened up and over to the other side, the chest and eyes turned to follow the hand, the knees still together",
		-85, 60, func(s *spec) { s.EmphFrom = 0.55 }),
}
