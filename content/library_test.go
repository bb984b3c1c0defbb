package content

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLibraryFolder: a clinic's folder adds exercises and protocols and
// replaces a built-in exercise by giving its id; the replaced exercise's
// aliases go with it.
func TestLibraryFolder(t *testing.T) {
	dir := filepath.Join("testdata", "library")
	l, err := LoadLibrary(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	builtin := builtinLibrary(t)
	if got, want := len(l.Exercises()), len(builtin.Exercises())+1; got != want {
		t.Errorf("%d exercises, want %d (the built-in ones, one replaced, and one added)", got, want)
	}
	e, err := l.Exercise("chin-tuck", "")
	if err != nil || e.Name != "Chin tuck, lying down" || e.Source != filepath.Join(dir, "exercises", "chin-tuck.md") {
		t.Errorf("chin-tuck: %+v, %v; want the clinic's", e, err)
	}
	if _, err := l.Exercise("neck retraction", ""); err == nil {
		t.Error("the replaced built-in chin tuck's alias still finds an exercise")
	}
	if e, err := l.Exercise("lying chin tuck", ""); err != nil || e.ID != "chin-tuck" {
		t.Errorf("the clinic's alias: %v, %v", e, err)
	}
	w, err := l.Exercise("wall-push", "")
	if err != nil {
		t.Fatal(err)
	}
	if w.Dir != filepath.Join(dir, "exercises") {
		t.Errorf("wall-push's photos are relative to %q, want its folder", w.Dir)
	}
	p, err := l.Protocol("desk", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 3 || p.Items[1].Dose == nil || p.Items[1].Dose.Sets != "2" || p.Items[2].ID != "Press up" {
		t.Errorf("desk protocol %+v", p.Items)
	}
	if _, err := l.Protocol("neck-pain", ""); err != nil {
		t.Errorf("the built-in protocols stay: %v", err)
	}
}

// writeFiles makes a folder of files for a test.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLibraryFolderErrors(t *testing.T) {
	other := strings.Replace(validExercise, "name: Wall push-up", "name: Another", 1)
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"duplicate id", map[string]string{"a.md": validExercise, "sub/b.md": other},
			[]string{filepath.Join("sub", "b.md") + `:2: exercise id "wall-push" is also the id of `, "a.md (line 2)"}},
		{"duplicate alias", map[string]string{"a.md": validExercise, "b.md": strings.Replace(other, "id: wall-push", "id: wall-push-2", 1)},
			[]string{`b.md:2: alias "wall press" is also an alias of wall-push in `}},
		{"duplicate protocol", map[string]string{"p.yaml": "id: p\nname: P\nexercises: [chin-tuck]\n", "q.yml": "id: p\nname: Q\nexercises: [chin-tuck]\n"},
			[]string{`q.yml:1: protocol id "p" is also the id of `, "p.yaml (line 1)"}},
		{"unknown exercise", map[string]string{"p.yaml": "id: p\nname: P\nexercises:\n  - chin-tuck\n  - chin-tuk\n"},
			[]string{`p.yaml:5: no exercise "chin-tuk" in the library; did you mean chin-tuck?`}},
		{"bad protocol", map[string]string{"p.yaml": "id: p\nname: P\nexercises:\n  - id: chin-tuck\n    dose: reps\n"},
			[]string{`p.yaml:5: dose: dose "reps" has no value`}},
		{"protocol without exercises", map[string]string{"p.yaml": "id: p\nname: P\n"},
			[]string{`p.yaml:1: a protocol lists its exercises`}},
		{"exercise that does not parse", map[string]string{"x.md": "id: x\n"},
			[]string{`x.md:1: the file must start with front matter: a "---" line, then "id: …"`}},
		{"the same exercise twice", map[string]string{"p.yaml": "id: p\nname: P\nexercises: [chin-tuck, bird-dog, neck retraction]\n"},
			[]string{`p.yaml:3: chin-tuck is listed twice; keep one`}},
	} {
		dir := writeFiles(t, c.files)
		_, err := LoadLibrary(dir, nil)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, want := range c.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error\n%v\nwant it to contain %q", c.name, err, want)
			}
		}
	}
}

