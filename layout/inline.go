package layout

import (
	"image/color"
	"strconv"
	"strings"
	"unicode/utf8"

	"handout/content"
	"handout/fonts"
)

// Measurer gives the advance width of text in points. The PDF writer draws
// with the same font metrics, so what layout measures is what prints.
// *fonts.Set implements it.
type Measurer interface {
	Width(f fonts.Face, size float64, s string) float64
}

// textStyle is the look of a block of running text before inline styles.
type textStyle struct {
	bold, italic bool
	size         float64
	leading      float64 // line height in points
	color        color.RGBA
	linkColor    color.RGBA
	linkRule     float64    // the weight of a link's underline
	linkDrop     float64    // the underline, below the baseline
	minSize      float64    // the smallest a footnote marker is printed
	background   color.RGBA // what the text is printed on: the paper, or a box's fill
}

// on is st printed on a box filled with bg (a callout's tint): its
// colours darkened where they would not keep textContrast there.
func (st textStyle) on(bg color.RGBA) textStyle {
	st.background = bg
	st.color = darkened(st.color, textContrast, bg)
	st.linkColor = darkened(st.linkColor, textContrast, bg)
	return st
}

// Proportions of the fonts, as parts of the text's size: where the
// baseline sits below the middle of a line, how small and how high a
// footnote marker is.
const (
	baselineDrop = 0.36
	markerScale  = 0.68
	markerRise   = 0.36
)

// baseline is the baseline of a line of st, below the line's top: its
// text centred in the leading.
func (st textStyle) baseline() float64 { return st.leading/2 + st.size*baselineDrop }

// runStyle is the look of one run of text on a line.
type runStyle struct {
	face  fonts.Face
	size  float64
	color color.RGBA
	link  string
	rise  float64 // raise above the baseline (footnote markers)
}

// run is text in one style with its measured width.
type run struct {
	style runStyle
	text  string
	w     float64
}

// word is an unbreakable piece of text (it may mix styles, as in
// "**bold**ish") and the width of the space that follows it.
type word struct {
	runs       []run
	w          float64
	spaceAfter float64
	space      runStyle // style of that space
	breakAfter bool     // a hard line break follows ("\n" in the text)
	// glued: the line may break after the word, but no space follows it
	// (between two Chinese characters: linebreak.go); on one line the next
	// word follows it directly.
	glued bool
}

// line is one laid-out line: words and the gaps between them.
type line struct {
	words []word
	w     float64
}

// align is a horizontal text alignment.
type align uint8

const (
	alignLeft align = iota
	alignCenter
)

// styleOf resolves a span's look against the block's base style.
func styleOf(base textStyle, sp content.Span) runStyle {
	bold := base.bold || sp.Style&content.Bold != 0
	italic := base.italic || sp.Style&content.Italic != 0
	st := runStyle{face: fonts.FaceFor(bold, italic), size: base.size, color: base.color, link: sp.Link}
	if sp.Link != "" {
		st.color = base.linkColor
	}
	if sp.FootnoteRef > 0 {
		// A footnote marker is printed small and raised, like a superscript.
		st.face = fonts.FaceFor(bold, false)
		// Never under the smallest size the style prints.
		st.size = max(base.minSize, base.size*markerScale)
		st.rise = base.size * markerRise
	}
	return st
}

