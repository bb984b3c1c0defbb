package content

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestParseDose(t *testing.T) {
	cases := []struct {
		in   string
		want Dose
		err  string
	}{
		{in: "reps 5; hold 10 s", want: Dose{Reps: "5", Hold: "10 s"}},
		{in: "Dose: sets 2; daily 3", want: Dose{Sets: "2", PerDay: "3"}},
		{in: "side: left; rest 30 s", want: Dose{Side: "left", Rest: "30 s"}},
		{in: "rep 5", err: `dose key "rep" is unknown`},
		{in: "reps", err: `dose "reps" has no value`},
		{in: "reps 5; reps 6", err: `dose gives "reps" twice`},
		{in: "  ", err: `"Dose:" has nothing after it`},
	}
	for _, c := range cases {
		d, err := ParseDose(c.in, Pos{})
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseDose(%q) error = %v, want %q", c.in, err, c.err)
			}
			if err != nil && strings.HasPrefix(err.Error(), ":") {
				t.Errorf("ParseDose(%q) error %q starts with a position that is not there", c.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDose(%q): %v", c.in, err)
			continue
		}
		if *d != c.want {
			t.Errorf("ParseDose(%q) = %+v, want %+v", c.in, *d, c.want)
		}
	}
	if _, err := ParseDose("rep 5", Pos{File: "patients.csv", Line: 17}); err == nil || !strings.HasPrefix(err.Error(), "patients.csv:17: ") {
		t.Errorf("error with a position = %v, want it to start with patients.csv:17:", err)
	}
}

// doseBlocks returns the *Dose blocks of a section.
func doseBlocks(s Section) []*Dose {
	var ds []*Dose
	for _, b := range s.Blocks {
		if d, ok := b.(*Dose); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

func sectionByID(t *testing.T, h *Handout, id string) Section {
	t.Helper()
	for _, s := range h.Sections {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %q", id)
	return Section{}
}

func TestWithDoses(t *testing.T) {
	h, err := BuiltinHandout("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	before, err := BuiltinHandout("mid-back-pain", "") // an untouched twin to compare with
	if err != nil {
		t.Fatal(err)
	}
	got, err := WithDoses(h, map[string]string{
		"cat-and-cow":    "reps 8; daily 2",
		"the-wheel-pose": "hold 3 breaths", // has no dose: one is added
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(h, before) {
		t.Fatal("WithDoses changed the handout it was given")
	}

	cat := sectionByID(t, got, "cat-and-cow")
	if cat.Dose == nil || cat.Dose.Reps != "8" || cat.Dose.PerDay != "2" || cat.Dose.Sets != "" {
		t.Fatalf("cat-and-cow dose = %+v, want reps 8, daily 2 and nothing else", cat.Dose)
	}
	if ds := doseBlocks(cat); len(ds) != 1 || ds[0] != cat.Dose {
		t.Errorf("cat-and-cow: the dose block is not the section's dose (%d dose blocks)", len(ds))
	}
	orig := sectionByID(t, h, "cat-and-cow")
	if len(cat.Blocks) != len(orig.Blocks) {
		t.Errorf("cat-and-cow has %d blocks, want %d (the dose replaced in place)", len(cat.Blocks), len(orig.Blocks))
	}
	for i := range orig.Blocks {
		if _, isDose := orig.Blocks[i].(*Dose); !isDose && cat.Blocks[i] != orig.Blocks[i] {
			t.Errorf("block %d was copied or moved; only the dose should change", i)
		}
	}

	wheel := sectionByID(t, got, "the-wheel-pose")
	ds := doseBlocks(wheel)
	if len(ds) != 1 || ds[0] != wheel.Dose || wheel.Dose.Hold != "3 breaths" {
		t.Fatalf("the-wheel-pose: dose %+v in %d blocks, want one added dose", wheel.Dose, len(ds))
	}
	for i, b := range wheel.Blocks {
		if b == Block(wheel.Dose) {
			if l, ok := wheel.Blocks[i-1].(*List); !ok || !l.Ordered {
				t.Errorf("added dose follows a %T, want the steps", wheel.Blocks[i-1])
			}
		}
	}

	// Sections not named are shared, not copied.
	if &got.Sections[1].Blocks[0] != &h.Sections[1].Blocks[0] {
		t.Error("an unchanged section's blocks were copied")
	}
	if same, err := WithDoses(h, nil); err != nil || same != h {
		t.Errorf("WithDoses(h, nil) = %p, %v; want h itself", same, err)
	}
}

func TestWithDosesErrors(t *testing.T) {
	h, err := BuiltinHandout("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		overrides map[string]string
		want      []string
	}{
		{map[string]string{"cat-cow": "reps 5"}, []string{`no exercise "cat-cow"`, "cat-and-cow", "face-down-back-bends"}},
		{map[string]string{"introduction": "reps 5"}, []string{`no exercise "introduction"`}},
		{map[string]string{"cat-and-cow": "rep 5"}, []string{`dose for "cat-and-cow"`, `dose key "rep" is unknown`}},
		{map[string]string{"cat-and-cow": ""}, []string{`dose for "cat-and-cow"`, "nothing after it"}},
	}
	for _, c := range cases {
		_, err := WithDoses(h, c.overrides)
		if err == nil {
			t.Errorf("WithDoses(%v) succeeded", c.overrides)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("WithDoses(%v) = %q, want it to contain %q", c.overrides, err, w)
			}
		}
	}
}

// TestWithDosesConcurrent overrides one shared handout from many
// goroutines, as a batch's workers do; go test -race checks it.
func TestWithDosesConcurrent(t *testing.T) {
	h, err := BuiltinHandout("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			reps := strings.Repeat("1", i+1)
			got, err := WithDoses(h, map[string]string{"cat-and-cow": "reps " + reps})
			if err != nil {
				t.Error(err)
				return
			}
			if d := sectionByID(t, got, "cat-and-cow").Dose; d.Reps != reps {
				t.Errorf("reps = %q, want %q", d.Reps, reps)
			}
		})
	}
	wg.Wait()
}
