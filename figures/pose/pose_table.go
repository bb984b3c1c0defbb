package pose

// The built-in poses, in handout order. Lying poses put the head to the
// right when face down and to the left when face up, so the viewer always
// sees the person's right side (a head turned right shows the face).
// Angles marked "solved" are starting values the solver replaces.

// Helpers that keep the table below readable.
func levelOf(a, b bodyPartKind) goal {
	return goal{Kind: level, A: ref{Kind: a}, B: ref{Kind: b}}
}

func aimOf(k bodyPartKind, deg float64) goal {
	return goal{Kind: aim, A: ref{Kind: k}, Deg: deg}
}

func touchOf(prop int) goal { return goal{Kind: touch, Prop: prop} }

func partTouchOf(k bodyPartKind, prop int) goal {
	return goal{Kind: touch, A: ref{Kind: k}, Prop: prop}
}

func rest(kinds ...bodyPartKind) []ref {
	refs := make([]ref, len(kinds))
	for i, k := range kinds {
		refs[i] = ref{Kind: k}
	}
	return refs
}

// prone is the face-down start: trunk and thighs on the mat (solved),
// feet pointed with the knees bent just enough that the toes rest on the mat
// (solved).
func prone(name, desc string, a bodyAngles, extra ...solve) spec {
	a.Near.Ankle = -45
	return spec{
		Name: name, Desc: desc, Angles: a, OnMat: true,
		Solve: append([]solve{
			{trunk, -15, 15, levelOf(bodyTorso, bodyThighPart)},
			{knee, 0, 60, levelOf(bodyFootPart, bodyThighPart)},
		}, extra...),
		Rest: rest(bodyTorso, bodyThighPart, bodyFootPart),
	}
}

// armsOnMat solves the shoulder so the hands lie on the mat.
var armsOnMat = solve{shoulder, -45, 40, levelOf(bodyHandPart, bodyTorso)}

// headOnMat solves the neck so the head rests on the mat.
var headOnMat = solve{neck, -40, 40, levelOf(bodyHeadPart, bodyTorso)}

// quadruped is on hands and knees with the spine and neck as given:
// thighs and upper arms vertical, hands flat, knees on the mat and the
// shins tilted just enough for the pointed feet to rest on it (solved); the
// far limbs a little ahead so both sides show. The arrow shows the spine's
// movement.
func quadruped(name, desc string, a bodyAngles, arrow arrowMark) spec {
	a.Near = bodyLimbAngles{Hip: 80, Knee: 90, Ankle: -45, Shoulder: 90, Elbow: 3, Wrist: 87}
	return spec{
		Name: name, Desc: desc, Angles: a, FarShift: 5, OnMat: true,
		Solve: []solve{
			{trunk, -40, 40, levelOf(bodyHandPart, bodyShankPart)},
			{hip, 30, 120, aimOf(bodyThighPart, -90)},
			{shoulder, 20, 150, aimOf(bodyUpperArm, -90)},
			{wrist, 0, 90, aimOf(bodyHandPart, 0)},
			{knee, 80, 130, levelOf(bodyFootPart, bodyShankPart)},
		},
		Rest:     rest(bodyHandPart, bodyShankPart, bodyFootPart),
		EmphFrom: 0.15,
		Arrows:   []arrowMark{arrow},
	}
}

// atOf places joint j (far side if far) d cm from the near joint jb
// along x (axis 0) or y (axis 1).
func atOf(j joint, far bool, jb joint, axis int, d float64) goal {
	return goal{Kind: at, J: j, JFar: far, JB: jb, Axis: axis, Deg: d}
}

// hookSpan is how far the shoulders lie from the ankles (cm, along the
// mat) in the supine knees-bent position, the same in every panel that
// starts from it, so the still parts of a pair line up: with the knees at
// about 90° the heels are ≈60 cm from the hips (FIGURES.md).
const hookSpan = -108.0

// hookShoulderUp is how far the shoulder joint lies above the ankle
// joint (cm) in that position: both on the mat, so it stays in every panel.
const hookShoulderUp = 3.0

// hookLying is lying on the back on a mat, knees bent and feet flat
// hip-width apart, arms along the mat by the sides, head resting on the
// mat (FIGURES.md "supine with knees bent"). The drawing is anchored at the
// ankles so that the feet and shoulders stay put between panels; the hip
// and knee are solved to put the feet flat on the mat at hookSpan from
// the shoulders.
func hookLying(name, desc string, a bodyAngles) spec {
	a.Trunk = 180
	a.Near.Knee, a.Near.Hip, a.Near.Ankle, a.Near.Elbow, a.Near.Wrist = 90, 45, -45, 2, 5
	return spec{
		Name: name, Desc: desc, Angles: a, OnMat: true, Anchor: jointAnkle,
		Solve: []solve{
			{hip, 20, 100, levelOf(bodyFootPart, bodyTorso)},
			{knee, 60, 130, atOf(jointShoulder, false, jointAnkle, 0, hookSpan)},
			{trunk, 160, 200, atOf(jointShoulder, false, jointAnkle, 1, hookShoulderUp)},
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{neck, -30, 30, levelOf(bodyHeadPart, bodyTorso)},
			{shoulder, -40, 40, levelOf(bodyHandPart, bodyTorso)},
		},
		Rest: rest(bodyTorso, bodyFootPart, bodyHeadPart, bodyHandPart),
	}
}

