package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"handout/locale"
)

// spans converts the inline content of block into merged spans, with
// {fig:ID} resolved.
func (c *converter) spans(block ast.Node) []Span {
	return c.finishSpans(c.rawSpans(block), c.line(block))
}

// joinsWithoutSpace reports whether the source line that ends with s (the
// text of ch) and the next are joined without a space: Chinese and
// Japanese have no spaces between words, so a line break between two of
// their characters is no space on the page (as CSS Text 3 treats a
// segment break between two wide East Asian characters). Korean, which
// has spaces, keeps it.
func joinsWithoutSpace(ch *ast.Text, s string, src []byte) bool {
	next, ok := ch.NextSibling().(*ast.Text)
	if !ok || !ch.SoftLineBreak() {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	first, _ := utf8.DecodeRune(next.Value(src))
	return wideEastAsian(last) && wideEastAsian(first)
}

// wideEastAsian reports whether r is a Chinese or Japanese character or
// punctuation mark written without spaces around it.
func wideEastAsian(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo)
}

// rawSpans converts the inline content of block into merged spans.
func (c *converter) rawSpans(block ast.Node) []Span {
	var out []Span
	c.inline(block, 0, "", &out)
	return mergeSpans(out)
}

// finishSpans resolves {fig:ID} in spans and reports footnote markers
// without a footnote; line is the block's.
func (c *converter) finishSpans(spans []Span, line int) []Span {
	spans = c.resolveFigRefs(spans, line)
	c.checkFootnoteMarkers(spans, line)
	return spans
}

// inline appends the spans of n's children to out.
func (c *converter) inline(n ast.Node, style Style, link string, out *[]Span) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			s := unescape(ch.Value(c.src.text))
			if (ch.SoftLineBreak() || ch.HardLineBreak()) && !joinsWithoutSpace(ch, s, c.src.text) {
				s += " " // the page breaks lines its own way
			}
			*out = append(*out, Span{Text: s, Style: style, Link: link})
		case *ast.String:
			if ch.IsCode() {
				c.codeSpan(ch)
				continue
			}
			*out = append(*out, Span{Text: string(ch.Value), Style: style, Link: link})
		case *ast.Emphasis:
			if ch.Level == 1 {
				c.inline(ch, style|Italic, link, out)
			} else {
				c.inline(ch, style|Bold, link, out)
			}
		case *ast.Link:
			dest := unescape(ch.Destination)
			if !c.checkLink(dest, c.line(ch)) {
				dest = link
			}
			c.inline(ch, style, dest, out)
		case *ast.AutoLink:
			url := string(ch.URL(c.src.text))
			if ch.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			*out = append(*out, Span{Text: string(ch.Label(c.src.text)), Style: style, Link: url})
		case *extast.FootnoteLink:
			n := c.footnoteNumber(ch.Index)
			*out = append(*out, Span{Text: strconv.Itoa(n), FootnoteRef: n})
		case *extast.FootnoteBacklink:
			// goldmark's link back from a footnote to its marker: HTML only.
		case *ast.CodeSpan:
			c.codeSpan(ch)
		case *ast.RawHTML:
			c.p.add(c.line(ch), "raw HTML is not supported; write the text as Markdown")
		case *ast.Image:
			c.p.add(c.line(ch), "an image inside other text is not supported; put the image in a paragraph of its own, "+
				"with a blank line before and after, and refer to it as {fig:ID}")
		default:
			c.p.add(c.line(ch), "%s is not supported in text; see docs/format.md", ch.Kind())
		}
	}
}

func (c *converter) codeSpan(n ast.Node) {
	c.p.add(c.line(n), "code spans (`…`) are not supported; write the text without backticks")
}

// linkSchemeRE matches the URL schemes a link in a handout may use.
var linkSchemeRE = regexp.MustCompile(`(?i)^(https?://[^/\s]|mailto:|tel:)`)

// checkLink reports whether dest is a link a reader of the printed or PDF
// handout can follow; a relative one leads nowhere there.
func (c *converter) checkLink(dest string, line int) bool {
	if linkSchemeRE.MatchString(dest) {
		return true
	}
	c.p.add(line, "link target %q is not a web address; write the full address, e.g. https://example.com/page", dest)
	return false
}

