package figures

import (
	"math"
	"testing"
)

// poseContactTolerance is how close (cm) a resting part must come to the
// surface, and how far a body may be from or cut into a prop.
const poseContactTolerance = 1.0

func builtinFigure(t *testing.T, name string) poseFigure {
	t.Helper()
	fig, err := poseBuild(builtinLookup(name))
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

func TestPoseJointRanges(t *testing.T) {
	t.Parallel()
	for _, name := range BuiltinNames() {
		spec := builtinLookup(name)
		fig := builtinFigure(t, name)
		for _, r := range poseRanges(spec) {
			if v := r.Get(fig.Angles); v < r.Min-1e-6 || v > r.Max+1e-6 {
				t.Errorf("%s: %s is %.1f°, outside %g to %g", name, r.Joint, v, r.Min, r.Max)
			}
		}
	}
}

func TestPoseContacts(t *testing.T) {
	t.Parallel()
	all := func(bodyPart) bool { return true }
	for _, name := range BuiltinNames() {
		spec := builtinLookup(name)
		fig := builtinFigure(t, name)
		// The body rests on the mat or floor (y = 0) and nothing goes below.
		if lo, _ := poseExtent(fig.Parts, all); math.Abs(lo.Y) > 0.05 {
			t.Errorf("%s: lowest body point at %.2f cm, want on the surface at 0", name, lo.Y)
		}
		for _, r := range spec.Rest {
			if y := fig.lowest(r); y > poseContactTolerance {
				t.Errorf("%s: %v is %.2f cm above the surface, want resting on it", name, r, y)
			}
		}
		for i, p := range fig.Props {
			c := fig.clearance(i)
			if c > poseContactTolerance {
				t.Errorf("%s: body %.2f cm clear of the %v, want touching", name, c, p.Kind)
			}
			if c < -poseContactTolerance {
				t.Errorf("%s: body cuts %.2f cm into the %v", name, -c, p.Kind)
			}
			if p.C.Y-p.R != 0 {
				t.Errorf("%s: the %v is not on the floor", name, p.Kind)
			}
		}
	}
}

// TestPosePlumb checks the standing side view: ear, shoulder, hip, knee and
// ankle on one vertical line, the plumb line drawn through them.
func TestPosePlumb(t *testing.T) {
	t.Parallel()
	fig := builtinFigure(t, "mountain-side")
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
	t.Parallel()
	right := builtinFigure(t, "prone-head-turned-right")
	left := builtinFigure(t, "prone-head-turned-left")
	if v := right.Skel.headView(); v != bodyHeadFace {
		t.Errorf("turned right shows head view %d, want the face", v)
	}
	if v := left.Skel.headView(); v != bodyHeadBack {
		t.Errorf("turned left shows head view %d, want the back of the head", v)
	}
}
