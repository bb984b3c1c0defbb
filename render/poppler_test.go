package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"handout/content"
	"handout/layout"
)

// popplerNode is one line of `pdfinfo -struct-text`: an element (Role,
// with its ID and attributes), a piece of its marked content (Content,
// with the text poppler extracts from it) or an object reference (Object:
// a link's annotation).
type popplerNode struct {
	Role    string
	ID      string
	Attrs   []string // "/Scope /Column", "/ListNumbering /Decimal"
	Content bool
	Object  bool
	Text    string
	Kids    []*popplerNode
}

// popplerHeader is an element's line: its type, an optional <ID>, an
// optional "(block)" or "(inline)", and ":" when attribute lines follow.
var popplerHeader = regexp.MustCompile(`^([A-Za-z0-9]+)(?: <([^>]*)>)?(?: "[^"]*")?(?: r\d+)?(?: \((?:block|inline)\))?(:?)$`)

// parseStructText reads the tree `pdfinfo -struct-text` prints: two
// spaces of indent a level; attribute lines deeper and starting with "/"
// after an element line ending in ":"; content as a quoted line (a quote
// inside the text is printed as it is, so only the last one closes it).
func parseStructText(out string) (*popplerNode, error) {
	root := &popplerNode{}
	stack := []*popplerNode{root} // stack[d] is the latest node at depth d-1
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		text := strings.TrimLeft(line, " ")
		indent := len(line) - len(text)
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, "/") { // an attribute of the element above
			last := stack[len(stack)-1]
			last.Attrs = append(last.Attrs, text)
			continue
		}
		if indent%2 != 0 {
			return nil, fmt.Errorf("line %d: odd indent: %q", i+1, line)
		}
		depth := indent / 2
		if depth+1 > len(stack) {
			return nil, fmt.Errorf("line %d: indented past its parent: %q", i+1, line)
		}
		n := &popplerNode{}
		switch {
		case strings.HasPrefix(text, `"`):
			// Text with a line break goes on until a line ends in a quote.
			for !(len(text) >= 2 && strings.HasSuffix(text, `"`)) && i+1 < len(lines) {
				i++
				text += "\n" + lines[i]
			}
			n.Content, n.Text = true, strings.TrimSuffix(strings.TrimPrefix(text, `"`), `"`)
		case strings.HasPrefix(text, "Object "):
			n.Object = true
		case text == "(No content?)":
			n.Content = true
		default:
			m := popplerHeader.FindStringSubmatch(text)
			if m == nil {
				return nil, fmt.Errorf("line %d: not an element, content or object: %q", i+1, line)
			}
			n.Role, n.ID = m[1], m[2]
		}
		stack = stack[:depth+1]
		parent := stack[depth]
		parent.Kids = append(parent.Kids, n)
		stack = append(stack, n)
	}
	return root, nil
}

