package pdfua

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// mark is an open marked-content sequence.
type mark struct {
	tag      string
	mcid     int // -1 without one
	artifact bool
}

// drawing counts the operators that put content on a page outside any
// tagged or artifact sequence (01-005), by kind, and the first of them.
type drawing struct {
	text, paths, images, shadings int
	first                         string
	firstAt                       int
	firstIn                       string // "" for the page, else the form XObject
}

func (d *drawing) total() int { return d.text + d.paths + d.images + d.shadings }

// contentScan walks the content of one page, following form XObjects.
type contentScan struct {
	c        *checker
	page     int
	where    string
	stack    []mark
	untagged drawing
	// nested counts 01-003 (an artifact inside tagged content) and 01-004
	// (tagged content inside an artifact), reported once per page.
	artifactInTagged, taggedInArtifact int
	unbalanced                         []string
	forms                              map[int]bool // forms being drawn (a loop guard)
	// font is the font Tf selected (its object number) and fontDict its
	// dictionary; saved is what q saved of them, for Q.
	font     int
	fontDict types.Dict
	saved    []savedFont
}

type savedFont struct {
	font int
	dict types.Dict
}

// The operators that paint (ISO 32000-1 Tables 59, 107, 87, 92).
var (
	textShowing  = setOf([]string{"Tj", "TJ", "'", "\""})
	pathPainting = setOf([]string{"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
)

// checkContent reads each page's content streams: every operator that
// paints must be inside a sequence that is tagged (an MCID) or an
// artifact, sequences balance, and the MCIDs used are noted for
// checkMCIDs.
func (c *checker) checkContent() {
	c.formUses = map[int]int{}
	c.formMCIDs = map[int]bool{}
	c.fonts = map[int]fontUse{}
	c.codes = map[int]map[int]bool{}
	c.forms = map[int][]op{}
	for i, p := range c.pages {
		n := i + 1
		s := &contentScan{c: c, page: n, where: fmt.Sprintf("page %d", n), forms: map[int]bool{}}
		content, err := c.x.PageContent(p.dict, n)
		if err != nil && len(content) == 0 {
			continue // an empty page
		}
		res := c.dict(p.dict["Resources"])
		s.scan(content, res, "")
		s.report()
	}
	for _, nr := range sortedKeys(c.formUses) {
		if c.formMCIDs[nr] && c.formUses[nr] > 1 {
			c.report("30-002", fmt.Sprintf("form XObject %d", nr), "it has MCIDs and is drawn %d times", c.formUses[nr])
		}
	}
}

// scan reads one content stream (a page's, or a form's: in) with its
// resources.
func (s *contentScan) scan(content []byte, res types.Dict, in string) {
	s.scanOps(s.c.lex(content, s.where+in), res, in)
}

func (s *contentScan) scanOps(ops []op, res types.Dict, in string) {
	for _, o := range ops {
		s.apply(o, res, in)
	}
}

// lex reads a content stream's operators, reporting a syntax error.
func (c *checker) lex(content []byte, where string) []op {
	l := &lexer{b: content}
	ops, err := l.ops()
	if err != nil {
		c.report("ISO 32000-1 7.8.2", where, "the content stream cannot be read past byte %d: %v", l.pos, err)
	}
	return ops
}

func (s *contentScan) apply(o op, res types.Dict, in string) {
	switch o.name {
	case "BMC", "BDC":
		s.begin(o, res)
	case "EMC":
		if len(s.stack) == 0 {
			s.unbalanced = append(s.unbalanced, fmt.Sprintf("EMC without a sequence to end at byte %d%s", o.at, in))
			return
		}
		s.stack = s.stack[:len(s.stack)-1]
	case "q":
		s.saved = append(s.saved, savedFont{s.font, s.fontDict})
	case "Q":
		if n := len(s.saved); n > 0 {
			s.font, s.fontDict = s.saved[n-1].font, s.saved[n-1].dict
			s.saved = s.saved[:n-1]
		}
	case "Tf":
		if len(o.operands) > 0 {
			if fname, ok := o.operands[0].(name); ok {
				s.useFont(string(fname), res)
			}
		}
	case "Do":
		if len(o.operands) > 0 {
			if xname, ok := o.operands[0].(name); ok {
				s.do(string(xname), res, o, in)
			}
		}
	case "BI":
		s.paint(o, in, &s.untagged.images)
	case "sh":
		s.paint(o, in, &s.untagged.shadings)
	default:
		if textShowing[o.name] {
			s.paint(o, in, &s.untagged.text)
			s.showText(o)
		} else if pathPainting[o.name] {
			s.paint(o, in, &s.untagged.paths)
		}
	}
}

// begin opens a sequence: BMC tag, or BDC tag with properties inline or
// named in the resources' /Properties.
func (s *contentScan) begin(o op, res types.Dict) {
	m := mark{mcid: -1}
	if len(o.operands) > 0 {
		if tag, ok := o.operands[0].(name); ok {
			m.tag = string(tag)
		}
	}
	m.artifact = m.tag == "Artifact"
	if o.name == "BDC" && len(o.operands) > 1 {
		switch props := o.operands[1].(type) {
		case map[string]any:
			if id, ok := props["MCID"].(float64); ok {
				m.mcid = int(id)
			}
		case name:
			d := s.c.dict(s.c.dict(res["Properties"])[string(props)])
			if id, ok := s.c.intOf(d["MCID"]); ok {
				m.mcid = id
			}
		}
	}
	inTagged, inArtifact := s.state()
	if m.artifact && inTagged {
		s.artifactInTagged++
	}
	if m.mcid >= 0 && inArtifact {
		s.taggedInArtifact++
	}
	if m.mcid >= 0 {
		if len(s.forms) > 0 {
			for nr := range s.forms {
				s.c.formMCIDs[nr] = true
			}
		} else {
			s.c.pages[s.page-1].mcids[m.mcid] = true
		}
	}
	s.stack = append(s.stack, m)
}

// state reports whether the current content is inside a tagged sequence
// and inside an artifact.
func (s *contentScan) state() (tagged, artifact bool) {
	for _, m := range s.stack {
		if m.mcid >= 0 {
			tagged = true
		}
		if m.artifact {
			artifact = true
		}
	}
	return tagged, artifact
}

// paint counts an operator that draws when it is outside both.
func (s *contentScan) paint(o op, in string, count *int) {
	if tagged, artifact := s.state(); tagged || artifact {
		return
	}
	*count++
	if s.untagged.first == "" {
		s.untagged.first, s.untagged.firstAt, s.untagged.firstIn = o.name, o.at, in
	}
}

// do draws an XObject: an image paints; a form's content is read in the
// current marked-content state.
func (s *contentScan) do(xname string, res types.Dict, o op, in string) {
	ref := s.c.dict(res["XObject"])[xname]
	nr := objNr(ref)
	d := s.c.dict(ref) // an image's data is not decoded
	if d == nil {
		s.c.report("ISO 32000-1 8.8", s.where+in, "Do draws /%s, which the resources do not have", xname)
		return
	}
	switch s.c.nameOf(d["Subtype"]) {
	case "Image":
		s.paint(o, in, &s.untagged.images)
	case "Form":
		ops, err := s.c.formOps(ref, fmt.Sprintf("form XObject %d", nr))
		if err != nil {
			s.c.report("read", fmt.Sprintf("form XObject %d", nr), "%v", err)
			return
		}
		if nr != 0 {
			s.c.formUses[nr]++
			if s.forms[nr] {
				return
			}
			s.forms[nr] = true
			defer delete(s.forms, nr)
		}
		formRes := s.c.dict(d["Resources"])
		if formRes == nil {
			formRes = res
		}
		depth := len(s.stack)
		s.scanOps(ops, formRes, fmt.Sprintf(" (form XObject %d)", nr))
		if len(s.stack) != depth {
			s.unbalanced = append(s.unbalanced, fmt.Sprintf("form XObject %d leaves %d sequences open or ends %d it did not begin", nr, max(0, len(s.stack)-depth), max(0, depth-len(s.stack))))
			s.stack = s.stack[:min(depth, len(s.stack))]
		}
	case "PS":
		s.c.report("ISO 32000-1 8.8", s.where+in, "PostScript XObject /%s", xname)
	}
	if ref != nil && s.c.dict(d["Ref"]) != nil {
		s.c.report("30-001", s.where+in, "/%s is a reference XObject", xname)
	}
}

// report writes the page's problems.
func (s *contentScan) report() {
	if len(s.stack) > 0 {
		s.unbalanced = append(s.unbalanced, fmt.Sprintf("%d sequences still open at the end of the page", len(s.stack)))
	}
	for _, u := range s.unbalanced {
		s.c.report("ISO 32000-1 14.6", s.where, "marked content does not balance: %s", u)
	}
	if s.artifactInTagged > 0 {
		s.c.report("01-003", s.where, "%d artifact sequences inside tagged content", s.artifactInTagged)
	}
	if s.taggedInArtifact > 0 {
		s.c.report("01-004", s.where, "%d tagged sequences inside artifacts", s.taggedInArtifact)
	}
	u := s.untagged
	if u.total() > 0 {
		s.c.report("01-005", s.where, "%d operators draw content that is neither tagged nor an artifact (%d text, %d paths, %d images, %d shadings); the first is %s at byte %d%s",
			u.total(), u.text, u.paths, u.images, u.shadings, u.first, u.firstAt, u.firstIn)
	}
}

// formOps returns a form XObject's operators, decoding and reading each
// form once however often it is drawn (a built-in drawing on every page).
func (c *checker) formOps(ref types.Object, where string) ([]op, error) {
	nr := objNr(ref)
	if ops, ok := c.forms[nr]; ok && nr != 0 {
		return ops, nil
	}
	b, _, err := c.stream(ref)
	if err != nil {
		return nil, err
	}
	ops := c.lex(b, where)
	if nr != 0 {
		c.forms[nr] = ops
	}
	return ops, nil
}