// seated is sitting tall on an armless chair (FIGURES.md "sitting
// tall on a chair"): the buttocks on the 45 cm seat, shins vertical, feet
// flat, hands resting on the thighs near the knees (all solved), ear,
// shoulder and hip on one vertical line, the back just off the chair's
// back. The seat's front edge stops a few centimetres short of the back
// of the knee.
func seated(name, desc string, a bodyAngles) spec {
	a.Trunk = 90
	a.Near = bodyLimbAngles{Hip: 80, Knee: 80, Shoulder: 10, Elbow: 60, Wrist: 20}
	seat := levelOf(bodyTorso, bodyFootPart)
	seat.Deg = chairSeatH
	return spec{
		Name: name, Desc: desc, Angles: a,
		Props: []prop{{Kind: chair, At: 0, DX: 32}},
		Solve: []solve{
			{hip, 60, 110, seat},
			{knee, 50, 120, aimOf(bodyShankPart, -90)},
			{ankle, -30, 20, aimOf(bodyFootPart, 0)},
			{shoulder, -30, 90, atOf(jointWrist, false, jointKnee, 0, -19)},
			{elbow, 0, 145, atOf(jointWrist, false, jointKnee, 1, 9)},
			{wrist, -80, 70, aimOf(bodyHandPart, -8)},
		},
		Rest: rest(bodyFootPart),
	}
}

// birdDogMoving is what moves in the bird dog: the near (right) leg
// and the far (left) arm.
var birdDogMoving = []ref{
	{Kind: bodyThighPart}, {Kind: bodyShankPart}, {Kind: bodyFootPart},
	{Kind: bodyUpperArm, Far: true}, {Kind: bodyForearmPart, Far: true}, {Kind: bodyHandPart, Far: true},
}

// deadBug is lying on the back, the low back flat on the mat, the far
// (left) hip and knee at 90°, both arms reaching up; near is the right
// leg's angles and farArm how much further overhead the left arm reaches.
// The pelvis, the left leg and the right arm hold still.
func deadBug(name, desc string, near bodyLimbAngles, farArm float64, more func(*spec)) spec {
	near.Shoulder = 90
	s := spec{
		Name: name, Desc: desc, OnMat: true, FarLegs: true,
		Angles: bodyAngles{Trunk: 180, Near: near,
			Far: bodyLimbAngles{Hip: 90, Knee: 90}},
		FarDelta: bodyLimbAngles{Shoulder: farArm},
		Solve:    []solve{{neck, -30, 30, levelOf(bodyHeadPart, bodyTorso)}},
		Rest:     rest(bodyTorso, bodyHeadPart),
		EmphRefs: deadBugMoving,
	}
	more(&s)
	return s
}

// deadBugMoving is what moves in the dead bug: the near (right) leg
// and the far (left) arm.
var deadBugMoving = birdDogMoving

// proneOnElbows is lying face down propped on the forearms, elbows
// under the shoulders, pelvis and thighs on the mat (FIGURES.md "prone on
// elbows"): the lumbar bend is solved so that the forearms rest flat.
func proneOnElbows(name, desc string) spec {
	return with(prone(name, desc,
		bodyAngles{Thoracic: 12, Neck: 10, Head: 5, Near: bodyLimbAngles{Elbow: 90}},
		solve{shoulder, 0, 120, aimOf(bodyUpperArm, -82)},
		solve{lumbar, 0, 40, levelOf(bodyForearmPart, bodyTorso)},
	), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyForearmPart})
		// A passive back bend: resting on the forearms takes the spine a
		// little past the 40° of an active one.
		s.SpineExtMax = 48
		s.EmphFrom = 0.2
	})
}

// handsOnLowBack is standing, legs straight and vertical (the hip
// angle keeps the thighs plumb whatever the pelvis does), the hands on the
// back of the pelvis, fingers down: the wrists at hand (cm from the hip
// joint) and the hands pointing down, solved. Anchored at the ankles.
func handsOnLowBack(name, desc string, a bodyAngles, hand bodyVec, more func(*spec)) spec {
	a.Near = bodyLimbAngles{Hip: 90 - a.Trunk, Shoulder: -40, Elbow: 100, Wrist: -40}
	s := spec{
		Name: name, Desc: desc, Angles: a, Anchor: jointAnkle,
		Solve: []solve{
			{shoulder, -50, 20, atOf(jointWrist, false, jointHip, 0, hand.X)},
			{elbow, 20, 145, atOf(jointWrist, false, jointHip, 1, hand.Y)},
			{wrist, -80, 70, aimOf(bodyHandPart, -70)},
		},
		Rest:     rest(bodyFootPart),
		EmphFrom: 0.3,
	}
	more(&s)
	return s
}

// sitToStandChair is where the chair's seat front stands from the
// ankles (cm) in sit to stand: far enough behind them that the calves
// clear it once standing, which leaves the seat's edge about 10 cm short
// of the back of the knee when sitting.
const sitToStandChair = -8.0

// heelRaise is standing tall facing a kitchen counter, the hands
// resting on it for balance (the shoulder and wrist solved to lay them on
// the top, pointing hand degrees), up on the toes by ankle degrees of
// plantarflexion. Rising on the toes lifts the shoulders more than the
// arms can follow with the hands flat, so the finish rests the fingertips.
// The counter stays put by the ankles (the anchor) and the calves, which
// do the work, are emphasised.
func heelRaise(name, desc string, ankle, elbow, hand float64, more func(*spec)) spec {
	top := levelOf(bodyHandPart, bodyFootPart)
	top.Deg = counterH
	s := spec{
		Name: name, Desc: desc, Anchor: jointAnkle,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Ankle: ankle, Shoulder: 40, Elbow: elbow}},
		Props: []prop{{Kind: counter, DX: heelRaiseCounter, Fixed: true,
			By: []bodyPartKind{bodyHandPart}}},
		Solve: []solve{
			{shoulder, 0, 90, top},
			{wrist, -80, 70, aimOf(bodyHandPart, hand)},
		},
		Rest:     rest(bodyFootPart),
		EmphRefs: rest(bodyShankPart, bodyFootPart),
	}
	more(&s)
	return s
}

