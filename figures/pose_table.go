package figures

// The built-in poses, in handout order. Lying poses put the head to the
// right when face down and to the left when face up, so the viewer always
// sees the person's right side (a head turned right shows the face).
// Angles marked "solved" are starting values the solver replaces.

// Helpers that keep the table below readable.
func poseLevelOf(a, b bodyPartKind) poseGoal {
	return poseGoal{Kind: poseLevel, A: poseRef{Kind: a}, B: poseRef{Kind: b}}
}

func poseAimOf(k bodyPartKind, deg float64) poseGoal {
	return poseGoal{Kind: poseAim, A: poseRef{Kind: k}, Deg: deg}
}

func poseTouchOf(prop int) poseGoal { return poseGoal{Kind: poseTouch, Prop: prop} }

func posePartTouchOf(k bodyPartKind, prop int) poseGoal {
	return poseGoal{Kind: poseTouch, A: poseRef{Kind: k}, Prop: prop}
}

func poseRest(kinds ...bodyPartKind) []poseRef {
	refs := make([]poseRef, len(kinds))
	for i, k := range kinds {
		refs[i] = poseRef{Kind: k}
	}
	return refs
}

// poseProne is the face-down start: trunk and thighs on the mat (solved),
// feet pointed with the knees bent just enough that the toes rest on the mat
// (solved).
func poseProne(name, desc string, a bodyAngles, extra ...poseSolve) poseSpec {
	a.Near.Ankle = -45
	return poseSpec{
		Name: name, Desc: desc, Angles: a, OnMat: true,
		Solve: append([]poseSolve{
			{poseTrunk, -15, 15, poseLevelOf(bodyTorso, bodyThighPart)},
			{poseKnee, 0, 60, poseLevelOf(bodyFootPart, bodyThighPart)},
		}, extra...),
		Rest: poseRest(bodyTorso, bodyThighPart, bodyFootPart),
	}
}

// poseArmsOnMat solves the shoulder so the hands lie on the mat.
var poseArmsOnMat = poseSolve{poseShoulder, -45, 40, poseLevelOf(bodyHandPart, bodyTorso)}

// poseHeadOnMat solves the neck so the head rests on the mat.
var poseHeadOnMat = poseSolve{poseNeck, -40, 40, poseLevelOf(bodyHeadPart, bodyTorso)}

// poseQuadruped is on hands and knees with the spine and neck as given:
// thighs and upper arms vertical, hands flat, knees on the mat and the
// shins tilted just enough for the pointed feet to rest on it (solved); the
// far limbs a little ahead so both sides show. The arrow shows the spine's
// movement.
func poseQuadruped(name, desc string, a bodyAngles, arrow poseArrow) poseSpec {
	a.Near = bodyLimbAngles{Hip: 80, Knee: 90, Ankle: -45, Shoulder: 90, Elbow: 3, Wrist: 87}
	return poseSpec{
		Name: name, Desc: desc, Angles: a, FarShift: 5, OnMat: true,
		Solve: []poseSolve{
			{poseTrunk, -40, 40, poseLevelOf(bodyHandPart, bodyShankPart)},
			{poseHip, 30, 120, poseAimOf(bodyThighPart, -90)},
			{poseShoulder, 20, 150, poseAimOf(bodyUpperArm, -90)},
			{poseWrist, 0, 90, poseAimOf(bodyHandPart, 0)},
			{poseKnee, 80, 130, poseLevelOf(bodyFootPart, bodyShankPart)},
		},
		Rest:     poseRest(bodyHandPart, bodyShankPart, bodyFootPart),
		EmphFrom: 0.15,
		Arrows:   []poseArrow{arrow},
	}
}

// poseWith sets fields that poseProne leaves empty.
func poseWith(s poseSpec, f func(*poseSpec)) poseSpec {
	f(&s)
	return s
}