// text is what an element reads as: its content's text in tree order.
func (n *popplerNode) text() string {
	var b strings.Builder
	var walk func(n *popplerNode)
	walk = func(n *popplerNode) {
		if n.Content {
			b.WriteString(n.Text)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return sameText(b.String())
}

// walk visits the elements under n (not n, content or objects), with
// each one's parent.
func (n *popplerNode) walk(visit func(e, parent *popplerNode)) {
	for _, k := range n.Kids {
		if k.Role != "" {
			visit(k, n)
			k.walk(visit)
		}
	}
}

// sameText is s as the checks compare it: in NFC, with runs of white
// space as one space. A missing space still shows ("matPut").
func sameText(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// popplerStep is a numbered step as the author wrote it, whole.
type popplerStep struct{ label, text string }

// popplerWant is what poppler must find in one golden, from its job's
// content: the roles it must have, the handouts' titles (as H1s, in
// order), the headings, steps and paragraphs (in order, each with the
// source's text). A row style (sheet, large-print) leaves out the
// paragraphs before an exercise's steps and runs a callout's text into
// one line, so paragraphs are checked in the article style only.
type popplerWant struct {
	roles      []string
	titles     []string
	headings   []string // "H2 Cat and cow"
	steps      []popplerStep
	paragraphs []string
	notes      []string // "1. Bronfort G, …": each footnote, number first
}

// popplerGolden is one golden PDF with what poppler must find in it.
type popplerGolden struct {
	name string
	pdf  []byte
	want popplerWant
}

// popplerReport collects the golden PDFs, which TestGolden's subtests
// make side by side, to read them with pdfinfo once all are made.
type popplerReport struct {
	mu      sync.Mutex
	goldens []popplerGolden
}

func (r *popplerReport) add(name string, pdf []byte, j Job) {
	g := popplerGolden{name: name, pdf: pdf, want: popplerWanted(j)}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.goldens = append(r.goldens, g)
}

// popplerWanted is what the job's content says the structure tree holds.
func popplerWanted(j Job) popplerWant {
	var w popplerWant
	st, err := layout.StyleByName(j.Style)
	rows := err != nil || st.Sheet.Rows
	roles := map[string]bool{"Document": true, "H1": true, "P": true}
	if j.Cover != nil || j.TickLog {
		roles["Table"], roles["TR"], roles["TH"], roles["TD"] = true, true, true, true
	}
	spans := func(ss []content.Span) string {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(s.Text)
			if s.Link != "" {
				roles["Link"] = true
			}
			if s.FootnoteRef > 0 {
				roles["Reference"] = true
			}
		}
		return sameText(b.String())
	}
	var blocks func(bs []content.Block)
	blocks = func(bs []content.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *content.Heading:
				roles["H3"] = true
				w.headings = append(w.headings, "H3 "+spans(b.Text))
			case *content.Paragraph:
				if text := spans(b.Text); !rows {
					w.paragraphs = append(w.paragraphs, text)
				}
			case *content.List:
				roles["L"], roles["LI"], roles["Lbl"], roles["LBody"] = true, true, true, true
				for i, item := range b.Items {
					text := spans(item)
					if b.Ordered {
						w.steps = append(w.steps, popplerStep{label: fmt.Sprintf("%d.", b.Start+i), text: text})
					}
				}
			case *content.Figure:
				roles["Figure"] = true
				if len(b.Caption) > 0 {
					roles["Caption"] = true
				}
				for _, p := range b.Panels {
					if p.Caption != "" {
						roles["Caption"] = true
					}
				}
			case *content.Callout:
				roles["Div"] = true
				blocks(b.Blocks)
			}
		}
	}
	for _, hf := range j.Handouts {
		h := hf.Handout
		w.titles = append(w.titles, sameText(h.Meta.Title))
		for _, s := range h.Sections {
			if len(s.Title) > 0 {
				roles["H2"] = true
				w.headings = append(w.headings, "H2 "+spans(s.Title))
			}
			blocks(s.Blocks)
		}
		for _, r := range h.References {
			roles["Note"], roles["Reference"] = true, true
			w.notes = append(w.notes, sameText(fmt.Sprintf("%d. %s", r.Number, spans(r.Text))))
		}
	}
	w.roles = slices.Sorted(func(yield func(string) bool) {
		for r := range roles {
			if !yield(r) {
				return
			}
		}
	})
	return w
}

// popplerReady reports whether pdfinfo is there: the check is skipped
// without it, and required with HANDOUT_POPPLER=1 (.ci/run sets it). It
// is skipped under -short too: it adds about 6 s to TestGolden on the
// 2-core machine (-struct-text extracts each element's text on its own),
// and .ci/run's race step, the one run with -short, is about data races;
// its test step runs the check.
func popplerReady(t *testing.T) bool {
	t.Helper()
	if testing.Short() {
		t.Log("poppler check not run under -short")
		return false
	}
	_, err := exec.LookPath("pdfinfo")
	if err == nil {
		return true
	}
	msg := fmt.Sprintf("poppler check not run: %v (apt-get install poppler-utils)", err)
	if os.Getenv("HANDOUT_POPPLER") == "1" {
		t.Error(msg)
	} else {
		t.Log(msg)
	}
	return false
}

// pdfinfoStruct runs `pdfinfo` and `pdfinfo -struct-text` on path (with
// the user password pw unless it is "") and returns both outputs.
func pdfinfoStruct(path, pw string) (info, tree string, err error) {
	run := func(args ...string) (string, error) {
		if pw != "" {
			args = append([]string{"-upw", pw}, args...)
		}
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("pdfinfo", append(args, path)...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("pdfinfo %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		if stderr.Len() > 0 {
			return "", fmt.Errorf("pdfinfo %s reports: %s", strings.Join(args, " "), stderr.String())
		}
		return stdout.String(), nil
	}
	if info, err = run(); err != nil {
		return "", "", err
	}
	tree, err = run("-struct-text")
	return info, tree, err
}

// finish reads every golden with pdfinfo, once all were made, and checks
// what it reads (popplerProblems). The goldens are read side by side, a
// pdfinfo per CPU: -struct-text takes up to a second on a packet.
func (r *popplerReport) finish(t *testing.T, dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.goldens) < len(goldenCases) || !popplerReady(t) {
		return
	}
	problems := make([][]string, len(r.goldens))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, g := range r.goldens {
		path := filepath.Join(dir, g.name+".poppler.pdf")
		if err := os.WriteFile(path, g.pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			info, tree, err := pdfinfoStruct(path, "")
			if err != nil {
				problems[i] = []string{err.Error()}
				return
			}
			problems[i] = popplerProblems(g.want, info, tree)
		})
	}
	wg.Wait()
	for i, g := range r.goldens {
		for _, p := range problems[i] {
			t.Errorf("poppler, %s: %s", g.name, p)
		}
	}
}