// TestLibraryFolderSkips: hidden files and folders and files that are
// neither exercises nor protocols are not read.
func TestLibraryFolderSkips(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".git/x.md": "not an exercise", ".notes.md": "nor this", "photos/a.jpg": "not read", "wall.md": validExercise,
	})
	l, err := LoadLibrary(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Exercise("wall-push", ""); err != nil {
		t.Error(err)
	}
}

// TestLibraryFolderConfined: a link that leads out of the folder is
// refused, as every file named inside another is (internal/inputfile).
func TestLibraryFolderConfined(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := writeFiles(t, map[string]string{"secret.md": validExercise})
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLibrary(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "link.md: leads outside") {
		t.Errorf("error %v, want link.md: leads outside the folder", err)
	}
}

func TestLibraryFolderMissing(t *testing.T) {
	_, err := LoadLibrary(filepath.Join(t.TempDir(), "nope"), nil)
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "library folder") {
		t.Errorf("error %v, want one naming the library folder", err)
	}
}

// TestLibraryLookup: ids, aliases (case and spacing aside) and the
// closest ids for an unknown one.
func TestLibraryLookup(t *testing.T) {
	l := builtinLibrary(t)
	for name, want := range map[string]string{
		"prone-press-up": "prone-press-up", "press-up": "prone-press-up", "Press up": "prone-press-up",
		"prone extension": "prone-press-up", "Open Book": "thoracic-rotation", "CHIN-TUCK": "chin-tuck",
	} {
		e, err := l.Exercise(name, "")
		if err != nil || e.ID != want {
			t.Errorf("Exercise(%q) = %v, %v; want %s", name, e, err, want)
		}
	}
	_, err := l.Exercise("chin-tuk", "")
	var u *UnknownError
	if !errors.As(err, &u) || len(u.Closest) == 0 || u.Closest[0] != "chin-tuck" {
		t.Errorf("chin-tuk: %v, want chin-tuck first among the closest", err)
	}
	if got := l.ClosestExercises("bridge-glute", 3); len(got) == 0 {
		t.Errorf("no suggestion for bridge-glute")
	}
	if got := l.ClosestExercises("hamstring", 3); len(got) == 0 || got[0] != "hamstring-stretch" {
		t.Errorf("hamstring: %v, want hamstring-stretch first", got)
	}
	if got := l.ClosestExercises("zzzzzzzz", 3); len(got) != 0 {
		t.Errorf("zzzzzzzz: %v, want nothing", got)
	}
	if _, err := l.Protocol("neck", ""); err == nil || !strings.Contains(err.Error(), "did you mean neck-pain") {
		t.Errorf("protocol neck: %v", err)
	}
}

func TestLibrarySearch(t *testing.T) {
	l := builtinLibrary(t)
	ids := func(es []*Exercise) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	got := ids(l.Search(Query{Text: "press up"}))
	if len(got) == 0 || got[0] != "prone-press-up" {
		t.Errorf("press up: %v, want prone-press-up first", got)
	}
	neck := ids(l.Search(Query{Region: "neck"}))
	if len(neck) < 6 {
		t.Errorf("region neck: %v", neck)
	}
	for _, e := range l.Search(Query{Region: "neck"}) {
		if !matchesOne("neck", e.Regions) {
			t.Errorf("%s is not for the neck", e.ID)
		}
	}
	band := ids(l.Search(Query{Equipment: "resistance band", Region: "shoulder"}))
	if strings.Join(band, " ") != "band-row band-external-rotation" && strings.Join(band, " ") != "band-external-rotation band-row" {
		t.Errorf("band and shoulder: %v", band)
	}
	if got := ids(l.Search(Query{Position: "all-fours"})); strings.Join(got, " ") != "bird-dog cat-cow" {
		t.Errorf("all fours: %v", got)
	}
	if got := ids(l.Search(Query{Condition: "Sciatica", Text: "stretch"})); len(got) == 0 {
		t.Errorf("sciatica stretches: none")
	}
	if got := l.Search(Query{Text: "no such thing"}); len(got) != 0 {
		t.Errorf("no such thing: %v", ids(got))
	}
}
