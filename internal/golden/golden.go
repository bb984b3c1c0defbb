// Package golden owns the -update flag that rewrites golden files, for
// the tests of every package in the module, and FirstDiff, which says
// where a text golden differs. Only tests import it.
//
// Why one package: `go test ./... -update` hands -update to every
// package's test binary, and a binary that does not define the flag
// fails with "flag provided but not defined: -update". So the flag is
// defined here, once, and every package with tests imports this
// package's tests: those with goldens read Update, the others import it
// for the flag alone (import _ "handout/internal/golden"), and
// TestEveryTestedPackageTakesUpdate keeps a new package from forgetting.
// A package must not define -update itself as well: the flag package
// panics on a flag defined twice.
package golden

import (
	"flag"
	"strconv"
	"strings"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ (go test ./... -update); look at what changed before committing")

// Update reports whether the tests were asked to rewrite their golden
// files instead of comparing with them.
func Update() bool { return *update }

// FirstDiff shows the first line in which got differs from want, for a
// test's message when a text golden (a dump, a help text) does not match.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return "(no line differs)"
}