// heelRaiseCounter is where the counter's front edge stands from the
// ankles (cm): the hands reach it with the elbows a little bent.
const heelRaiseCounter = 30.0

// calfWall is how far the wall stands from the back ankle in the calf
// stretch (cm): the hands reach it at shoulder height, elbows a little bent.
const calfWall = 90.0

// oneLegHook is lying on the back with the far (left) leg as in the
// supine knees-bent position, solved the way hookLying solves it so it
// stays put across a pair, and the near (right) leg and arms as given and
// solved by nearSolve. Anchored at the left ankle; the near leg, which
// moves, is emphasised.
func oneLegHook(name, desc string, near bodyLimbAngles, nearSolve ...solve) spec {
	return spec{
		Name: name, Desc: desc,
		Angles: bodyAngles{Trunk: 182, Near: near, Far: bodyLimbAngles{Hip: 37, Knee: 89, Ankle: -40}},
		OnMat:  true, Anchor: jointAnkle, AnchorFar: true, FarLegs: true,
		Solve: append([]solve{
			{farHip, 20, 100, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyTorso}}},
			{farKnee, 60, 130, atOf(jointAnkle, true, jointShoulder, 0, -hookSpan)},
			{trunk, 175, 190, atOf(jointAnkle, true, jointShoulder, 1, -hookShoulderUp)},
			{farAnkle, -50, 20, goal{Kind: aim, A: ref{Kind: bodyFootPart, Far: true}}},
			{neck, -30, 30, levelOf(bodyHeadPart, bodyTorso)},
		}, nearSolve...),
		Rest:     []ref{{Kind: bodyTorso}, {Kind: bodyHeadPart}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyThighPart, bodyShankPart),
	}
}

// wallWalkWall is how far the wall's face stands from the ankles in
// the wall walk (cm): the chest about a forearm's length (≈30 cm) from it.
const wallWalkWall = 42.0

// wallWalk is standing tall facing a wall, the right arm raised by
// shoulder degrees of flexion with the hand flat against the wall, fingers
// up (elbow and wrist solved), the left arm by the side.
func wallWalk(name, desc string, shoulder float64, more func(*spec)) spec {
	s := spec{
		Name: name, Desc: desc, Anchor: jointAnkle,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: shoulder, Elbow: 150 - shoulder},
			Far: bodyLimbAngles{Shoulder: 5, Elbow: 5}},
		FarArms: true,
		Props:   []prop{{Kind: wall, DX: wallWalkWall, Fixed: true, By: []bodyPartKind{bodyHandPart}}},
		Solve: []solve{
			{elbow, 5, 145, atOf(jointWrist, false, jointAnkle, 0, wallWalkWall-bodyWristR)},
			{wrist, -80, 90, aimOf(bodyHandPart, 90)},
		},
		Rest:     rest(bodyFootPart),
		EmphRefs: rest(bodyUpperArm, bodyForearmPart, bodyHandPart),
	}
	more(&s)
	return s
}

// bandRowDoor is where the door's face stands from the ankles (cm)
// in the band row, and bandRowAnchor the band's anchor height: chest
// height for a row (FIGURES.md), the hands a step from the door.
const (
	bandRowDoor   = 120.0
	bandRowAnchor = 118.0
)

// bandRow is standing tall facing a closed door, both hands holding a
// resistance band anchored in it at chest height (arm angles as given);
// the arms, which do the row, are emphasised.
func bandRow(name, desc string, arm bodyLimbAngles, more func(*spec)) spec {
	s := spec{
		Name: name, Desc: desc, Anchor: jointAnkle,
		Angles: bodyAngles{Trunk: 90, Near: arm},
		Props:  []prop{{Kind: door, DX: bandRowDoor, Fixed: true, Free: true}},
		Band:   bodyVec{bandRowDoor, bandRowAnchor},
		Rest:   rest(bodyFootPart),
		Emph:   []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
	}
	more(&s)
	return s
}

// with sets fields that prone leaves empty.
func with(s spec, f func(*spec)) spec {
	f(&s)
	return s
}

// pair is a start and a finish panel of one exercise and the joints
// that move between them, on both sides (Moving) or one side only
// (MovingNear, MovingFar): every other joint stays put to within a
// millimetre, so the eye finds the one difference (FIGURES.md, "Still
// parts stay put").
type pair struct {
	Start, Finish         string
	Moving                []joint
	MovingNear, MovingFar []joint
}

// handoutPairs are the pairs of the mid-back handout and the first
// library drawings; libraryPairs (pose_library.go) follow them in pairs.
var handoutPairs = [...]pair{
	{"chin-tuck-start", "chin-tuck-finish", []joint{jointHead}, nil, nil},
	{"glute-bridge-start", "glute-bridge-finish", []joint{jointHip, jointKnee}, nil, nil},
	// The right leg reaches back, the left arm forward.
	{"bird-dog-start", "bird-dog-finish", nil, []joint{jointKnee, jointAnkle},
		[]joint{jointElbow, jointWrist, jointFingertip}},
	// The near leg moves, and both arms that draw it up.
	{"dead-bug-start", "dead-bug-finish", nil, []joint{jointKnee, jointAnkle},
		[]joint{jointElbow, jointWrist, jointFingertip}},
	{"standing-extension-start", "standing-extension-finish", []joint{jointShoulder, jointElbow, jointWrist, jointFingertip, jointHead}, nil, nil},
	// Only the feet stay put (FIGURES.md).
	{"sit-to-stand-start", "sit-to-stand-finish", []joint{jointHip, jointKnee, jointShoulder, jointElbow, jointWrist, jointFingertip, jointHead}, nil, nil},
	{"straight-leg-raise-start", "straight-leg-raise-finish", nil, []joint{jointKnee, jointAnkle}, nil},
	{"sciatic-nerve-glide-start", "sciatic-nerve-glide-finish", []joint{jointHead}, []joint{jointAnkle}, nil},
	{"wall-walk-start", "wall-walk-finish", nil, []joint{jointElbow, jointWrist, jointFingertip}, nil},
	{"band-row-start", "band-row-finish", []joint{jointElbow, jointWrist, jointFingertip}, nil, nil},
	{"scapular-squeeze-start", "scapular-squeeze-finish", []joint{jointElbow, jointWrist, jointFingertip}, nil, nil},
	{"supine-chin-tuck-head-lift-start", "supine-chin-tuck-head-lift-finish", []joint{jointHead}, nil, nil},
	{"knee-to-chest-start", "knee-to-chest-finish", []joint{jointElbow, jointWrist, jointFingertip},
		[]joint{jointKnee, jointAnkle}, nil},
}

