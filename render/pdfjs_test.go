package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"handout/content"
)

// pdfjsDir holds the pdf.js script and its pinned pdfjs-dist
// (tools/pdfjs/package-lock.json), relative to render's folder, where go
// test runs render's tests. `npm ci` there installs it.
const pdfjsDir = "../tools/pdfjs"

// pdfjsDoc is what tools/pdfjs/read.mjs prints for one PDF.
type pdfjsDoc struct {
	File     string `json:"file"`
	MarkInfo *struct {
		Marked bool `json:"Marked"`
	} `json:"markInfo"`
	Pages []struct {
		StructTree *pdfjsNode `json:"structTree"`
		Text       []string   `json:"text"`
	} `json:"pages"`
}

// pdfjsNode is a node of page.getStructTree(): an element (role,
// children, alt) or a piece of its content (type "content").
type pdfjsNode struct {
	Role     string      `json:"role"`
	Alt      string      `json:"alt"`
	Type     string      `json:"type"`
	Children []pdfjsNode `json:"children"`
}

// goldenStep is a numbered step as the handout's author wrote it.
type goldenStep struct {
	label, start string // "3.", and the step's first words
}

// pdfjsGolden is one golden PDF with what pdf.js must find in it.
type pdfjsGolden struct {
	name  string
	pdf   []byte
	steps []goldenStep
	alts  []string // the alt texts the author wrote
}

// pdfjsReport collects the golden PDFs, which TestGolden's subtests make
// side by side, to read them all with one run of Node.
type pdfjsReport struct {
	mu      sync.Mutex
	goldens []pdfjsGolden
}

func (r *pdfjsReport) add(name string, pdf []byte, j Job) {
	g := pdfjsGolden{name: name, pdf: pdf}
	for _, hf := range j.Handouts {
		g.steps = append(g.steps, handoutSteps(hf.Handout)...)
		g.alts = append(g.alts, handoutAlts(hf.Handout)...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.goldens = append(r.goldens, g)
}

// handoutSteps lists the numbered steps of h in order, each with its
// first three words.
func handoutSteps(h *content.Handout) []goldenStep {
	var steps []goldenStep
	var walk func(blocks []content.Block)
	walk = func(blocks []content.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *content.List:
				if !b.Ordered {
					continue
				}
				for i, item := range b.Items {
					var text strings.Builder
					for _, s := range item {
						text.WriteString(s.Text)
					}
					words := strings.Fields(text.String())
					steps = append(steps, goldenStep{label: fmt.Sprintf("%d.", b.Start+i), start: strings.Join(words[:min(3, len(words))], " ")})
				}
			case *content.Callout:
				walk(b.Blocks)
			}
		}
	}
	for _, s := range h.Sections {
		walk(s.Blocks)
	}
	return steps
}

// handoutAlts lists the alt texts the author wrote for h's figures.
func handoutAlts(h *content.Handout) []string {
	var alts []string
	for _, s := range h.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*content.Figure); ok {
				for _, p := range f.Panels {
					if p.Alt != "" {
						alts = append(alts, p.Alt)
					}
				}
			}
		}
	}
	return alts
}

// pdfjsReady reports whether Node and the installed pdfjs-dist are there:
// the check is skipped without them, and required with HANDOUT_PDFJS=1
// (.ci/run sets it).
func pdfjsReady(t *testing.T) bool {
	t.Helper()
	_, nodeErr := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(pdfjsDir, "node_modules", "pdfjs-dist", "package.json"))
	if nodeErr == nil && modErr == nil {
		return true
	}
	msg := fmt.Sprintf("pdf.js check not run: node: %v; pdfjs-dist: %v (run `npm ci` in tools/pdfjs)", nodeErr, modErr)
	if os.Getenv("HANDOUT_PDFJS") == "1" {
		t.Error(msg)
	} else {
		t.Log(msg)
	}
	return false
}

