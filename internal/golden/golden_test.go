package golden

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEveryTestedPackageTakesUpdate: every package of the module that has
// tests imports this package from them, so that `go test ./... -update`
// from the root reaches every test binary without "flag provided but not
// defined" (see the package comment).
func TestEveryTestedPackageTakesUpdate(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..") // the module, from internal/golden
	self := filepath.Join(root, "internal", "golden")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != root && (name == "testdata" || name == "third_party" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir // not packages of this module's tests
		}
		pkg, err := build.ImportDir(path, build.ImportComment)
		if err != nil {
			if _, none := err.(*build.NoGoError); none {
				return nil
			}
			return err
		}
		if len(pkg.TestGoFiles)+len(pkg.XTestGoFiles) == 0 || path == self {
			return nil
		}
		imports := append(slices.Clone(pkg.TestImports), pkg.XTestImports...)
		if !slices.Contains(imports, "handout/internal/golden") {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("the tests of ./%s do not import handout/internal/golden: go test ./... -update would fail there with \"flag provided but not defined\"", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