// popplerProblems checks what pdfinfo reads in one PDF: Tagged: yes; a
// tree under one Document with the roles want lists; the first heading an
// H1; every LI an Lbl then an LBody, every Table's rows TR › TH/TD with
// header scopes, every Note an ID, every Link an annotation; no element
// holding both content and elements (the writer puts an element's kids
// before its content, so their order would be lost); and the text of the
// handouts' titles, headings, steps (number first) and paragraphs as the
// source has it, in order.
func popplerProblems(want popplerWant, info, tree string) (problems []string) {
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		report("pdfinfo does not say Tagged: yes")
	}
	root, err := parseStructText(tree)
	if err != nil {
		report("pdfinfo -struct-text: %v", err)
		return problems
	}
	if len(root.Kids) != 1 || root.Kids[0].Role != "Document" {
		report("the structure tree is not one Document element (%d top-level nodes)", len(root.Kids))
		return problems
	}
	roles := map[string]int{}
	var headings, h1s, notes []string
	var items []*popplerNode // LIs, in tree order
	var ps []string
	root.walk(func(e, parent *popplerNode) {
		roles[e.Role]++
		switch e.Role {
		case "H", "H1", "H2", "H3", "H4", "H5", "H6":
			if len(headings) == 0 && e.Role != "H1" {
				report("the first heading is %s %q, not an H1", e.Role, e.text())
			}
			headings = append(headings, e.Role+" "+e.text())
			if e.Role == "H1" {
				h1s = append(h1s, e.text())
			}
		case "P":
			ps = append(ps, e.text())
		case "LI":
			if parent.Role != "L" {
				report("an LI (%q) is in a %s, not an L", e.text(), parent.Role)
			}
			if len(e.Kids) != 2 || e.Kids[0].Role != "Lbl" || e.Kids[1].Role != "LBody" {
				report("LI %q is not an Lbl then an LBody (%s)", e.text(), kidRoles(e))
			}
			items = append(items, e)
		case "TR":
			if parent.Role != "Table" {
				report("a TR (%q) is in a %s, not a Table", e.text(), parent.Role)
			}
			for _, k := range e.Kids {
				if k.Role != "TH" && k.Role != "TD" {
					report("a TR (%q) holds %s, not TH or TD", e.text(), kidRoles(e))
					break
				}
			}
		case "TH":
			if !slices.ContainsFunc(e.Attrs, func(a string) bool { return strings.HasPrefix(a, "/Scope ") }) {
				report("TH %q has no /Scope", e.text())
			}
		case "Note":
			if e.ID == "" {
				report("Note %q has no ID", e.text())
			}
			notes = append(notes, e.text())
		case "Link":
			if !slices.ContainsFunc(e.Kids, func(k *popplerNode) bool { return k.Object }) {
				report("Link %q has no annotation (OBJR)", e.text())
			}
		}
		if e.Role == "Table" {
			for _, k := range e.Kids {
				if k.Role != "TR" {
					report("a Table holds %s, not TR", kidRoles(e))
					break
				}
			}
		}
		hasContent := slices.ContainsFunc(e.Kids, func(k *popplerNode) bool { return k.Content })
		hasElems := slices.ContainsFunc(e.Kids, func(k *popplerNode) bool { return k.Role != "" })
		if hasContent && hasElems {
			report("%s %q holds both content and elements (%s): the writer puts its elements first, so its text is read out of order", e.Role, e.text(), kidRoles(e))
		}
	})
	for _, r := range want.roles {
		if roles[r] == 0 {
			report("no %s element in the structure tree", r)
		}
	}
	inOrder(report, "title (H1)", want.titles, h1s)
	inOrder(report, "heading", want.headings, headings)
	inOrder(report, "paragraph (P)", want.paragraphs, ps)
	inOrder(report, "footnote (Note)", want.notes, notes)
	var steps []string
	for _, li := range items {
		if len(li.Kids) == 2 {
			steps = append(steps, li.Kids[0].text()+" "+li.Kids[1].text())
		}
	}
	var wantSteps []string
	for _, s := range want.steps {
		wantSteps = append(wantSteps, s.label+" "+s.text)
	}
	inOrder(report, "step (Lbl, LBody)", wantSteps, steps)
	return problems
}

// inOrder reports the first of want that got does not have, in order
// after the ones before it (got may have more).
func inOrder(report func(string, ...any), what string, want, got []string) {
	at := 0
	for _, w := range want {
		i := slices.Index(got[at:], w)
		if i < 0 {
			near := got[at:min(at+3, len(got))]
			report("%s %q is not in the structure tree in order (after %d; next there: %q)", what, w, at, near)
			return
		}
		at += i + 1
	}
}

