package layout

import (
	"hash/maphash"
	"strconv"
	"sync"

	"handout/content"
)

// LineCache keeps the lines a paragraph was broken into, for the
// documents laid out after it: the handouts of a batch's packets are the
// same paragraphs in every packet, and measuring their words again
// (splitWords) was a third of laying a packet out. Lines depend only on
// the fonts measured with, the text's style, its spans and the width, and
// nothing changes them once made, so documents laid out at the same time
// may share them. A paragraph is kept from the second time it is broken,
// so that those printed once (the cover's lines with the patient's name,
// different in every packet) cost a hash each and not their lines: kept,
// they filled the cache of a 10,000-row batch and had the collector run
// for a fifth of its CPU. A cache holds at most maxCachedParagraphs (and
// remembers at most maxSeenParagraphs hashes) and starts over when full;
// output does not depend on it. Make one with NewLineCache; the zero
// Input.Lines is no cache.
type LineCache struct {
	seed maphash.Seed

	mu sync.Mutex
	// fonts is what the lines in m were measured with: one set at a
	// time, so that a cache never keeps alive the fonts (a clinic's CJK
	// font is megabytes) of documents laid out before the last.
	fonts Measurer
	m     map[lineKey][]line
	seen  map[uint64]bool // hashes of the lineKeys broken once, not kept
}

// NewLineCache returns an empty cache.
func NewLineCache() *LineCache {
	return &LineCache{seed: maphash.MakeSeed(), m: map[lineKey][]line{}, seen: map[uint64]bool{}}
}

// maxCachedParagraphs bounds a LineCache: a packet has about 300
// paragraphs and lines, a line about 200 bytes of words and runs.
// maxSeenParagraphs bounds the hashes of those broken once.
const (
	maxCachedParagraphs = 8192
	maxSeenParagraphs   = 1 << 16
)

// lineKey is what a paragraph's lines depend on besides the fonts. The spans are written
// into one string (spansKey), as a slice cannot be a key.
type lineKey struct {
	st    textStyle
	width float64
	spans string
}

// spansKey writes spans as a string that two lists of spans share only
// when they are equal: each text and link is preceded by its length, so
// no text can pass for a field boundary.
func spansKey(spans []content.Span) string {
	b := make([]byte, 0, 64)
	for _, sp := range spans {
		b = strconv.AppendInt(b, int64(len(sp.Text)), 10)
		b = append(b, ':')
		b = append(b, sp.Text...)
		b = strconv.AppendInt(b, int64(sp.Style), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(len(sp.Link)), 10)
		b = append(b, ':')
		b = append(b, sp.Link...)
		b = strconv.AppendInt(b, int64(sp.FootnoteRef), 10)
		b = append(b, ';')
	}
	return string(b)
}

// lines returns spans broken into lines of width w (breakLines), from
// the cache when they were broken before with the same fonts and style.
// c may be nil.
func (c *LineCache) lines(m Measurer, st textStyle, spans []content.Span, w float64) []line {
	if c == nil {
		return breakLines(m, splitWords(m, st, spans), w)
	}
	k := lineKey{st: st, width: w, spans: spansKey(spans)}
	c.mu.Lock()
	ls, ok := c.m[k]
	ok = ok && c.fonts == m
	c.mu.Unlock()
	if ok {
		return ls
	}
	ls = breakLines(m, splitWords(m, st, spans), w)
	h := maphash.Comparable(c.seed, k)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fonts != m {
		clear(c.m)
		clear(c.seen)
		c.fonts = m
	}
	if !c.seen[h] {
		if len(c.seen) >= maxSeenParagraphs {
			clear(c.seen)
		}
		c.seen[h] = true
		return ls
	}
	if len(c.m) >= maxCachedParagraphs {
		clear(c.m)
	}
	c.m[k] = ls
	return ls
}
