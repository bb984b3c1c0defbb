package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// converter turns the goldmark tree of a handout's body into sections.
type converter struct {
	src *source
	p   *problems
	h   *Handout

	cur     *Section             // the section blocks go to; nil before the first
	usedIDs map[string]bool      // Section.IDs given out so far
	figures map[ast.Node]*Figure // image-only paragraphs, numbered before conversion
	figByID map[string][]*Figure
	figIDs  []string // ids in figure order, for messages

	// doseElsewhere, when not "", is what a "Dose:" line is told: an
	// exercise file's dose is in its front matter.
	doseElsewhere string

	footnotes []int       // goldmark footnote indexes in order of first use
	fnNumber  map[int]int // goldmark footnote index → our number
	unusedFns []*extast.Footnote
}

// newMarkdown builds the goldmark parser for one Parse call. goldmark does
// not document a Markdown as safe for concurrent use (its parser is set up
// lazily on first use), so there is no shared one; building it costs a few
// microseconds, see BenchmarkNewMarkdown.
func newMarkdown(unused *[]*extast.Footnote) goldmark.Markdown {
	return goldmark.New(
		// No Table, Strikethrough or TaskList: the format has none, and
		// their syntax stays text (tables are then reported).
		goldmark.WithExtensions(extension.Footnote, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			// Before the footnote transformer (999), which drops unused
			// footnotes without a trace.
			util.Prioritized(unusedFootnotes{unused}, 0),
		)),
	)
}

// unusedFootnotes records the footnote definitions no text refers to.
type unusedFootnotes struct{ found *[]*extast.Footnote }

// Transform implements parser.ASTTransformer.
func (u unusedFootnotes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*extast.Footnote); ok && entering {
			if fn.Index < 0 {
				*u.found = append(*u.found, fn)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// convertBody parses the Markdown after the front matter into h.Sections
// and h.References. doseElsewhere is "" for a handout; see converter.
func convertBody(h *Handout, body *source, p *problems, doseElsewhere string) {
	c := &converter{
		src: body, p: p, h: h, doseElsewhere: doseElsewhere,
		usedIDs:  map[string]bool{},
		figures:  map[ast.Node]*Figure{},
		figByID:  map[string][]*Figure{},
		fnNumber: map[int]int{},
	}
	doc := newMarkdown(&c.unusedFns).Parser().Parse(text.NewReader(body.text))
	// Figures first, so that {fig:ID} can refer to a figure further down.
	c.numberFigures(doc)
	var footnoteLists []*extast.FootnoteList
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*extast.FootnoteList); ok {
			footnoteLists = append(footnoteLists, fl)
			continue
		}
		c.topBlock(n)
	}
	c.references(footnoteLists)
}

// line reports the file line a node starts on. Every block goldmark opens
// has a position; for the rest, the first child's or the first line's.
func (c *converter) line(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if pos := n.Pos(); pos >= 0 {
			return c.src.line(pos)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return c.src.line(n.Lines().At(0).Start)
		}
	}
	return c.src.firstLine
}

func (c *converter) pos(n ast.Node) Pos { return Pos{File: c.p.file, Line: c.line(n)} }

// topBlock converts a block at the top level of the body.
func (c *converter) topBlock(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
	case *ast.Paragraph:
		if f := c.figures[n]; f != nil {
			f.Caption = c.resolveFigRefs(f.Caption, f.Pos.Line)
			c.add(f)
			return
		}
		if c.table(n) || c.inlineImage(n) {
			return
		}
		spans := c.spans(n)
		if d, ok := c.dose(spans, c.pos(n)); ok {
			if d != nil {
				c.add(d)
			}
			return
		}
		c.add(&Paragraph{Pos: c.pos(n), Text: spans})
	case *ast.List:
		if l := c.list(n); l != nil {
			c.add(l)
		}
	case *ast.Blockquote:
		if co := c.callout(n); co != nil {
			c.add(co)
		}
	case *ast.LinkReferenceDefinition:
		// "[id]: https://…", used by the links that name it.
	default:
		c.unsupported(n)
	}
}

// add appends b to the current section, opening the untitled introduction
// when b comes before the first "##".
func (c *converter) add(b Block) {
	if c.cur == nil {
		c.newSection(b.Position(), nil, "")
	}
	c.cur.Blocks = append(c.cur.Blocks, b)
}

// newSection starts a section; title is nil for the introduction, and
// words are the title's text for its ID.
func (c *converter) newSection(pos Pos, title []Span, words string) {
	c.h.Sections = append(c.h.Sections, Section{Pos: pos, Title: title, ID: c.sectionID(title != nil, words)})
	c.cur = &c.h.Sections[len(c.h.Sections)-1]
}