// kidRoles lists n's children for a message: roles, "content", "object".
func kidRoles(n *popplerNode) string {
	var out []string
	for _, k := range n.Kids {
		switch {
		case k.Content:
			out = append(out, "content")
		case k.Object:
			out = append(out, "object")
		default:
			out = append(out, k.Role)
		}
	}
	return strings.Join(out, ", ")
}

// popplerSample is what `pdfinfo -struct-text` prints for a small tagged
// handout: a title, a section with a step, a link and a footnote, a
// figure, a table.
const popplerSample = `Document
  H1 (block)
    "Chin tuck"
  Sect
    H2 (block)
      "Sitting"
    P (block)
      Span (inline)
        "See "
      Link (inline)
        "example.org"
        Object 12 0
      Span (inline)
        " for a video."
      Reference (inline)
        "1"
    L (block):
       /ListNumbering /Decimal
      LI (block)
        Lbl (block)
          "1."
        LBody (block)
          "Sit tall. "
          "Look ahead."
    Figure
      ""
    Caption
      "Figure 1. Sitting tall"
    Table (block)
      TR
        TH:
           /Scope /Column
          "EXERCISE"
        TD
          "Chin tuck"
    Note <note-1> (inline)
      "1. A study."
`

// TestPopplerProblems checks parseStructText and popplerProblems on the
// sample and on broken copies of it.
func TestPopplerProblems(t *testing.T) {
	t.Parallel()
	want := popplerWant{
		roles:      []string{"Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Link", "Reference", "Figure", "Caption", "Table", "TR", "TH", "TD", "Note"},
		titles:     []string{"Chin tuck"},
		headings:   []string{"H2 Sitting"},
		steps:      []popplerStep{{"1.", "Sit tall. Look ahead."}},
		paragraphs: []string{"See example.org for a video.1"},
		notes:      []string{"1. A study."},
	}
	const info = "Title: Chin tuck\nTagged:          yes\nPages: 1\n"
	if problems := popplerProblems(want, info, popplerSample); len(problems) > 0 {
		t.Errorf("the sample: %q", problems)
	}
	for _, tc := range []struct {
		name, info, old, new, want string
	}{
		{"untagged", "Tagged:          no\n", "", "", "Tagged: yes"},
		{"first heading H2", info, "  H1 (block)\n    \"Chin tuck\"\n", "", "first heading is H2"},
		{"number after its step", info, "        Lbl (block)\n          \"1.\"\n        LBody (block)\n          \"Sit tall. \"\n          \"Look ahead.\"\n",
			"        LBody (block)\n          \"Sit tall. \"\n          \"Look ahead.\"\n        Lbl (block)\n          \"1.\"\n", "not an Lbl then an LBody"},
		{"step text", info, `"Look ahead."`, `"Look down."`, `step (Lbl, LBody) "1. Sit tall. Look ahead."`},
		{"text before its paragraph's elements", info, "      Span (inline)\n        \"See \"\n", "      \"See \"\n", "holds both content and elements"},
		{"no Scope", info, "           /Scope /Column\n", "", "no /Scope"},
		{"link without annotation", info, "        Object 12 0\n", "", "has no annotation"},
		{"note without ID", info, "Note <note-1>", "Note", "Note \"1. A study.\" has no ID"},
		{"no table", info, "    Table (block)\n      TR\n        TH:\n           /Scope /Column\n          \"EXERCISE\"\n        TD\n          \"Chin tuck\"\n", "", "no Table element"},
		{"footnote number run into its text", info, `"1. A study."`, `"1.A study."`, `footnote (Note) "1. A study."`},
		{"decomposed accent", info, `"Sitting"`, "\"Se\u0301ance\"", `heading "H2 Sitting"`},
	} {
		tree := popplerSample
		if tc.old != "" {
			if !strings.Contains(tree, tc.old) {
				t.Fatalf("%s: the sample has no %q", tc.name, tc.old)
			}
			tree = strings.Replace(tree, tc.old, tc.new, 1)
		}
		problems := popplerProblems(want, tc.info, tree)
		if !strings.Contains(strings.Join(problems, "\n"), tc.want) {
			t.Errorf("%s: problems %q, want one saying %q", tc.name, problems, tc.want)
		}
	}
	// NFC: a decomposed accent in the PDF's text matches the source's
	// composed one.
	nfc := want
	nfc.headings = []string{"H2 Séance"}
	if problems := popplerProblems(nfc, info, strings.Replace(popplerSample, `"Sitting"`, "\"Se\u0301ance\"", 1)); len(problems) > 0 {
		t.Errorf("a decomposed accent: %q", problems)
	}
}