// handoutPoses are the poses of the mid-back handout and the first
// library drawings; libraryPoses (pose_library.go) follow them in poses.
var handoutPoses = [...]spec{
	with(prone("prone-chin-rest", "Lying face down, arms by the sides palms up, chin resting on the mat",
		bodyAngles{Head: 20}, armsOnMat, headOnMat), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHeadPart}, ref{Kind: bodyHandPart})
	}),
	with(prone("prone-head-chest-lift", "Lying face down, head and upper chest lifted a little by the back muscles",
		bodyAngles{Lumbar: 8, Thoracic: 16, Head: 5}, armsOnMat), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHandPart})
		s.EmphFrom = 0.55
		s.Arrows = []arrowMark{{At: 1, From: bodyVec{-4, 17}, Via: bodyVec{0, 27}, To: bodyVec{8, 31}}}
	}),
	with(prone("prone-head-turned-right", "Lying face down, head turned to the right, cheek on the mat",
		bodyAngles{Turn: 70}, armsOnMat, headOnMat), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHeadPart}, ref{Kind: bodyHandPart})
	}),
	proneOnElbows("prone-forearm-prop", "Propped on the forearms, elbows under the shoulders, hips on the mat"),
	with(prone("prone-head-turned-left", "Lying face down, head turned to the left, cheek on the mat",
		bodyAngles{Turn: -70}, armsOnMat, headOnMat), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHeadPart}, ref{Kind: bodyHandPart})
	}),
	with(prone("prone-active-extension", "Head and chest lifted, hands lifted beside the shoulders, shoulder blades squeezed",
		bodyAngles{Lumbar: 12, Thoracic: 20, Neck: 5,
			Near: bodyLimbAngles{Shoulder: -20, Elbow: 140, Wrist: 30}}), func(s *spec) {
		s.EmphFrom = 0.55
		s.Emph = []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart}
		s.Arrows = []arrowMark{{At: 1, From: bodyVec{0, 20}, Via: bodyVec{4, 30}, To: bodyVec{12, 34}}}
	}),
	quadruped("quadruped-cat", "On hands and knees, back rounded up, head down",
		bodyAngles{Lumbar: -22, Thoracic: -24, Neck: -30, Head: -10},
		arrowMark{At: 0.6, From: bodyVec{0, 13}, Via: bodyVec{0, 20}, To: bodyVec{0, 27}}),
	quadruped("quadruped-cow", "On hands and knees, belly sinking, back hollowed, head and chest up",
		bodyAngles{Lumbar: 22, Thoracic: 14, Neck: 28, Head: 10},
		arrowMark{At: 0.45, From: bodyVec{0, -12}, Via: bodyVec{0, -17}, To: bodyVec{0, -24}}),
	{
		Name: "supine-towel", Desc: "Lying on the back, knees bent, a rolled towel across under the shoulder blades",
		Angles: bodyAngles{Trunk: 175, Neck: 20, Near: bodyLimbAngles{Knee: 95}},
		OnMat:  true,
		Props:  []prop{{Kind: towel, At: bodyBladeS}},
		Solve: []solve{
			{hip, 10, 100, levelOf(bodyFootPart, bodyTorso)},
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{shoulder, -40, 20, levelOf(bodyHandPart, bodyTorso)},
			{trunk, 150, 185, touchOf(0)},
		},
		Rest:     rest(bodyTorso, bodyFootPart, bodyHandPart),
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
		Props:  []prop{{Kind: roller, At: 0.7}},
		Solve: []solve{
			{hip, 10, 100, levelOf(bodyFootPart, bodyTorso)},
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{trunk, 150, 179, touchOf(0)},
		},
		Rest:     rest(bodyTorso, bodyFootPart),
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
		Props: []prop{{Kind: ball, At: 0, DX: -50}},
		Solve: []solve{
			{knee, 40, 140, levelOf(bodyFootPart, bodyTorso)},
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{trunk, 95, 180, touchOf(0)},
			{neck, -20, 40, partTouchOf(bodyHeadPart, 0)},
		},
		Rest:     rest(bodyTorso, bodyFootPart),
		EmphFrom: 0.5,
	},
	{
		Name: "ball-full-back-bend", Desc: "Back draped over an exercise ball, arms overhead, hands on the floor behind",
		// The spine extends well past the 40° of a standing back bend: the
		// ball supports it, as it does for a trained person.
		Angles: bodyAngles{Trunk: 170, Lumbar: 30, Thoracic: 30, Neck: -10,
			Near: bodyLimbAngles{Hip: -15, Knee: 60, Shoulder: 175, Elbow: 5, Wrist: -40}},
		Props: []prop{{Kind: ball, At: 0.25}},
		Solve: []solve{
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{trunk, 120, 220, levelOf(bodyHandPart, bodyFootPart)},
			{knee, 40, 130, touchOf(0)},
		},
		Rest:        rest(bodyHandPart, bodyFootPart),
		EmphFrom:    0.2,
		SpineExtMax: 80,
	},
	{
		Name: "wheel-pose", Desc: "Wheel pose: hands and feet on the floor, body arched high, arms nearly straight",
		// The wheel takes the spine far past the usual 40° of extension.
		Angles: bodyAngles{Trunk: 150, Lumbar: 48, Thoracic: 62, Neck: 20,
			Near: bodyLimbAngles{Hip: 0, Knee: 70, Shoulder: 180, Elbow: 14}},
		Solve: []solve{
			{trunk, 90, 220, levelOf(bodyHandPart, bodyFootPart)},
			{ankle, -50, 20, aimOf(bodyFootPart, 0)},
			{wrist, -80, 90, aimOf(bodyHandPart, 0)},
		},
		Rest:        rest(bodyHandPart, bodyFootPart),
		EmphFrom:    0.15,
		SpineExtMax: 115,
	},
	with(seated("chin-tuck-start", "Chin tuck, start: sitting tall on a chair, head carried a little forward",
		// The head glides forward, the face level: the neck leans
		// forward and the head tips back by as much.
		bodyAngles{Neck: -12, Head: 12}), func(s *spec) {
		s.Emph = []bodyPartKind{bodyHeadPart, bodyNeckPart}
		s.Arrows = []arrowMark{{At: 1, From: bodyVec{27, 8}, Via: bodyVec{22, 8}, To: bodyVec{15, 8}}}
	}),
	with(seated("chin-tuck-finish", "Chin tuck, finish: chin drawn straight back, head level, ear over the shoulder",
		bodyAngles{Neck: 8, Head: -8}), func(s *spec) {
		s.Emph = []bodyPartKind{bodyHeadPart, bodyNeckPart}
	}),
	with(quadruped("bird-dog-start", "Bird dog, start: on hands and knees, back flat, head in line",
		bodyAngles{Neck: -8}, arrowMark{}), func(s *spec) {
		s.EmphFrom = 0
		s.EmphRefs = birdDogMoving
		s.Arrows = []arrowMark{
			// The right leg reaches back, the left arm forward.
			{At: 0, From: bodyVec{-52, -30}, Via: bodyVec{-68, -22}, To: bodyVec{-78, -6}},
			{At: 1, From: bodyVec{20, -40}, Via: bodyVec{42, -32}, To: bodyVec{52, -16}},
		}
	}),
	with(quadruped("bird-dog-finish", "Bird dog, finish: right leg straight back and left arm straight forward, level with the back",
		bodyAngles{Neck: -8}, arrowMark{}), func(s *spec) {
		// The far (left) leg keeps kneeling as in the start, solved the
		// same way; the near (right) leg and the far arm reach out level
		// with the back.
		s.FarLegs = true
		s.Angles.Far = bodyLimbAngles{Hip: 80, Knee: 90, Ankle: -45}
		s.Solve = []solve{
			{trunk, -40, 40, goal{Kind: level, A: ref{Kind: bodyHandPart}, B: ref{Kind: bodyShankPart, Far: true}}},
			{farHip, 30, 120, goal{Kind: aim, A: ref{Kind: bodyThighPart, Far: true}, Deg: -90}},
			{shoulder, 20, 150, aimOf(bodyUpperArm, -90)},
			{wrist, 0, 90, aimOf(bodyHandPart, 0)},
			{farKnee, 80, 130, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyShankPart, Far: true}}},
			// The lifted leg level: the thigh horizontal, pointing back.
			{hip, -20, 40, aimOf(bodyThighPart, 180)},
		}
		s.Angles.Near.Knee, s.Angles.Near.Ankle = 0, -30
		// The far arm reaches forward, the elbow and wrist straight, a
		// little below level so that it shows under the chin instead of
		// running through the face.
		s.FarDelta = bodyLimbAngles{Shoulder: 78, Elbow: -3, Wrist: -87}
		s.Rest = []ref{{Kind: bodyHandPart}, {Kind: bodyShankPart, Far: true}, {Kind: bodyFootPart, Far: true}}
		s.EmphFrom = 0
		s.EmphRefs = birdDogMoving
		s.Arrows = nil
	}),
	deadBug("dead-bug-start", "Dead bug, start: lying on the back, hips and knees bent to 90°, arms reaching up to the ceiling",
		bodyLimbAngles{Hip: 90, Knee: 90}, 0, func(s *spec) {
			s.Arrows = []arrowMark{
				// The right leg straightens out low, the left arm goes overhead.
				{At: 0, From: bodyVec{53, 48}, Via: bodyVec{76, 42}, To: bodyVec{90, 22}},
				{At: 1, From: bodyVec{-9, 73}, Via: bodyVec{-36, 67}, To: bodyVec{-56, 44}},
			}
		}),
	deadBug("dead-bug-finish", "Dead bug, finish: right leg straight out just above the mat, left arm overhead, back flat",
		bodyLimbAngles{Hip: 10, Knee: 0, Ankle: -25}, 82, func(*spec) {}),
	proneOnElbows("prone-on-elbows", "Prone on elbows: propped on the forearms, elbows under the shoulders, hips on the mat"),
	handsOnLowBack("standing-extension-start", "Standing back bend, start: standing tall, hands on the low back, fingers down",
		bodyAngles{Trunk: 90}, bodyVec{-1, 17}, func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{-6, 36}, Via: bodyVec{-16, 38}, To: bodyVec{-26, 32}}}
		}),
	handsOnLowBack("standing-extension-finish", "Standing back bend, finish: leaning back from the low back over the hands, knees straight",
		bodyAngles{Trunk: 95, Lumbar: 24, Thoracic: 14, Neck: 0}, bodyVec{1.5, 13}, func(*spec) {}),
	with(seated("sit-to-stand-start", "Sit to stand, start: sitting near the front of the chair, feet a little back, arms reaching forward",
		bodyAngles{}), func(s *spec) {
		s.Anchor = jointAnkle
		s.Props[0] = prop{Kind: chair, DX: sitToStandChair, Fixed: true}
		// The shins lean forward a little (feet back under the knees)
		// and the arms reach forward, straight, instead of resting.
		s.Solve[1].Goal.Deg = -97
		s.Solve = s.Solve[:3]
		s.Angles.Near.Shoulder, s.Angles.Near.Elbow, s.Angles.Near.Wrist = 75, 5, 0
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{15, 12}, Via: bodyVec{21, 21}, To: bodyVec{21, 32}}}
	}),
	{
		Name: "sit-to-stand-finish", Desc: "Sit to stand, finish: standing tall in front of the chair, feet where they were",
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: 5, Elbow: 5}},
		Anchor: jointAnkle,
		Props:  []prop{{Kind: chair, DX: sitToStandChair, Fixed: true, Free: true}},
		Rest:   rest(bodyFootPart),
	},
	heelRaise("heel-raise-start", "Heel raise, start: standing tall facing a counter, hands resting on it", 0, 20, -5,
		func(s *spec) {
			s.Arrows = []arrowMark{{At: 0, From: bodyVec{-16, -72}, Via: bodyVec{-16, -64}, To: bodyVec{-16, -56}}}
		}),
	heelRaise("heel-raise-finish", "Heel raise, finish: up on the balls of both feet, body tall, fingertips still on the counter", -38, 0, -40,
		func(*spec) {}),
	{
		Name: "calf-stretch", Desc: "Calf stretch: facing a wall, hands on it, right leg straight back with the heel down, left knee bent forward",
		// The back leg is straight and leans 20° towards the wall, the
		// back ankle taking the 20° of dorsiflexion that stretches the
		// calf, the heel down; the trunk leans 10° (the hip 10° extended).
		// The front foot is flat a step ahead (knee solved), the palms flat
		// on the wall a little below shoulder height (elbow and wrist
		// solved).
		Angles: bodyAngles{Trunk: 80, Near: bodyLimbAngles{Hip: -10, Ankle: 20, Shoulder: 84, Elbow: 20},
			Far: bodyLimbAngles{Hip: 30, Knee: 22}},
		FarLegs: true, Anchor: jointAnkle,
		Props: []prop{{Kind: wall, DX: calfWall, Fixed: true, By: []bodyPartKind{bodyHandPart}}},
		Solve: []solve{
			{farAnkle, -30, 20, goal{Kind: aim, A: ref{Kind: bodyFootPart, Far: true}}},
			{farHip, 0, 90, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyFootPart}}},
			{elbow, 0, 90, atOf(jointWrist, false, jointAnkle, 0, calfWall-bodyWristR)},
			{wrist, -80, 90, aimOf(bodyHandPart, 90)},
		},
		Rest:     []ref{{Kind: bodyFootPart}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyShankPart, bodyFootPart),
	},
	{
		Name: "hamstring-stretch", Desc: "Hamstring stretch: lying on the back, right leg raised straight, a strap around the foot held in both hands, left leg flat",
		// The raised leg is straight at 70° of hip flexion, the foot
		// relaxed; the left leg lies flat. The arms reach up towards the
		// leg, the hands pointing along the strap they hold.
		Angles: bodyAngles{Trunk: 180, Near: bodyLimbAngles{Hip: 70, Ankle: 5, Shoulder: 55, Elbow: 10, Wrist: -45},
			Far: bodyLimbAngles{Ankle: -20}},
		OnMat: true, FarLegs: true, Strap: true,
		Solve: []solve{headOnMat,
			// The flat leg rests on its heel: the hip extends the
			// few degrees down from the hip joint's height.
			{farHip, -20, 10, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyTorso}}},
		},
		Rest:     []ref{{Kind: bodyTorso}, {Kind: bodyHeadPart}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyThighPart, bodyShankPart),
	},
	{
		Name: "hip-flexor-stretch", Desc: "Hip flexor stretch: half-kneeling, right knee down on a folded towel, left foot flat in front, trunk upright",
		// FIGURES.md "half-kneeling": the down (right) knee on a 4 cm
		// cushion nearly under its hip, extended 12° there (at most 20°:
		// the stretch comes from tucking the pelvis, not from lunging);
		// the front shin vertical with the foot flat, the front hip and
		// knee near 90° (solved to reach the floor); the top of the back
		// foot on the floor (solved); the hands resting on the front knee.
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Hip: -12, Knee: 80, Ankle: -45, Shoulder: 30, Elbow: 60},
			Far: bodyLimbAngles{Hip: 90, Knee: 90}},
		FarLegs: true, Anchor: jointKnee,
		Props: []prop{{Kind: cushion, DX: -cushionLen / 2, Fixed: true, By: []bodyPartKind{bodyShankPart}}},
		Solve: []solve{
			{farKnee, 50, 130, goal{Kind: aim, A: ref{Kind: bodyShankPart, Far: true}, Deg: -90}},
			{farAnkle, -30, 20, goal{Kind: aim, A: ref{Kind: bodyFootPart, Far: true}}},
			{farHip, 50, 120, goal{Kind: level, A: ref{Kind: bodyShankPart}, B: ref{Kind: bodyFootPart, Far: true}, Deg: cushionT}},
			{knee, 40, 130, goal{Kind: level, A: ref{Kind: bodyFootPart}, B: ref{Kind: bodyShankPart}, Deg: -cushionT}},
			{shoulder, -30, 90, goal{Kind: at, J: jointWrist, JB: jointKnee, JBFar: true, Deg: -9}},
			{elbow, 0, 145, goal{Kind: at, J: jointWrist, JB: jointKnee, JBFar: true, Axis: 1, Deg: 8}},
			{wrist, -80, 70, aimOf(bodyHandPart, -10)},
		},
		Rest:     []ref{{Kind: bodyFootPart}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyThighPart),
	},
	with(seated("sciatic-nerve-glide-start", "Sciatic nerve glide, start: sitting tall on a chair, knees bent, looking a little down",
		bodyAngles{Neck: -10, Head: -5}), func(s *spec) {
		s.EmphRefs = rest(bodyShankPart, bodyFootPart)
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{58, -30}, Via: bodyVec{72, -22}, To: bodyVec{80, -6}}}
	}),
	with(seated("sciatic-nerve-glide-finish", "Sciatic nerve glide, finish: right knee straightened, toes pulled up, head tipped back to look up",
		// The looking up and the straightening go together (a slider),
		// so the nerve glides instead of being stretched at both ends.
		bodyAngles{Neck: 10, Head: 10}), func(s *spec) {
		s.FarLegs = true
		s.Angles.Far = s.Angles.Near
		s.Angles.Near.Knee, s.Angles.Near.Ankle = 12, 10
		seat := goal{Kind: level, A: ref{Kind: bodyTorso}, B: ref{Kind: bodyFootPart, Far: true}, Deg: chairSeatH}
		s.Solve = []solve{
			{farHip, 60, 110, seat},
			{farKnee, 50, 120, goal{Kind: aim, A: ref{Kind: bodyShankPart, Far: true}, Deg: -90}},
			{farAnkle, -30, 20, goal{Kind: aim, A: ref{Kind: bodyFootPart, Far: true}}},
			// Both thighs stay on the seat.
			{hip, 60, 110, goal{Kind: at, J: jointKnee, JB: jointKnee, JBFar: true, Axis: 1}},
			{shoulder, -30, 90, goal{Kind: at, J: jointWrist, JB: jointKnee, JBFar: true, Deg: -19}},
			{elbow, 0, 145, goal{Kind: at, J: jointWrist, JB: jointKnee, JBFar: true, Axis: 1, Deg: 9}},
			{wrist, -80, 70, aimOf(bodyHandPart, -8)},
		}
		s.Rest = []ref{{Kind: bodyFootPart, Far: true}}
		s.EmphRefs = rest(bodyShankPart, bodyFootPart)
	}),
	{
		Name: "pendulum", Desc: "Pendulum: leaning forward with the left hand on a table, the right arm hanging straight down, swinging in small circles",
		// FIGURES.md "leaning on a table": the trunk leans forward (solved
		// so that the supporting left hand rests on the 74 cm table top),
		// the working right arm hangs plumb (shoulder solved), the left
		// foot a step ahead, knees soft.
		Angles: bodyAngles{Trunk: 15, Neck: 25, Near: bodyLimbAngles{Hip: 65, Knee: 10, Shoulder: 60},
			Far: bodyLimbAngles{Hip: 80, Knee: 10}},
		FarLegs:  true,
		FarDelta: bodyLimbAngles{Shoulder: 40, Elbow: 20, Wrist: 30},
		Props:    []prop{{Kind: table, At: 1, DX: 8, By: []bodyPartKind{bodyHandPart}}},
		Solve: []solve{
			{trunk, 0, 50, goal{Kind: level, A: ref{Kind: bodyHandPart, Far: true}, B: ref{Kind: bodyFootPart}, Deg: tableH}},
			{hip, 30, 110, aimOf(bodyThighPart, -95)},
			{farHip, 30, 120, goal{Kind: aim, A: ref{Kind: bodyThighPart, Far: true}, Deg: -80}},
			{farKnee, 0, 60, goal{Kind: level, A: ref{Kind: bodyFootPart, Far: true}, B: ref{Kind: bodyFootPart}}},
			{ankle, -30, 20, aimOf(bodyFootPart, 0)},
			{farAnkle, -30, 20, goal{Kind: aim, A: ref{Kind: bodyFootPart, Far: true}}},
			{shoulder, 0, 180, aimOf(bodyUpperArm, -90)},
		},
		Rest:     []ref{{Kind: bodyFootPart}, {Kind: bodyFootPart, Far: true}},
		EmphRefs: rest(bodyUpperArm, bodyForearmPart, bodyHandPart),
		Arrows:   []arrowMark{{At: 1, From: bodyVec{0, -86}, Via: bodyVec{11, 4}, Circle: true}},
	},
	wallWalk("wall-walk-start", "Wall walk, start: standing facing a wall a forearm's length away, right fingertips on the wall at chest height", 50,
		func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{wallWalkWall - 8, 12}, Via: bodyVec{wallWalkWall - 9, 26}, To: bodyVec{wallWalkWall - 12, 40}}}
		}),
	wallWalk("wall-walk-finish", "Wall walk, finish: the fingers walked up the wall until the arm is raised as far as is comfortable", 130,
		func(*spec) {}),
	bandRow("band-row-start", "Band row, start: standing tall facing a closed door, arms forward holding a band anchored in the door at chest height",
		bodyLimbAngles{Shoulder: 70, Elbow: 5}, func(s *spec) {
			s.Arrows = []arrowMark{{At: 1, From: bodyVec{40, 7}, Via: bodyVec{28, 9}, To: bodyVec{15, 7}}}
		}),
	bandRow("band-row-finish", "Band row, finish: elbows pulled back close to the sides, shoulder blades squeezed together",
		bodyLimbAngles{Shoulder: -25, Elbow: 105}, func(*spec) {}),
	{
		Name: "scapular-squeeze-start", Desc: "Shoulder blade squeeze, start: standing tall, elbows bent at the sides, forearms forward",
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: 5, Elbow: 85}},
		Anchor: jointAnkle,
		Rest:   rest(bodyFootPart),
		Emph:   []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
		Arrows: []arrowMark{{At: 0.7, From: bodyVec{-14, -8}, Via: bodyVec{-20, -10}, To: bodyVec{-28, -8}}},
	},
	{
		Name: "scapular-squeeze-finish", Desc: "Shoulder blade squeeze, finish: elbows drawn back as the shoulder blades squeeze together",
		// The upper arms go back 20° (shoulder extension) with the
		// forearms still level: the shoulder blades pull together.
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Shoulder: -20, Elbow: 110}},
		Anchor: jointAnkle,
		Rest:   rest(bodyFootPart),
		Emph:   []bodyPartKind{bodyUpperArm, bodyForearmPart, bodyHandPart},
	},
	with(hookLying("supine-chin-tuck-head-lift-start", "Chin tuck with head lift, start: lying on the back, knees bent, head resting on the mat",
		bodyAngles{}), func(s *spec) {
		s.Emph = []bodyPartKind{bodyHeadPart, bodyNeckPart}
		s.Arrows = []arrowMark{{At: 1, From: bodyVec{-12, 22}, Via: bodyVec{-6, 30}, To: bodyVec{4, 32}}}
	}),
	with(hookLying("supine-chin-tuck-head-lift-finish", "Chin tuck with head lift, finish: chin tucked, head lifted just off the mat, shoulders down",
		// The chin tucks (the head nods 15° on the neck) and the neck
		// bends 28° to lift the head a few centimetres; the shoulders stay
		// on the mat.
		bodyAngles{Neck: -28, Head: -15}), func(s *spec) {
		s.Solve = append(s.Solve[:4], s.Solve[5:]...)
		s.Rest = rest(bodyTorso, bodyFootPart, bodyHandPart)
		s.Emph = []bodyPartKind{bodyHeadPart, bodyNeckPart}
	}),
	with(hookLying("glute-bridge-start", "Bridge, start: lying on the back, knees bent, feet flat, arms by the sides",
		bodyAngles{}), func(s *spec) {
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{0, 15}, Via: bodyVec{0, 24}, To: bodyVec{0, 33}}}
		s.Emph = []bodyPartKind{bodyThighPart}
	}),
	with(hookLying("glute-bridge-finish", "Bridge, finish: hips lifted until shoulders, hips and knees are in one line",
		// The hips straighten (hip 0: the thighs in line with the trunk)
		// and the upper back stays on the mat, bending forward over the
		// shoulder blades (solved) so the shoulders stay where they were.
		bodyAngles{Thoracic: -14}), func(s *spec) {
		s.Angles.Near.Hip = 0
		s.Solve[0] = solve{trunk, 180, 240, levelOf(bodyFootPart, bodyTorso)}
		s.Solve[2].Param, s.Solve[2].Lo, s.Solve[2].Hi = thoracic, -40, 10
		s.Emph = []bodyPartKind{bodyThighPart}
	}),
	with(hookLying("knee-to-chest-start", "Knee to chest, start: lying on the back, knees bent, feet flat",
		bodyAngles{}), func(s *spec) {
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{38, 39}, Via: bodyVec{26, 48}, To: bodyVec{11, 45}}}
		s.EmphRefs = rest(bodyThighPart, bodyShankPart)
	}),
	oneLegHook("knee-to-chest-finish", "Knee to chest, finish: one knee drawn up to the chest with both hands, the other foot flat",
		// The near (right) hip and knee bend fully (120° and 125°) and the
		// hands hold the shin just below the knee (solved).
		bodyLimbAngles{Hip: 118, Knee: 125, Ankle: -35, Shoulder: 60, Elbow: 60, Wrist: -75},
		solve{shoulder, 0, 120, atOf(jointWrist, false, jointKnee, 0, 6)},
		solve{elbow, 0, 145, atOf(jointWrist, false, jointKnee, 1, 5)},
	),
	with(oneLegHook("straight-leg-raise-start", "Straight leg raise, start: lying on the back, left knee bent, right leg straight on the mat",
		// The straight leg rests on its heel (hip solved), toes up.
		bodyLimbAngles{Shoulder: -10, Elbow: 2, Wrist: 5},
		solve{hip, -20, 10, levelOf(bodyFootPart, bodyTorso)},
		solve{shoulder, -40, 40, levelOf(bodyHandPart, bodyTorso)},
	), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyFootPart}, ref{Kind: bodyHandPart})
		s.Arrows = []arrowMark{{At: 0, From: bodyVec{70, 16}, Via: bodyVec{74, 30}, To: bodyVec{70, 44}}}
	}),
	with(oneLegHook("straight-leg-raise-finish", "Straight leg raise, finish: the straight right leg lifted to the height of the left knee",
		bodyLimbAngles{Hip: 30, Shoulder: -10, Elbow: 2, Wrist: 5},
		solve{shoulder, -40, 40, levelOf(bodyHandPart, bodyTorso)},
	), func(s *spec) {
		s.Rest = append(s.Rest, ref{Kind: bodyHandPart})
	}),
	{
		Name: "mountain-front", Desc: "Standing tall, front view, feet hip-width, arms by the sides",
		View:   front,
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Hip: 1.5, Shoulder: 5}},
		Rest:   rest(bodyFootPart),
	},
	{
		Name: "mountain-side", Desc: "Standing tall, side view, ear, shoulder, hip, knee and ankle on one plumb line",
		Angles: bodyAngles{Trunk: 90, Near: bodyLimbAngles{Elbow: 5}},
		Rest:   rest(bodyFootPart),
		Plumb:  true,
	},
}
