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
}
