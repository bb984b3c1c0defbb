package render

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"handout/internal/pdftest"
	"handout/internal/pdfua"
)

// pdfuaKnownFailures are the PDF/UA conditions (internal/pdfua) the golden
// PDFs fail today, each with why. The list may only shrink: a condition
// that a golden newly fails, or one listed that no golden fails any more,
// fails TestGolden. None is known today: every golden passes every
// check (docs/accessibility.md).
var pdfuaKnownFailures = map[string]string{}

// pdfuaReport collects what internal/pdfua finds in the golden PDFs, which
// TestGolden's subtests check side by side.
type pdfuaReport struct {
	mu      sync.Mutex
	seen    map[string]bool // conditions some golden fails
	checked int             // goldens checked
}

// check runs the checks on one golden and fails t for a condition that is
// not a known failure. With -v it reports the problems by condition.
func (r *pdfuaReport) check(t *testing.T, name string, pdfBytes []byte) {
	t.Helper()
	problems := pdfua.Check(pdfBytes)
	byCondition := map[string][]pdfua.Problem{}
	for _, p := range problems {
		byCondition[p.Condition] = append(byCondition[p.Condition], p)
	}
	var summary []string
	for _, cond := range slices.Sorted(maps.Keys(byCondition)) {
		ps := byCondition[cond]
		summary = append(summary, fmt.Sprintf("%s ×%d", cond, len(ps)))
		if _, known := pdfuaKnownFailures[cond]; !known {
			for _, p := range ps {
				t.Errorf("PDF/UA: %s (docs/accessibility.md)", p)
			}
		}
	}
	t.Logf("PDF/UA: %s: %d problems: %s", name, len(problems), strings.Join(summary, ", "))
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	for cond := range byCondition {
		r.seen[cond] = true
	}
	r.checked++
}

// finish fails t for a known failure that no golden fails any more, once
// every golden was checked (not under -run for some of them).
func (r *pdfuaReport) finish(t *testing.T) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.checked < len(goldenCases) {
		return
	}
	for _, cond := range slices.Sorted(maps.Keys(pdfuaKnownFailures)) {
		if !r.seen[cond] {
			t.Errorf("PDF/UA: no golden fails %s any more (%s): remove it from pdfuaKnownFailures", cond, pdfuaKnownFailures[cond])
		}
	}
}

// BenchmarkPDFUACheck measures internal/pdfua on the built-in handout (7
// pages), what TestGolden adds to each golden.
func BenchmarkPDFUACheck(b *testing.B) {
	pdfBytes, _, err := newTestEngine(b).Render(goldenJob(b, goldenCases[0]))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		pdfua.Check(pdfBytes)
	}
}

// TestEveryKindPassesPDFUA makes the kinds of document the goldens do
// not: a programme in the article style, a programme in large print on
// A4 in gray without its tick log, a list row's packet in the article
// style; each must validate strictly, pass every PDF/UA check and, where
// poppler is installed (required with HANDOUT_POPPLER=1), read in order
// with the source's text (popplerProblems). The goldens cover the rest:
// handouts in every style, programmes as sheets and in large print,
// packets; TestEncryptedPDFUA the encrypted files.
func TestEveryKindPassesPDFUA(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	poppler := popplerReady(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		gc        goldenCase
		noTickLog bool
	}{
		{gc: goldenCase{name: "programme-article", source: "testdata/sheet-5.yaml", style: "article"}},
		{gc: goldenCase{name: "programme-large-print-a4-gray", source: "testdata/sheet-8.yaml", style: "large-print", paper: "a4", grayscale: true}, noTickLog: true},
		{gc: goldenCase{name: "packet-article", source: "testdata/packet-es.yaml", cover: true, style: "article", notes: "Empiece con los estiramientos."}},
	} {
		t.Run(tc.gc.name, func(t *testing.T) {
			t.Parallel()
			j := goldenJob(t, tc.gc)
			if tc.noTickLog {
				j.TickLog = false
			}
			pdfBytes, _, err := e.Render(j)
			if err != nil {
				t.Fatal(err)
			}
			pdftest.Validate(t, pdfBytes)
			for _, p := range pdfua.Check(pdfBytes) {
				t.Errorf("PDF/UA: %s", p)
			}
			if !poppler {
				return
			}
			path := filepath.Join(dir, tc.gc.name+".pdf")
			if err := os.WriteFile(path, pdfBytes, 0o600); err != nil {
				t.Fatal(err)
			}
			info, tree, err := pdfinfoStruct(path, "")
			if err != nil {
				t.Fatal(err)
			}
			want := popplerWanted(j)
			for _, p := range popplerProblems(want, info, tree) {
				t.Errorf("poppler: %s", p)
			}
			t.Logf("%s style: %d headings, %d steps, %d paragraphs read as written", j.Style, len(want.headings), len(want.steps), len(want.paragraphs))
		})
	}
}