var builtinPoses = [...]poseSpec{
	poseWith(poseProne("prone-chin-rest", "Lying face down, arms by the sides palms up, chin resting on the mat",
		bodyAngles{Head: 20}, poseArmsOnMat, poseHeadOnMat), func(s *poseSpec) {
		s.Rest = append(s.Rest, poseRef{Kind: bodyHeadPart}, poseRef{Kind: bodyHandPart})
	}),
	poseWith(poseProne("prone-head-chest-lift", "Lying face down, head and upper chest lifted a little by the back muscles",
		bodyAngles{Lumbar: 8, Thoracic: 16, Head: 5}, poseArmsOnMat), func(s *poseSpec) {
		s.Rest = append(s.Rest, poseRef{Kind: bodyHandPart})
		s.EmphFrom = 0.55
		s.Arrows = []poseArrow{{At: 1, From: bodyVec{-4, 17}, Via: bodyVec{0, 27}, To: bodyVec{8, 31}}}
	}),
	poseWith(poseProne("prone-head-turned-right", "Lying face down, head turned to the right, cheek on the mat",
		bodyAngles{Turn: 70}, poseArmsOnMat, poseHeadOnMat), func(s *poseSpec) {
		s.Rest = append(s.Rest, poseRef{Kind: bodyHeadPart}, poseRef{Kind: bodyHandPart})
	}),
	poseWith(poseProne("prone-forearm-prop", "Propped on the forearms, elbows under the shoulders, hips on the mat",
		bodyAngles{Thoracic: 12, Neck: 10, Head: 5, Near: bodyLimbAngles{Elbow: 90}},
		poseSolve{poseShoulder, 0, 120, poseAimOf(bodyUpperArm, -82)},
		poseSolve{poseLumbar, 0, 40, poseLevelOf(bodyForearmPart, bodyTorso)},
	), func(s *poseSpec) {
		s.Rest = append(s.Rest, poseRef{Kind: bodyForearmPart})
		// A passive back bend: resting on the forearms takes the spine a
		// little past the 40° of an active one.
		s.SpineExtMax = 48
		s.EmphFrom = 0.2
	}),
	poseWith(poseProne("prone-head-turned-left", "Lying face down, head turned to the left, cheek on the mat",
		bodyAngles{Turn: -70}, poseArmsOnMat, poseHeadOnMat), func(s *poseSpec) {
		s.Rest = append(s.Rest, poseRef{Kind: bodyHeadPart}, poseRef{Kind: bodyHandPart})
	}),
	poseWith(poseProne("prone-active-extension", "Head and chest lifted, hands lifted beside the shoulders, shoulder blades squeezed",
		bodyAngles{Lumbar: 12, Thoracic: 20, Neck: 5,
			Near: bodyLimbAngles{Shoulder: -20, Elbow: 140, Wrist: 30}}), func(s *poseSpec) {
		s.EmphFrom = 0.55
		s.Emph = []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart}
		s.Arrows = []poseArrow{{At: 1, From: bodyVec{0, 20}, Via: bodyVec{4, 30}, To: bodyVec{12, 34}}}
	}),
	poseQuadruped("quadruped-cat", "On hands and knees, back rounded up, head down",
		bodyAngles{Lumbar: -22, Thoracic: -24, Neck: -30, Head: -10},
		poseArrow{At: 0.6, From: bodyVec{0, 13}, Via: bodyVec{0, 20}, To: bodyVec{0, 27}}),
	poseQuadruped("quadruped-cow", "On hands and knees, belly sinking, back hollowed, head and chest up",
		bodyAngles{Lumbar: 22, Thoracic: 14, Neck: 28, Head: 10},
		poseArrow{At: 0.45, From: bodyVec{0, -12}, Via: bodyVec{0, -17}, To: bodyVec{0, -24}}),
	{
		Name: "supine-towel", Desc: "Lying on the back, knees bent, a rolled towel across under the shoulder blades",
		Angles: bodyAngles{Trunk: 175, Neck: 20, Near: bodyLimbAngles{Knee: 95}},
		OnMat:  true,
		Props:  []poseProp{{Kind: poseTowel, At: bodyBladeS}},
		Solve: []poseSolve{
			{poseHip, 10, 100, poseLevelOf(bodyFootPart, bodyTorso)},
			{poseAnkle, -50, 20, poseAimOf(bodyFootPart, 0)},
			{poseShoulder, -40, 20, poseLevelOf(bodyHandPart, bodyTorso)},
			{poseTrunk, 150, 185, poseTouchOf(0)},
		},
		Rest:     poseRest(bodyTorso, bodyFootPart, bodyHandPart),
		EmphFrom: 0.55,
	},
	{
		Name: "supine-foam-roller", Desc: "Lying on the back over a foam roller across under the shoulder blades, arms overhead",
		// The arms reach overhead in the line of the upper back, beside
		// the ears: with the pelvis down, resting them on the floor would
		// take more than 180° of shoulder flexion. The head stays in line
		// with the upper back, off the floor: a 15 cm roller under the
		// shoulder blades puts the floor beyond the 40° of an active back
		// bend, and letting the head hang back to it bends the neck
		// instead of the upper back.
		Angles: bodyAngles{Trunk: 170, Thoracic: 20, Near: bodyLimbAngles{Hip: 52, Knee: 95, Ankle: -37, Shoulder: 176, Elbow: 6}},
		Props:  []poseProp{{Kind: poseRoller, At: 0.7}},
		Solve: []poseSolve{
			{poseHip, 10, 100, poseLevelOf(bodyFootPart, bodyTorso)},
			{poseAnkle, -50, 20, poseAimOf(bodyFootPart, 0)},
			{poseTrunk, 150, 179, poseTouchOf(0)},
		},
		Rest:     poseRest(bodyTorso, bodyFootPart),
		EmphFrom: 0.55,
	},
	{
		Name: "ball-arch-from-floor", Desc: "Sitting on the floor, upper back arched back over an exercise ball, feet flat",
		Angles: bodyAngles{Trunk: 110, Lumbar: 5, Thoracic: 35, Neck: 5,
			Near: bodyLimbAngles{Hip: 110, Knee: 88, Ankle: -22, Shoulder: 5, Elbow: 15}},
		// The hips sit on the floor half a metre in front of the ball's
		// centre, so that leaning back lays the back from the waist up
		// along the ball and the head rests on its top (solved): the ball
		// carries the spine, not the head alone.
		Props: []poseProp{{Kind: poseBall, At: 0, DX: -50}},
		Solve: []poseSolve{
			{poseKnee, 40, 140, poseLevelOf(bodyFootPart, bodyTorso)},
			{poseAnkle, -50, 20, poseAimOf(bodyFootPart, 0)},
			{poseTrunk, 95, 180, poseTouchOf(0)},
			{poseNeck, -20, 40, posePartTouchOf(bodyHeadPart, 0)},
		},
		Rest:     poseRest(bodyTorso, bodyFootPart),
		EmphFrom: 0.5,
	},
	{
		Name: "ball-full-back-bend", Desc: "Back draped over an exercise ball, arms overhead, hands on the floor behind",
		// The spine extends well past the 40° of a standing back bend: the
		// ball supports it, as it does for a trained person.
		Angles: bodyAngles{Trunk: 170, Lumbar: 30, Thoracic: 30, Neck: -10,
			Near: bodyLimbAngles{Hip: -15, Knee: 60, Shoulder: 175, Elbow: 5, Wrist: -40}},
		Props: []poseProp{{Kind: poseBall, At: 0.25}},
		Solve: []poseSolve{
			{poseAnkle, -50, 20, poseAimOf(bodyFootPart, 0)},
			{poseTrunk, 120, 220, poseLevelOf(bodyHandPart, bodyFootPart)},
			{poseKnee, 40, 130, poseTouchOf(0)},
		},
		Rest:        poseRest(bodyHandPart, bodyFootPart),
		EmphFrom:    0.2,
		SpineExtMax: 80,
	},
	{
		Name: "wheel-pose", Desc: "Wheel pose: hands and feet on the floor, body arched high, arms nearly straight",
		// The wheel takes the spine far past the usual 40° of extension.
		Angles: bodyAngles{Trunk: 150, Lumbar: 48, Thoracic: 62, Neck: 20,
			Near: bodyLimbAngles{Hip: 0, Knee: 70, Shoulder: 180, Elbow: 14}},
		Solve: []poseSolve{
			{poseTrunk, 90, 220, poseLevelOf(bodyHandPart, bodyFootPart)},
			{poseAnkle, -50, 20, poseAimOf(bodyFootPart, 0)},
			{poseWrist, -80, 90, poseAimOf(bodyHandPart, 0)},
		},
		Rest:        poseRest(bodyHandPart, bodyFootPart),
		EmphFrom:    0.15,
		SpineExtMax: 115,
	},
	{
		Name: "mountain-front", Desc: "Standing tall, front view, feet hip-width, arms by the sides",
		View:   poseFront,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Hip: 1.5, Shoulder: 5}},
		Rest:   poseRest(bodyFootPart),
	},
	{
		Name: "mountain-side", Desc: "Standing tall, side view, ear, shoulder, hip, knee and ankle on one plumb line",
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Elbow: 5}},
		Rest:   poseRest(bodyFootPart),
		Plumb:  true,
	},
}
