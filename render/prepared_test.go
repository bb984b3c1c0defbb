package render

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"handout/figures/photo"
	"handout/layout"
)

var updateSeed = flag.Bool("update-seed", false, "rewrite render/prepared (go generate ./render)")

// makeSeed prepares the sample clinic's logo, as Engine.Layout asks for
// it, for every style and photo preset, in colour and in gray, into the
// cache folder dir.
func makeSeed(t *testing.T, dir string) {
	t.Helper()
	c, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	lt, err := logoTask(c)
	if err != nil {
		t.Fatal(err)
	}
	p := photo.NewPreparer(dir, nil)
	for _, name := range layout.StyleNames() {
		st, err := layout.StyleByName(name)
		if err != nil {
			t.Fatal(err)
		}
		w, h := st.LogoBox(lt.photo.PxW, lt.photo.PxH)
		for preset := photo.PresetPrint; preset <= photo.PresetEmailGray; preset++ {
			for _, gray := range []bool{false, true} {
				if _, err := p.Prepare(lt.source, lt.logo, logoOptions(preset, gray, w, h)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestPreparedSeed prepares the sample logo again and checks that
// render/prepared holds exactly those files; -update-seed (go generate
// ./render) rewrites it.
func TestPreparedSeed(t *testing.T) {
	if *updateSeed {
		old, err := fs.Glob(os.DirFS("prepared"), "*/*.fig")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range old {
			if err := os.Remove(filepath.Join("prepared", f)); err != nil {
				t.Fatal(err)
			}
		}
		makeSeed(t, "prepared")
	}
	fresh := t.TempDir()
	makeSeed(t, fresh)
	want := seedFiles(t, os.DirFS(fresh))
	got := seedFiles(t, preparedSeed())
	if *updateSeed {
		got = seedFiles(t, os.DirFS("prepared"))
	}
	if !slices.Equal(keys(got), keys(want)) {
		t.Fatalf("render/prepared holds %q, want %q: run go generate ./render", keys(got), keys(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("render/prepared/%s differs from the logo prepared now: run go generate ./render", name)
		}
	}
}

// TestSeedIsUsed: an engine prepares the sample logo without decoding it.
func TestSeedIsUsed(t *testing.T) {
	e := newTestEngine(t)
	c, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	for preset := photo.PresetPrint; preset <= photo.PresetEmailGray; preset++ {
		for _, gray := range []bool{false, true} {
			if err := e.CheckLogo(c, preset, gray, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := e.prepared.Decodes(); n != 0 {
		t.Errorf("the sample logo was decoded %d times, want 0 (prepared ahead)", n)
	}
}

func seedFiles(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "README.md" {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		files[filepath.ToSlash(path)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string][]byte) []string {
	var k []string
	for name := range m {
		k = append(k, name)
	}
	slices.Sort(k)
	return k
}