// finish reads every golden with pdf.js, once all were made, and checks
// what it reads (checkPDFJS).
func (r *pdfjsReport) finish(t *testing.T, dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.goldens) < len(goldenCases) || !pdfjsReady(t) {
		return
	}
	slices.SortFunc(r.goldens, func(a, b pdfjsGolden) int { return strings.Compare(a.name, b.name) })
	args := []string{filepath.Join(pdfjsDir, "read.mjs")}
	for _, g := range r.goldens {
		path := filepath.Join(dir, g.name+".pdf")
		if err := os.WriteFile(path, g.pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("node", args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var docs []pdfjsDoc
	if err := json.Unmarshal(stdout.Bytes(), &docs); err != nil {
		t.Fatalf("tools/pdfjs/read.mjs printed no JSON: %v\n%.500s", err, stdout.String())
	}
	if len(docs) != len(r.goldens) {
		t.Fatalf("tools/pdfjs/read.mjs read %d PDFs, not %d", len(docs), len(r.goldens))
	}
	_, untagged := pdfuaKnownFailures["01-005"]
	for i, g := range r.goldens {
		problems, note := pdfjsProblems(g, docs[i], untagged)
		for _, p := range problems {
			t.Errorf("pdf.js, %s: %s", g.name, p)
		}
		if note != "" {
			t.Logf("pdf.js, %s: %s", g.name, note)
		}
	}
}

// pdfjsProblems checks what pdf.js reads in one golden: in
// getTextContent, Firefox's reading order, each step's number comes just
// before the step's first words; once the writer tags (untagged false),
// every page has a structure tree, the document an H1, the steps Lbl and
// LBody elements, and the figures alt texts, the author's among them.
// note says what was not checked.
func pdfjsProblems(g pdfjsGolden, doc pdfjsDoc, untagged bool) (problems []string, note string) {
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var items []string
	for _, p := range doc.Pages {
		items = append(items, p.Text...)
	}
	at := 0
	for _, s := range g.steps {
		found := -1
		for i := at; i < len(items); i++ {
			if strings.TrimSpace(items[i]) == s.label && strings.HasPrefix(joinFrom(items, i+1, len(s.start)), s.start) {
				found = i
				break
			}
		}
		if found < 0 {
			report("step %s %q… is not read number first (getTextContent from item %d: %q)", s.label, s.start, at, items[at:min(at+12, len(items))])
			continue
		}
		at = found + 1
	}
	if untagged {
		return problems, fmt.Sprintf("%d steps checked; roles and alt texts not checked until the writer tags (render/pdfua_test.go)", len(g.steps))
	}
	roles := map[string]int{}
	var figureAlts []string
	for n, p := range doc.Pages {
		if p.StructTree == nil {
			report("page %d has no structure tree", n+1)
			continue
		}
		walkPDFJS(*p.StructTree, func(node pdfjsNode) {
			roles[node.Role]++
			if node.Role == "Figure" {
				if node.Alt == "" {
					report("page %d has a Figure without alt text", n+1)
				}
				figureAlts = append(figureAlts, node.Alt)
			}
		})
	}
	if doc.MarkInfo == nil || !doc.MarkInfo.Marked {
		report("getMarkInfo() does not say Marked")
	}
	if roles["H1"] == 0 {
		report("no H1 in the structure tree (roles %v)", roles)
	}
	if len(g.steps) > 0 && (roles["Lbl"] < len(g.steps) || roles["LBody"] < len(g.steps)) {
		report("%d steps but %d Lbl and %d LBody elements", len(g.steps), roles["Lbl"], roles["LBody"])
	}
	for _, alt := range g.alts {
		if !slices.Contains(figureAlts, alt) {
			report("no Figure has the alt text %q", alt)
		}
	}
	return problems, ""
}

// joinFrom joins items from i on until the text is at least n bytes,
// with single spaces where an item ends a line.
func joinFrom(items []string, i, n int) string {
	var b strings.Builder
	for ; i < len(items) && b.Len() < n; i++ {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteString(" ")
		}
		b.WriteString(strings.TrimLeft(items[i], " "))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// walkPDFJS visits the elements of a structure tree (not its root, nor
// its content and object references).
func walkPDFJS(n pdfjsNode, visit func(pdfjsNode)) {
	if n.Role != "" {
		visit(n)
	}
	for _, k := range n.Children {
		walkPDFJS(k, visit)
	}
}

// pdfjsTaggedSample is what tools/pdfjs/read.mjs printed for
// pdf.TestPDFUACheck's tagged document (a heading, a paragraph with a
// link, one step, a figure, a table), cut to what pdfjsProblems reads.
const pdfjsTaggedSample = `{"file": "good.pdf", "markInfo": {"Marked": true},
 "pages": [{"structTree": {"children": [{"role": "Document", "children": [
   {"role": "H1", "children": [{"type": "content", "id": "p3R_mc0"}]},
   {"role": "P", "children": [{"type": "content", "id": "p3R_mc1"},
     {"role": "Link", "children": [{"type": "content", "id": "p3R_mc2"}, {"type": "object", "id": "5R"}]}]},
   {"role": "L", "children": [{"role": "LI", "children": [
     {"role": "Lbl", "children": [{"type": "content", "id": "p3R_mc3"}]},
     {"role": "LBody", "children": [{"type": "content", "id": "p3R_mc4"}]}]}]},
   {"role": "Figure", "alt": "A person sitting upright, drawing the chin straight back", "children": [{"type": "content", "id": "p3R_mc5"}]}]}]},
  "text": ["Chin tuck", "Sit tall and draw your chin straight back.", "example.com/video", "1.", "Look straight ahead.", "Drummond Chiropractic · page 1"]}]}`

// TestPDFJSProblems checks pdfjsProblems on pdf.js's output for a tagged
// document, the checks that run on the goldens once the writer tags, and
// on broken copies of it.
func TestPDFJSProblems(t *testing.T) {
	t.Parallel()
	g := pdfjsGolden{name: "good", steps: []goldenStep{{label: "1.", start: "Look straight ahead."}}, alts: []string{"A person sitting upright, drawing the chin straight back"}}
	read := func(edit func(*pdfjsDoc)) pdfjsDoc {
		var doc pdfjsDoc
		if err := json.Unmarshal([]byte(pdfjsTaggedSample), &doc); err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			edit(&doc)
		}
		return doc
	}
	if problems, _ := pdfjsProblems(g, read(nil), false); len(problems) > 0 {
		t.Errorf("the tagged document: %q", problems)
	}
	for _, tc := range []struct {
		name string
		edit func(*pdfjsDoc)
		want string
	}{
		{"number after its step", func(d *pdfjsDoc) {
			d.Pages[0].Text = []string{"Chin tuck", "Look straight ahead.", "1."}
		}, "is not read number first"},
		{"untagged page", func(d *pdfjsDoc) { d.Pages[0].StructTree = nil }, "no structure tree"},
		{"figure without alt", func(d *pdfjsDoc) {
			d.Pages[0].StructTree.Children[0].Children[3].Alt = ""
		}, "Figure without alt text"},
		{"not marked", func(d *pdfjsDoc) { d.MarkInfo = nil }, "Marked"},
	} {
		problems, _ := pdfjsProblems(g, read(tc.edit), false)
		if !strings.Contains(strings.Join(problems, "\n"), tc.want) {
			t.Errorf("%s: problems %q, want one saying %q", tc.name, problems, tc.want)
		}
	}
}
