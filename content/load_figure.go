package content

import (
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// numberFigures numbers the paragraphs of doc that are figures, before the
// text is converted, so that {fig:ID} may refer to a figure further down.
// Only top-level paragraphs can be figures: images anywhere else are
// reported when their text is converted.
func (c *converter) numberFigures(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		para, ok := n.(*ast.Paragraph)
		if !ok {
			continue
		}
		if imgs, alts := c.figureImages(para); imgs != nil {
			c.figures[para] = c.figure(para, imgs, alts)
		}
	}
}

// figureImages returns the images of a paragraph that holds nothing else
// but the spaces and line breaks between them, each optionally followed by
// its alt text as {alt="…"}, or nil. alts[i] is image i's alt text, "" when
// it has none.
func (c *converter) figureImages(para *ast.Paragraph) (imgs []*ast.Image, alts []string) {
	var between strings.Builder // the text after the last image
	flush := func() bool {
		text := strings.TrimSpace(between.String())
		between.Reset()
		if len(imgs) == 0 {
			return text == ""
		}
		alt, ok := altAttribute(text)
		alts[len(alts)-1] = alt
		return ok
	}
	for n := para.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Image:
			if !flush() {
				return nil, nil
			}
			imgs = append(imgs, n)
			alts = append(alts, "")
		case *ast.Text:
			between.WriteString(unescape(n.Value(c.src.text)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				between.WriteByte(' ')
			}
		default:
			return nil, nil
		}
	}
	if !flush() {
		return nil, nil
	}
	return imgs, alts
}

// altAttributeRE matches the alt text written after an image: {alt="…"}.
var altAttributeRE = regexp.MustCompile(`^\{\s*alt\s*=\s*"([^"]*)"\s*\}$`)

// altAttribute reads the text between two images of a figure: nothing, or
// the first image's alt text as {alt="…"}. ok is false for any other text,
// which makes the paragraph text with an image in it (reported as such).
// The syntax is an error in every handout written before it, so no handout
// changes meaning.
func altAttribute(text string) (alt string, ok bool) {
	if text == "" {
		return "", true
	}
	m := altAttributeRE.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return strings.Join(strings.Fields(m[1]), " "), true
}

// figure makes the next figure from the images of para.
func (c *converter) figure(para *ast.Paragraph, imgs []*ast.Image, alts []string) *Figure {
	f := &Figure{Pos: c.pos(para), Number: len(c.figures) + 1}
	var captions []string
	for i, img := range imgs {
		p := Panel{Pos: c.pos(img), Caption: altText(img, c.src.text), Alt: alts[i], Source: slashed(unescape(img.Destination))}
		if len(imgs) > 1 {
			p.Label = panelLabel(i)
		}
		c.checkImageSource(p.Source, p.Pos.Line)
		f.Panels = append(f.Panels, p)
		if p.Caption != "" {
			captions = append(captions, p.Caption)
		}
	}
	// The spec names the first image's title; the first title of any
	// image is the same when the first has one, and keeps the caption of
	// "![a](x) ![b](y "Both")" instead of dropping it.
	var caption string
	for _, img := range imgs {
		if caption = strings.TrimSpace(unescape(img.Title)); caption != "" {
			break
		}
	}
	if caption == "" {
		caption = strings.Join(captions, "; ")
	}
	if caption != "" {
		f.Caption = []Span{{Text: caption}}
	}
	f.ID = figureID(f.Panels[0].Source)
	if c.figByID[f.ID] == nil {
		c.figIDs = append(c.figIDs, f.ID)
	}
	c.figByID[f.ID] = append(c.figByID[f.ID], f)
	return f
}

// panelLabel returns "a", "b", … "z", "aa", "ab", … for panel i (from 0).
func panelLabel(i int) string {
	s := string(rune('a' + i%26))
	if i >= 26 {
		return panelLabel(i/26-1) + s
	}
	return s
}

// figureID is the name the text refers to a figure by: the builtin
// drawing's name, or the file name without its extension.
func figureID(source string) string {
	if name, ok := (Panel{Source: source}).Builtin(); ok {
		return name
	}
	base := path.Base(strings.ReplaceAll(source, `\`, "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// altText is the plain text of an image's description.
func altText(img *ast.Image, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(img, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.WriteString(unescape(n.Value(src)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// slashed writes a picture path with "/" however it was typed: a handout
// written on Windows ("photos\cat.jpg") renders on a Mac, and the path is
// the same key everywhere. A backslash is never part of a file name on
// Windows, and a file name with one elsewhere is not worth the confusion.
func slashed(src string) string {
	if strings.HasPrefix(src, "builtin:") {
		return src
	}
	return strings.ReplaceAll(src, `\`, "/")
}

var (
	// urlSchemeRE matches a URL scheme; one letter would be a drive ("C:").
	urlSchemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:`)
	// absPathRE matches an absolute path, Unix or Windows.
	absPathRE = regexp.MustCompile(`^([/\\]|[A-Za-z]:)`)
)

// checkImageSource reports an image source that is neither a builtin
// drawing nor a file path relative to the handout.
func (c *converter) checkImageSource(src string, line int) {
	const example = "write ![caption](builtin:NAME) or ![caption](picture.jpg)"
	if name, ok := strings.CutPrefix(src, "builtin:"); ok {
		if strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t/\\") {
			c.p.add(line, `image %q: a builtin drawing's name follows "builtin:", e.g. builtin:quadruped-cat (see "handout list")`, src)
		}
		return
	}
	// A picture's format is not judged by its name: figures recognises it
	// by its content when the file is read (a JPEG saved as ".gif" is a
	// JPEG), and explains a HEIC, GIF or TIFF by what it is.
	switch {
	case src == "":
		c.p.add(line, "image has no source; %s", example)
	case urlSchemeRE.MatchString(src):
		c.p.add(line, "image %q is not a file: pictures from the web are not supported; "+
			"save it next to the handout and write its file name", src)
	case absPathRE.MatchString(src):
		c.p.add(line, "image path %q is absolute; write it relative to the handout file, e.g. images/cat.jpg", src)
	}
}
