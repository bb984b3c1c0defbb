package pose

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"handout/internal/golden"
)

// TestBuiltinDrawingsData solves every pose and checks that
// builtin_drawings.bin holds exactly those drawings, float for float;
// -update (go generate ./figures/pose) rewrites it. Drawings are compared, not
// bytes: another Go release may compress the same drawings differently.
func TestBuiltinDrawingsData(t *testing.T) {
	t.Parallel()
	const path = "builtin_drawings.bin"
	if golden.Update() {
		data, err := data(BuiltinNames(), drawPose)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range BuiltinNames() {
		solved, err := drawPose(name)
		if err != nil {
			t.Fatal(err)
		}
		if d, ok := storedDrawing(stored, name); !ok || !reflect.DeepEqual(d, solved) {
			t.Errorf("%s in %s is not what its pose solves to (stored: %v); run go generate ./figures/pose", name, path, ok)
		}
	}
	if got, want := storedNames(stored), BuiltinNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("%s holds %q, want %q; run go generate ./figures/pose", path, got, want)
	}
	if !golden.Update() && !bytes.Equal(stored, drawingsData) {
		t.Errorf("the embedded %s is not the file on disk", path)
	}
}

// storedNames lists the drawings data holds, in order.
func storedNames(data []byte) []string {
	var names []string
	rest := data[len(dataMagic):]
	for len(rest) >= 6 {
		n := int(rest[0]) | int(rest[1])<<8
		names = append(names, string(rest[2:2+n]))
		size := int(rest[2+n]) | int(rest[3+n])<<8 | int(rest[4+n])<<16 | int(rest[5+n])<<24
		rest = rest[2+n+4+size:]
	}
	return names
}

// TestBuiltinDataRoundTrip checks that a stored drawing is the solved one,
// bit for bit, and that damaged data is refused rather than misread.
func TestBuiltinDataRoundTrip(t *testing.T) {
	t.Parallel()
	names := BuiltinNames()[:3]
	data, err := data(names, drawPose)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		solved, _ := drawPose(name)
		stored, ok := storedDrawing(data, name)
		if !ok || !reflect.DeepEqual(solved, stored) {
			t.Errorf("%s: stored drawing differs from the solved one", name)
		}
	}
	if _, ok := storedDrawing(data, "wheel-pose"); ok {
		t.Error("found a drawing the data does not hold")
	}
	last := names[len(names)-1]
	for cut := len(dataMagic); cut < len(data); cut += 97 {
		if _, ok := storedDrawing(data[:cut], last); ok {
			t.Fatalf("data cut at %d of %d bytes was read", cut, len(data))
		}
	}
	if _, ok := storedDrawing(bytes.Replace(data, []byte(dataMagic), []byte("not drawings\n\n\n\n\n\n"), 1), names[0]); ok {
		t.Error("data without the magic line was read")
	}
}

func BenchmarkBuiltinStored(b *testing.B) {
	for b.Loop() {
		if _, ok := storedDrawing(drawingsData, "mountain-side"); !ok {
			b.Fatal("not stored")
		}
	}
}

func BenchmarkBuiltinSolved(b *testing.B) {
	for b.Loop() {
		if _, err := drawPose("mountain-side"); err != nil {
			b.Fatal(err)
		}
	}
}
