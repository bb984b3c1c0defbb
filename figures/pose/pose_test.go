package pose

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// contactTolerance is how close (cm) a resting part must come to the
// surface, and how far a body may be from or cut into a prop.
const contactTolerance = 1.0

func figure(t *testing.T, name string) solvedFigure {
	t.Helper()
	fig, err := build(lookup(name))
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

func TestPoseJointRanges(t *testing.T) {
	for _, name := range BuiltinNames() {
		spec := lookup(name)
		fig := figure(t, name)
		for _, r := range ranges(spec) {
			if v := r.Get(fig.Angles); v < r.Min-1e-6 || v > r.Max+1e-6 {
				t.Errorf("%s: %s is %.1f°, outside %g to %g", name, r.Joint, v, r.Min, r.Max)
			}
		}
	}
}

func TestPoseContacts(t *testing.T) {
	all := func(bodyPart) bool { return true }
	for _, name := range BuiltinNames() {
		spec := lookup(name)
		fig := figure(t, name)
		if spec.Above {
			continue // seen from above: the mat is under the body, in depth
		}
		// The body rests on the mat or floor (y = 0) and nothing goes below.
		if lo, _ := extent(fig.Parts, all); math.Abs(lo.Y) > 0.05 {
			t.Errorf("%s: lowest body point at %.2f cm, want on the surface at 0", name, lo.Y)
		}
		for _, r := range spec.Rest {
			if y := fig.lowest(r); y > contactTolerance {
				t.Errorf("%s: %v is %.2f cm above the surface, want resting on it", name, r, y)
			}
		}
		for i, p := range fig.Props {
			if p.C.Y-p.R != 0 {
				t.Errorf("%s: the %v is not on the floor", name, p.Kind)
			}
			if spec.behind(i) {
				continue // contact in depth, which the view cannot show
			}
			c := fig.clearance(i)
			if by := spec.Props[i].By; by != nil {
				c = fig.clearanceOf(i, func(p bodyPart) bool { return !p.Kind.bodyArm() || slices.Contains(by, p.Kind) })
			}
			if c > contactTolerance && !spec.Props[i].Free {
				t.Errorf("%s: body %.2f cm clear of the %v, want touching", name, c, p.Kind)
			}
			if c < -contactTolerance {
				t.Errorf("%s: body cuts %.2f cm into the %v", name, -c, p.Kind)
			}
		}
	}
}

// TestPosePlumb checks the standing side view: ear, shoulder, hip, knee and
// ankle on one vertical line, the plumb line drawn through them.
func TestPosePlumb(t *testing.T) {
	fig := figure(t, "mountain-side")
	sk := fig.Skel
	j := sk.Limbs[0]
	for _, p := range []struct {
		name string
		at   bodyVec
	}{{"ear", sk.Head}, {"shoulder", sk.Shoulder}, {"hip", sk.Hip}, {"knee", j.Knee}} {
		if d := math.Abs(p.at.X - j.Ankle.X); d > 1 {
			t.Errorf("%s is %.1f cm off the plumb line through the ankle", p.name, d)
		}
	}
}

// TestPoseHeadTurn checks that the two head-turned panels show different
// sides of the head: the face towards the viewer, then the back of it.
func TestPoseHeadTurn(t *testing.T) {
	right := figure(t, "prone-head-turned-right")
	left := figure(t, "prone-head-turned-left")
	if v := right.Skel.headView(); v != bodyHeadFace {
		t.Errorf("turned right shows head view %d, want the face", v)
	}
	if v := left.Skel.headView(); v != bodyHeadBack {
		t.Errorf("turned left shows head view %d, want the back of the head", v)
	}
}

// TestPoseArmsBesideHead checks that when the face looks up (lying on the
// back), an arm reaching past the head goes by the ear, as a real arm
// beside the head does, and not across the space in front of the face:
// where the arm's centre line lies within the head's height, it may be at
// most 4 cm forward of the ear. A head hanging down between the arms (on
// all fours, the wheel) is behind them in a side view, as in a photo.
func TestPoseArmsBesideHead(t *testing.T) {
	for _, name := range BuiltinNames() {
		fig := figure(t, name)
		sk := fig.Skel
		up, fwd := bodyDir(sk.HeadDir), bodyDir(sk.HeadDir-90)
		if fig.Spec.View != side || sk.headView() != bodyHeadProfile || fwd.Y < 0.3 {
			continue
		}
		j := sk.Limbs[0]
		line := []bodyVec{j.Shoulder, j.Elbow, j.Wrist, j.Fingertip}
		for k := 0; k+1 < len(line); k++ {
			for i := 0; i <= 20; i++ {
				p := line[k].add(line[k+1].sub(line[k]).mul(float64(i) / 20))
				d := p.sub(sk.Head)
				a, b := d.X*fwd.X+d.Y*fwd.Y, d.X*up.X+d.Y*up.Y
				if b > -8 && b < 13.6 && a > 4 {
					t.Errorf("%s: the arm crosses the face %.1f cm forward of the ear", name, a)
					k = len(line)
					break
				}
			}
		}
	}
}

// TestPoseHeadSupported checks that a head beyond a prop under the back
// does not hang: the neck stays within 20° of the upper trunk's line
// unless the prop itself holds the head.
func TestPoseHeadSupported(t *testing.T) {
	head := func(p bodyPart) bool { return p.Kind == bodyHeadPart }
	for _, name := range BuiltinNames() {
		fig := figure(t, name)
		for i, p := range fig.Props {
			// Only a prop the back rests on can leave the head hanging.
			if pr := fig.Spec.Props[i]; pr.By != nil || pr.Free || fig.Spec.behind(i) || fig.clearanceOf(i, head) <= contactTolerance {
				continue
			}
			if ext := fig.Angles.Neck + fig.Angles.Head; ext > 20 {
				t.Errorf("%s: the head hangs back %.0f° beyond the %v, want 20° at most or resting on it", name, ext, p.Kind)
			}
		}
	}
}

// TestPoseBackOnProp checks that every towel, roller and ball carries the
// back: the trunk's outline touches it. A head alone resting on a ball
// leaves the spine unsupported, which is not the exercise.
func TestPoseBackOnProp(t *testing.T) {
	torso := func(p bodyPart) bool { return p.Kind == bodyTorso }
	for _, name := range BuiltinNames() {
		fig := figure(t, name)
		for i, p := range fig.Props {
			if fig.Spec.Props[i].Free || fig.Spec.Props[i].By != nil || fig.Spec.behind(i) {
				continue
			}
			if c := fig.clearanceOf(i, torso); c > contactTolerance {
				t.Errorf("%s: the back is %.1f cm clear of the %v, want resting on it", name, c, p.Kind)
			}
		}
	}
}

// TestPosePairsStillParts checks that between the start and the finish of
// an exercise only the joints named as moving move: every other joint of
// both sides is within 1 mm, so the two panels differ in one place.
func TestPosePairsStillParts(t *testing.T) {
	joints := []joint{jointHip, jointKnee, jointAnkle, jointShoulder, jointElbow, jointWrist, jointFingertip, jointHead}
	for _, pair := range pairs {
		start, finish := figure(t, pair.Start), figure(t, pair.Finish)
		for _, far := range []bool{false, true} {
			for _, j := range joints {
				moving := false
				for _, m := range pair.Moving {
					moving = moving || m == j
				}
				for _, m := range pair.MovingNear {
					moving = moving || (m == j && !far)
				}
				for _, m := range pair.MovingFar {
					moving = moving || (m == j && far)
				}
				if moving || (far && j == jointHead) {
					continue
				}
				a, b := start.Skel.joint(j, far), finish.Skel.joint(j, far)
				if d := b.sub(a).length(); d > 0.1 {
					side := "near"
					if far {
						side = "far"
					}
					t.Errorf("%s → %s: the %s %v moves %.1f cm, want it still", pair.Start, pair.Finish, side, j, d)
				}
			}
		}
	}
}

// TestPosePairsNamed checks that every pair's panels exist and that the
// panels are named ID-start and ID-finish.
func TestPosePairsNamed(t *testing.T) {
	for _, pair := range pairs {
		id, ok := strings.CutSuffix(pair.Start, "-start")
		if !ok || pair.Finish != id+"-finish" {
			t.Errorf("pair %s / %s: want ID-start and ID-finish", pair.Start, pair.Finish)
		}
		if lookup(pair.Start) == nil || lookup(pair.Finish) == nil {
			t.Errorf("pair %s / %s: a panel is missing", pair.Start, pair.Finish)
		}
	}
}