// mergeSpans joins neighbouring spans of the same style and link, drops
// empty ones and trims the white space at the block's edges.
func mergeSpans(in []Span) []Span {
	var out []Span
	for _, s := range in {
		if s.Text == "" {
			continue
		}
		if k := len(out) - 1; k >= 0 && s.FootnoteRef == 0 && out[k].FootnoteRef == 0 &&
			out[k].Style == s.Style && out[k].Link == s.Link {
			out[k].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	for len(out) > 0 {
		if out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace); out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		k := len(out) - 1
		if out[k].Text = strings.TrimRightFunc(out[k].Text, unicode.IsSpace); out[k].Text != "" {
			break
		}
		out = out[:k]
	}
	return out
}

// plainText is the text of spans without styles.
func plainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// figRefRE matches a reference to a figure, "{fig:prone-chin-rest}".
var figRefRE = regexp.MustCompile(`\{fig:([^{}\n]*)\}`)

// resolveFigRefs replaces each {fig:ID} in spans by "Figure N"; line is the
// block's, for messages.
func (c *converter) resolveFigRefs(spans []Span, line int) []Span {
	for i := range spans {
		if spans[i].FootnoteRef != 0 || !strings.Contains(spans[i].Text, "{fig:") {
			continue
		}
		spans[i].Text = figRefRE.ReplaceAllStringFunc(spans[i].Text, func(ref string) string {
			id := strings.TrimSpace(ref[len("{fig:") : len(ref)-1])
			figs := c.figByID[id]
			switch {
			case len(figs) == 1:
				// A no-break space: "Figure" never ends a line without
				// its number.
				return strings.ReplaceAll(figureRef(c.h, figs[0].Number), " ", "\u00a0")
			case len(figs) > 1:
				var which []string
				for _, f := range figs {
					which = append(which, "Figure "+strconv.Itoa(f.Number)+" (line "+strconv.Itoa(f.Pos.Line)+")")
				}
				c.p.add(line, "%s is ambiguous: %s all have the id %q; write %q instead",
					ref, strings.Join(which, " and "), id, "Figure "+strconv.Itoa(figs[0].Number))
			case len(c.figIDs) == 0:
				c.p.add(line, "%s names no figure, and the handout has none; "+
					"a figure is an image in a paragraph of its own", ref)
			default:
				c.p.add(line, "%s names no figure; use one of the figure ids: %s", ref, strings.Join(c.figIDs, ", "))
			}
			return ref
		})
	}
	return spans
}

// figureRef is "Figure N" in the words of the handout's own language
// (its front matter's language:, en-US without one; a language the
// program does not print is render's error to report, with the words
// of en-US here).
func figureRef(h *Handout, n int) string {
	w, err := locale.Match(h.Meta.Language)
	if h.Meta.Language == "" || err != nil {
		w = locale.English()
	}
	return w.Text(locale.FigureRef, strconv.Itoa(n))
}

// footnoteMarkerRE matches a footnote marker goldmark left as text
// because no "[^id]: …" line defines it.
var footnoteMarkerRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// checkFootnoteMarkers reports footnote markers without a definition.
func (c *converter) checkFootnoteMarkers(spans []Span, line int) {
	for _, s := range spans {
		if s.FootnoteRef != 0 || s.Link != "" {
			continue
		}
		for _, m := range footnoteMarkerRE.FindAllStringSubmatch(s.Text, -1) {
			c.p.add(line, `footnote %s has no text; add a line "[^%s]: …" with it, after a blank line`, m[0], m[1])
		}
	}
}

// entityRE matches one HTML entity or numeric character reference.
var entityRE = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// unescape returns the text Markdown source b stands for: goldmark keeps
// the source bytes, with their backslash escapes and entity references.
// Each reference is resolved on its own, so "&amp;lt;" stays "&lt;".
func unescape(b []byte) string {
	var out []byte
	resolve := func(s []byte) {
		out = append(out, entityRE.ReplaceAllFunc(s, func(ref []byte) []byte {
			if ref[1] == '#' {
				return util.ResolveNumericReferences(ref)
			}
			return util.ResolveEntityNames(ref)
		})...)
	}
	for {
		i := bytes.IndexByte(b, '\\')
		if i < 0 || i+1 == len(b) {
			resolve(b)
			return string(out)
		}
		resolve(b[:i])
		if util.IsPunct(b[i+1]) {
			out = append(out, b[i+1])
		} else {
			out = append(out, '\\', b[i+1])
		}
		b = b[i+2:]
	}
}