// splitWords splits spans into words. The ordinary space breaks lines,
// and so does the point between two Chinese, Japanese or Korean
// characters where the kinsoku rules allow (canBreakBetween), without a
// space; a no-break space (U+00A0) keeps "5 minutes" together, and "\n"
// forces a new line (the footer's hours, the booking panel's heading).
func splitWords(m Measurer, base textStyle, spans []content.Span) []word {
	// A word for each space or line break and one more, so out is made
	// once (the spans of a handout are most of layout's allocations).
	n := 1
	for _, sp := range spans {
		n += strings.Count(sp.Text, " ") + strings.Count(sp.Text, "\n") + strings.Count(sp.Text, "\t")
	}
	out := make([]word, 0, n)
	var cur word
	// last is the last character of cur, for a break between it and the
	// next (which may be in the next span: "**重**复").
	var last rune
	addRun := func(st runStyle, piece string) {
		w := m.Width(st.face, st.size, piece)
		cur.runs = append(cur.runs, run{style: st, text: piece, w: w})
		cur.w += w
	}
	// addPiece adds text without spaces to cur, ending a glued word at
	// each place a line may break inside it.
	addPiece := func(st runStyle, piece string) {
		start := 0
		for i, r := range piece {
			if last != 0 && canBreakBetween(last, r) {
				if i > start {
					addRun(st, piece[start:i])
				}
				if len(cur.runs) > 0 {
					cur.glued = true
					out = append(out, cur)
					cur = word{}
				}
				start = i
			}
			last = r
		}
		addRun(st, piece[start:])
	}
	flush := func(space runStyle, hasSpace, hardBreak bool) {
		if len(cur.runs) == 0 {
			if hardBreak && len(out) > 0 {
				out[len(out)-1].breakAfter = true
			}
			return
		}
		cur.breakAfter = hardBreak
		if hasSpace {
			cur.space = space
			cur.spaceAfter = m.Width(space.face, space.size, " ")
		}
		out = append(out, cur)
		cur = word{}
	}
	for _, sp := range spans {
		st := styleOf(base, sp)
		text := sp.Text
		for text != "" {
			i := strings.IndexAny(text, " \n\t")
			piece := text
			if i >= 0 {
				piece = text[:i]
			}
			if piece != "" {
				addPiece(st, piece)
			}
			if i < 0 {
				break
			}
			flush(st, true, text[i] == '\n')
			last = 0
			text = text[i+1:]
		}
	}
	flush(runStyle{}, false, false)
	return out
}

// breakLines fills lines greedily up to width. A word wider than the line
// (a long URL, a long compound word) is cut, preferably after a URL
// separator, so nothing ever runs past the margin.
func breakLines(m Measurer, words []word, width float64) []line {
	var lines []line
	// The open line is words[start:i] (start -1: none), w wide. A line is
	// a slice of words, not a copy: the words of a paragraph are copied
	// once, by splitWords, not again per line.
	start, w := -1, 0.0
	closeLine := func(end int) {
		lines = append(lines, line{words: words[start:end:end], w: w})
		start, w = -1, 0
	}
	for i := 0; i < len(words); i++ {
		wd := words[i]
		gap := 0.0
		if start >= 0 {
			gap = words[i-1].spaceAfter
		}
		if w+gap+wd.w <= width+0.001 {
			if start < 0 {
				start = i
			}
			w += gap + wd.w
			if wd.breakAfter {
				closeLine(i + 1)
			}
			continue
		}
		if start >= 0 {
			closeLine(i)
			i--
			continue
		}
		// Alone and too wide: its head on a line of its own, the tail
		// in its place (no line holds words[i] yet).
		head, tail := cutWord(m, wd, width)
		lines = append(lines, line{words: []word{head}, w: head.w})
		words[i] = tail
		i--
	}
	if start >= 0 {
		closeLine(len(words))
	}
	return lines
}

// cutWord splits a word that is wider than width into a head that fits and
// the rest. It cuts after the last '/', '-', '.', '?', '&', '=' or '_' that
// fits, else after the last character that fits (at least one character,
// so the loop always advances).
func cutWord(m Measurer, wd word, width float64) (head, tail word) {
	type pos struct{ run, off int }
	var best, lastFit pos
	haveBest := false
	used := 0.0
	fits := true
	for ri, r := range wd.runs {
		for off, ch := range r.text {
			chw := m.Width(r.style.face, r.style.size, string(ch))
			if used+chw > width && (ri > 0 || off > 0) {
				fits = false
				break
			}
			used += chw
			end := pos{ri, off + utf8.RuneLen(ch)}
			lastFit = end
			if strings.ContainsRune("/-.?&=_", ch) {
				best, haveBest = end, true
			}
		}
		if !fits {
			break
		}
	}
	cut := lastFit
	if haveBest && best != (pos{}) {
		cut = best
	}
	for ri, r := range wd.runs {
		switch {
		case ri < cut.run:
			head.runs = append(head.runs, r)
		case ri == cut.run:
			if cut.off > 0 {
				head.runs = append(head.runs, run{style: r.style, text: r.text[:cut.off], w: m.Width(r.style.face, r.style.size, r.text[:cut.off])})
			}
			if cut.off < len(r.text) {
				tail.runs = append(tail.runs, run{style: r.style, text: r.text[cut.off:], w: restWidth(m, r.style, r.text[cut.off:], width)})
			}
		default:
			tail.runs = append(tail.runs, r)
		}
	}
	for _, r := range head.runs {
		head.w += r.w
	}
	for _, r := range tail.runs {
		tail.w += r.w
	}
	tail.spaceAfter, tail.space, tail.breakAfter, tail.glued = wd.spaceAfter, wd.space, wd.breakAfter, wd.glued
	return head, tail
}

