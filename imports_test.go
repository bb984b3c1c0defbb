package main

import (
	"go/build"
	"strings"
	"testing"
)

// TestFrontDoorsImportRenderOnly: the command line, batch and the web
// page reach the pipeline through render (and mail, and the internal
// helpers; the web page also through batch for a list), never
// through the stages behind it (content, figures, layout, the PDF
// writer): what a spec means and which settings are valid is decided in
// one place. An allow list, so that a new stage package is behind the
// door too.
func TestFrontDoorsImportRenderOnly(t *testing.T) {
	t.Parallel()
	allowed := map[string][]string{
		".":       {"handout/batch", "handout/render", "handout/serve", "handout/internal/"},
		"./batch": {"handout/render", "handout/mail", "handout/internal/"},
		"./serve": {"handout/render", "handout/batch", "handout/internal/"},
	}
	for dir, ok := range allowed {
		// Each platform the program is built for: a file for one of
		// them (batch's outofspace_windows.go) imports for it alone.
		for _, goos := range []string{"linux", "windows", "darwin"} {
			ctx := build.Default
			ctx.GOOS = goos
			pkg, err := ctx.ImportDir(dir, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range pkg.Imports { // without the tests' imports
				if strings.HasPrefix(imp, "handout/") && !allowedImport(imp, ok) {
					t.Errorf("%s (package %s, %s) imports %s; go through render instead", dir, pkg.Name, goos, imp)
				}
			}
		}
	}
}

// allowedImport reports whether imp is one of ok, or inside one ending
// in "/".
func allowedImport(imp string, ok []string) bool {
	for _, a := range ok {
		if imp == a || strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a) {
			return true
		}
	}
	return false
}