// sectionID returns a slug of words not given out before.
func (c *converter) sectionID(titled bool, words string) string {
	base := "introduction"
	if titled {
		base = slug(words)
		if base == "" {
			base = "section"
		}
	}
	id := base
	for n := 2; c.usedIDs[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	c.usedIDs[id] = true
	return id
}

// slug lowercases s and keeps its letters and ASCII digits, joining the
// words with "-": "Cat & cow (easy)" → "cat-cow-easy".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'), r >= utf8.RuneSelf && unicode.IsLetter(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// heading starts a section ("##") or adds a sub-heading ("###").
func (c *converter) heading(n *ast.Heading) {
	line := c.line(n)
	if start := n.Pos(); start >= 0 && start < len(c.src.text) && c.src.text[start] != '#' {
		c.p.add(line, `text underlined with "---" or "===" is a heading; write "## " before a section title, `+
			`or leave a blank line between the text and the line`)
		return
	}
	switch n.Level {
	case 1:
		c.p.add(line, `"#" heading: put the title in the front matter ("title:") and start sections with "##"`)
		return
	case 2, 3:
	default:
		c.p.add(line, `%q heading: use "##" for a section or "###" for a sub-heading`, strings.Repeat("#", n.Level))
		return
	}
	raw := c.rawSpans(n)
	if len(raw) == 0 {
		c.p.add(line, `%q heading is empty; write the title after it`, strings.Repeat("#", n.Level))
		return
	}
	// The ID comes from the words as written: "{fig:cat}" rather than
	// "Figure 2", and no footnote numbers, so that adding a figure or a
	// footnote elsewhere does not change it.
	var words strings.Builder
	for _, s := range raw {
		if s.FootnoteRef == 0 {
			words.WriteString(s.Text)
		}
	}
	spans := c.finishSpans(raw, line)
	if n.Level == 2 {
		c.newSection(c.pos(n), spans, words.String())
		return
	}
	c.add(&Heading{Pos: c.pos(n), Level: 3, Text: spans})
}

// tableDelimiterRE matches the "| --- | :-: |" line under a table's header.
var tableDelimiterRE = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// table reports (as a problem) whether the paragraph n is a Markdown
// table, which the format does not have and goldmark without the Table
// extension reads as text.
func (c *converter) table(n *ast.Paragraph) bool {
	lines := n.Lines()
	for i := 1; i < lines.Len(); i++ {
		seg, prevSeg := lines.At(i), lines.At(i-1)
		row, prev := seg.Value(c.src.text), prevSeg.Value(c.src.text)
		if strings.Contains(string(row), "|") && strings.Contains(string(prev), "|") && tableDelimiterRE.Match(row) {
			c.p.add(c.src.line(prevSeg.Start), "tables are not supported; write the rows as a list or as paragraphs")
			return true
		}
	}
	return false
}

// inlineImage reports (as a problem) whether the text of n contains an
// image: images stand alone in their paragraph, as figures.
func (c *converter) inlineImage(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := m.(*ast.Image); ok && entering {
			c.p.add(c.line(m), "an image inside other text is not supported; put the image in a paragraph of its own, "+
				"with a blank line before and after, and refer to it as {fig:ID}")
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// list converts a list whose items are one paragraph each.
func (c *converter) list(n *ast.List) *List {
	l := &List{Pos: c.pos(n), Ordered: n.IsOrdered(), Start: n.Start}
	ok := true
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		spans, good := c.listItem(item)
		ok = ok && good
		l.Items = append(l.Items, spans)
	}
	if !ok {
		return nil
	}
	return l
}

func (c *converter) listItem(item ast.Node) ([]Span, bool) {
	line := c.line(item)
	first := item.FirstChild()
	if first == nil {
		c.p.add(line, "list item is empty; write its text after the marker, or remove it")
		return nil, false
	}
	for m := first; m != nil; m = m.NextSibling() {
		switch m.(type) {
		case *ast.List:
			c.p.add(c.line(m), "nested lists are not supported; make the inner items part of the list, or write them as text")
			return nil, false
		case *ast.Paragraph, *ast.TextBlock:
			if m != first {
				c.p.add(c.line(m), "a list item is one paragraph; join the paragraphs, or start a new item")
				return nil, false
			}
		default:
			c.unsupported(m)
			return nil, false
		}
	}
	if c.inlineImage(first) {
		return nil, false
	}
	spans := c.spans(first)
	if len(spans) == 0 {
		c.p.add(line, "list item is empty; write its text after the marker, or remove it")
		return nil, false
	}
	return spans, true
}

// calloutRE matches the GitHub alert marker at the start of a blockquote.
var calloutRE = regexp.MustCompile(`^\[!([^\]\s]*)\]\s*`)

// callout converts a blockquote that starts with "[!KIND]".
func (c *converter) callout(n *ast.Blockquote) *Callout {
	line := c.line(n)
	const kinds = "[!CAUTION], [!WARNING], [!TIP] or [!NOTE]"
	reported := len(c.p.errs)
	first, ok := n.FirstChild().(*ast.Paragraph)
	var spans []Span
	if ok {
		if c.inlineImage(first) {
			return nil
		}
		spans = c.spans(first)
	}
	var m []int
	if len(spans) > 0 && spans[0].Link == "" && spans[0].FootnoteRef == 0 {
		m = calloutRE.FindStringSubmatchIndex(spans[0].Text)
	}
	if m == nil {
		c.p.add(line, `a quote must be a callout: start it with a line "> [!NOTE]" (or %s)`, kinds)
		return nil
	}
	written := spans[0].Text[m[2]:m[3]]
	co := &Callout{Pos: c.pos(n), Kind: CalloutKind(strings.ToLower(written))}
	switch co.Kind {
	case Caution, Warning, Tip, Note:
	default:
		c.p.add(line, "callout kind %q is unknown; use %s", written, kinds)
		return nil
	}
	spans[0].Text = spans[0].Text[m[1]:]
	if spans[0].Text == "" {
		spans = spans[1:]
	}
	if len(spans) > 0 {
		pos := c.pos(first)
		if lines := first.Lines(); lines.Len() > 1 {
			// The text starts on the line after a "[!NOTE]" of its own.
			seg := lines.At(0)
			if marker := bytes.TrimSpace(seg.Value(c.src.text)); len(calloutRE.Find(marker)) == len(marker) {
				pos.Line = c.src.line(lines.At(1).Start)
			}
		}
		co.Blocks = append(co.Blocks, &Paragraph{Pos: pos, Text: spans})
	}
	for b := first.NextSibling(); b != nil; b = b.NextSibling() {
		switch b := b.(type) {
		case *ast.Paragraph:
			if c.table(b) || c.inlineImage(b) {
				continue
			}
			co.Blocks = append(co.Blocks, &Paragraph{Pos: c.pos(b), Text: c.spans(b)})
		case *ast.List:
			if l := c.list(b); l != nil {
				co.Blocks = append(co.Blocks, l)
			}
		case *ast.LinkReferenceDefinition:
		default:
			c.unsupported(b)
		}
	}
	if len(co.Blocks) == 0 {
		if len(c.p.errs) == reported { // else its blocks were the problem
			c.p.add(line, `callout is empty; write its text on the lines after "> [!%s]", each starting with ">"`, written)
		}
		return nil
	}
	return co
}

// unsupported reports a block the format does not have.
func (c *converter) unsupported(n ast.Node) {
	line := c.line(n)
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		c.p.add(line, "code blocks are not supported; write the text as a paragraph "+
			"(a line indented by four spaces is a code block too: remove the indent)")
	case *ast.HTMLBlock:
		c.p.add(line, "raw HTML is not supported; write the text as Markdown")
	case *ast.ThematicBreak:
		c.p.add(line, `horizontal rules are not supported; start a new section with "##" instead`)
	case *ast.Heading:
		c.p.add(line, "a heading here is not supported; headings start a line outside lists and callouts")
	case *ast.Blockquote:
		c.p.add(line, "a quote here is not supported; callouts stand on their own, outside lists and other callouts")
	case *ast.Paragraph:
		c.p.add(line, "this paragraph is not supported here")
	default:
		c.p.add(line, "%s is not supported; see docs/format.md for what a handout may contain", n.Kind())
	}
}

// doseKeys are the keys of a "Dose:" line, as messages list them.
const doseKeys = "sets, reps, hold, rest, load, daily, side"

// dose parses a "Dose:" paragraph; ok is false when spans is not one. A
// dose with problems is reported and returned as nil.
func (c *converter) dose(spans []Span, pos Pos) (d *Dose, ok bool) {
	text := plainText(spans)
	const label = "dose:"
	if len(text) < len(label) || !strings.EqualFold(text[:len(label)], label) {
		return nil, false
	}
	switch {
	case c.doseElsewhere != "":
		c.p.add(pos.Line, "%s", c.doseElsewhere)
		return nil, true
	case c.cur == nil || c.cur.Title == nil:
		c.p.add(pos.Line, `a dose belongs to an exercise; put it under the exercise's "##" heading`)
		return nil, true
	case c.cur.Dose != nil:
		c.p.add(pos.Line, `this section already has a dose (line %d); put all of it on one "Dose:" line`, c.cur.Dose.Pos.Line)
		return nil, true
	}
	d = &Dose{Pos: pos}
	fields := map[string]*string{
		"sets": &d.Sets, "reps": &d.Reps, "hold": &d.Hold, "rest": &d.Rest, "load": &d.Load, "daily": &d.PerDay, "side": &d.Side,
	}
	good, some := true, false
	for part := range strings.SplitSeq(text[len(label):], ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		some = true
		key, value := part, ""
		if i := strings.IndexFunc(part, unicode.IsSpace); i >= 0 {
			key, value = part[:i], strings.TrimSpace(part[i:])
		}
		key = strings.TrimSuffix(strings.ToLower(key), ":")
		field, known := fields[key]
		switch {
		case !known:
			c.p.add(pos.Line, "dose key %q is unknown; use %s, e.g. \"Dose: reps 10; daily 2\"", key, doseKeys)
			good = false
		case value == "":
			c.p.add(pos.Line, `dose %q has no value; write e.g. "%s 3"`, key, key)
			good = false
		case *field != "":
			c.p.add(pos.Line, "dose gives %q twice; keep one", key)
			good = false
		default:
			*field = value
		}
	}
	if !some {
		c.p.add(pos.Line, `"Dose:" has nothing after it; write e.g. "Dose: reps 10; daily 2"`)
		return nil, true
	}
	if !good {
		return nil, true
	}
	c.cur.Dose = d
	return d, true
}

// references converts the footnotes in order of first use. A footnote's
// text may refer to further footnotes, which are numbered as they come.
func (c *converter) references(lists []*extast.FootnoteList) {
	defs := map[int]*extast.Footnote{}
	defined := map[string]int{} // label → line of its first definition
	for _, l := range lists {
		for n := l.FirstChild(); n != nil; n = n.NextSibling() {
			if fn, ok := n.(*extast.Footnote); ok {
				defs[fn.Index] = fn
				defined[footnoteLabel(fn)] = c.line(fn)
			}
		}
	}
	for i := 0; i < len(c.footnotes); i++ {
		fn := defs[c.footnotes[i]]
		if fn == nil {
			continue // cannot happen: goldmark links only to definitions
		}
		delete(defs, fn.Index)
		ref := Reference{Pos: c.pos(fn), Number: i + 1}
		if para := c.footnoteParagraph(fn); para != nil {
			ref.Text = c.spans(para)
		}
		c.h.References = append(c.h.References, ref)
	}
	// Footnotes only referred to from themselves, or from text that had
	// problems, are not reported as unused: either is rare or reported.
	// A second definition of a label is never used either (references
	// go to the first): it is reported as what it is.
	for _, fn := range c.unusedFns {
		line := c.line(fn)
		if first, ok := defined[footnoteLabel(fn)]; ok {
			c.p.add(line, "footnote [^%s] is defined twice (lines %d and %d); keep one", fn.Ref, first, line)
			continue
		}
		defined[footnoteLabel(fn)] = line
		c.p.add(line, "footnote [^%s] is not referred to; write [^%s] where it applies, or delete it", fn.Ref, fn.Ref)
	}
}

// footnoteLabel is a footnote's label as goldmark matches it: without
// regard to case or runs of spaces.
func footnoteLabel(fn *extast.Footnote) string {
	return strings.ToLower(strings.Join(strings.Fields(string(fn.Ref)), " "))
}

// footnoteParagraph returns the one paragraph a footnote's text must be.
func (c *converter) footnoteParagraph(fn *extast.Footnote) ast.Node {
	var blocks []ast.Node
	for n := fn.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*extast.FootnoteBacklink); !ok { // goldmark's, for HTML
			blocks = append(blocks, n)
		}
	}
	if len(blocks) == 0 {
		c.p.add(c.line(fn), "footnote [^%s] is empty; write its text after the colon", fn.Ref)
		return nil
	}
	para, ok := blocks[0].(*ast.Paragraph)
	if !ok || len(blocks) > 1 {
		c.p.add(c.line(fn), "footnote [^%s] must be one paragraph of text", fn.Ref)
		return nil
	}
	if c.table(para) || c.inlineImage(para) {
		return nil
	}
	return para
}

// footnoteNumber returns our number for goldmark's footnote index, giving
// the next number on first use.
func (c *converter) footnoteNumber(index int) int {
	if n, ok := c.fnNumber[index]; ok {
		return n
	}
	c.footnotes = append(c.footnotes, index)
	c.fnNumber[index] = len(c.footnotes)
	return len(c.footnotes)
}