// restWidth is the width of s, the rest of a run cut by cutWord, measured
// in full only when it could fit on a line of width. A longer rest will be
// cut again, and all breakLines needs to know until then is that it is too
// wide: it gets the width of its first characters that are. Measuring the
// whole rest at every cut made cutting a word of n characters take time
// in proportion to n² (a 2 MB title: minutes).
func restWidth(m Measurer, st runStyle, s string, width float64) float64 {
	// The per-character sum may differ from the whole's width in the last
	// bits; a point of margin keeps every rest that might fit exact.
	sum := 0.0
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		sum += m.Width(st.face, st.size, s[i:i+n])
		if sum > width+1 {
			return sum
		}
		i += n
	}
	return m.Width(st.face, st.size, s)
}

// lineItems draws one line with its top-left corner at (x, top). Runs of
// the same style, and the spaces between them, become one Text item: fewer
// PDF operators, and the same positions, since the space is measured with
// the same font. A link's text and its annotation are one Link element, a
// footnote marker a Reference (elem.go), for the block's element to adopt
// in order (markItems).
func lineItems(ln line, x, top float64, base textStyle, width float64, al align) []Item {
	if al == alignCenter {
		x += (width - ln.w) / 2
	}
	baseline := top + base.baseline()
	var items []Item
	// The pending run's text grows in buf and becomes its S when the run
	// ends (endRun): adding to S word by word copied the line's text again
	// for every word (4% of a batch's CPU).
	var pending *Text
	var pendingStyle runStyle
	var buf []byte
	endRun := func() {
		if pending != nil {
			pending.S = string(buf)
			pending = nil
		}
	}
	var linkStart float64
	var linkURL, linkText string
	var link *Elem
	flushLink := func(end float64) {
		if linkURL != "" {
			items = append(items,
				&Rule{X1: linkStart, Y1: baseline + base.linkDrop, X2: end, Y2: baseline + base.linkDrop, Width: base.linkRule, Color: base.linkColor},
				&Link{Tag: Tag{Elem: link}, X: linkStart, Y: top, W: end - linkStart, H: base.leading, URL: linkURL, Contents: strings.TrimSpace(linkText)})
			linkURL, linkText, link = "", "", nil
		}
	}
	emit := func(st runStyle, text string, at float64) {
		if st.link != "" {
			linkText += text
		}
		if pending != nil && pendingStyle == st {
			buf = append(buf, text...)
			return
		}
		endRun()
		buf = append(buf[:0], text...)
		pending = &Text{X: at, Y: baseline - st.rise, Face: st.face, Size: st.size, Color: st.color}
		switch {
		case st.link != "":
			pending.Elem = link
		case st.rise > 0:
			pending.Elem = newElem(RoleReference)
		}
		pendingStyle = st
		items = append(items, pending)
	}
	cx := x
	for wi, wd := range ln.words {
		for _, r := range wd.runs {
			if r.style.link != linkURL {
				flushLink(cx)
				if r.style.link != "" {
					linkStart, linkURL, link = cx, r.style.link, newElem(RoleLink)
				}
			}
			emit(r.style, r.text, cx)
			cx += r.w
		}
		if wd.glued {
			// No space: the next word goes on the pending run (emit)
			// when it is in the same style.
			continue
		}
		// The space after a word is written as text even where the next
		// word starts a run of its own, and so is the space or line break
		// at the end of a line (not drawn, so nothing moves): text copied
		// or read from the structure tree then has its spaces ("DOSE 10
		// times", not "DOSE10 times").
		if pending != nil && (wd.spaceAfter > 0 || wd.breakAfter) {
			buf = append(buf, ' ')
			if pendingStyle.link != "" {
				linkText += " "
			}
		}
		if wi < len(ln.words)-1 {
			next := ln.words[wi+1].runs[0].style
			if wd.space != next || pendingStyle != next {
				endRun()
			}
			if linkURL != "" && next.link != linkURL {
				flushLink(cx)
			}
			cx += wd.spaceAfter
		}
	}
	endRun()
	flushLink(cx)
	return items
}

func plain(s string) []content.Span { return []content.Span{{Text: s}} }

// itoa is strconv.Itoa, short for the many labels built here.
func itoa(n int) string { return strconv.Itoa(n) }

// atoi is the number s is, 0 when it is none.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
