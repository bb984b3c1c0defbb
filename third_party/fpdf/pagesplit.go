package fpdf

import (
	"bytes"
	"hash/maphash"
	"sync"
)

// Split page content and a cache of compressed page streams (handout
// patch 15, PATCHES.md).
//
// A program that writes many documents whose pages are the same but for
// a little (a running header with a name on each, a page number) can draw
// that little last, after SplitPageContent, so that the rest of the page
// is a content stream of its own (or several), byte for byte the same in
// every document; with a StreamCache, such a stream is compressed once.

// SplitPageContent ends the current page's content stream: what is drawn
// on the page after it goes into a new stream, and the page's /Contents
// is the array of its streams (ISO 32000-1 §7.7.3.3: a reader takes the
// streams as one, so the graphics state carries over). A page can be
// split more than once; a call with nothing drawn since the last does
// nothing.
func (f *Fpdf) SplitPageContent() {
	if f.err != nil || f.state != 2 || f.page < 1 || f.pages[f.page].Len() == 0 {
		return
	}
	for len(f.splitParts) <= f.page {
		f.splitParts = append(f.splitParts, nil)
	}
	f.splitParts[f.page] = append(f.splitParts[f.page], f.pages[f.page])
	f.pages[f.page] = new(bytes.Buffer)
}

// pageParts returns page n's content streams, in drawing order.
func (f *Fpdf) pageParts(n int) []*bytes.Buffer {
	if n < len(f.splitParts) && len(f.splitParts[n]) > 0 {
		return append(f.splitParts[n][:len(f.splitParts[n]):len(f.splitParts[n])], f.pages[n])
	}
	return []*bytes.Buffer{f.pages[n]}
}

// StreamCache keeps page content streams compressed by earlier documents,
// by their uncompressed bytes, for documents that share it: a page the
// same as one already written is not compressed again. A stream is kept
// from the second time it is compressed, so that streams that never
// repeat (the part of a split page that differs in every document) cost
// only a hash each. It holds at most about maxBytes of content and
// compressed streams; when full it starts over. It is safe for
// concurrent use, and the bytes of a document do not depend on it: a
// stream is compressed the same way whether it is found or not.
type StreamCache struct {
	max  int
	seed maphash.Seed

	mu   sync.Mutex
	size int
	m    map[string][]byte
	seen map[uint64]bool // hashes of streams compressed once, not kept
}

// NewStreamCache returns a cache of at most about maxBytes.
func NewStreamCache(maxBytes int) *StreamCache {
	return &StreamCache{max: maxBytes, seed: maphash.MakeSeed(), m: map[string][]byte{}, seen: map[uint64]bool{}}
}

// SetStreamCache makes the document find its compressed page streams in c,
// and add those it compresses. It is not used for a document protected
// with SetProtection, whose streams are encrypted in place.
func (f *Fpdf) SetStreamCache(c *StreamCache) { f.streamCache = c }

// compressed returns content compressed; the slice is shared and must not
// be changed.
func (c *StreamCache) compressed(content []byte) []byte {
	h := maphash.Bytes(c.seed, content)
	c.mu.Lock()
	z, ok := c.m[string(content)]
	again := c.seen[h]
	if !ok && !again {
		c.makeRoom(seenBytes)
		c.seen[h] = true
	}
	c.mu.Unlock()
	if ok {
		return z
	}
	mem := xmem.compress(content)
	z = bytes.Clone(mem.bytes())
	mem.release()
	if !again {
		return z
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[string(content)]; !ok && c.makeRoom(len(content)+len(z)) {
		c.m[string(content)] = z
	}
	return z
}

// seenBytes is about what remembering a stream's hash costs a
// StreamCache.
const seenBytes = 16

// makeRoom counts n more bytes held, starting over first if they would
// not fit; it reports false, holding nothing more, when n is more than
// the whole cache. The caller holds c.mu.
func (c *StreamCache) makeRoom(n int) bool {
	if n > c.max {
		return false
	}
	if c.size+n > c.max {
		clear(c.m)
		clear(c.seen)
		c.size = 0
	}
	c.size += n
	return true
}

// putPageStream writes one content stream of a page as the next object.
func (f *Fpdf) putPageStream(content []byte) {
	f.newobj()
	switch {
	case f.compress && f.streamCache != nil && !f.protect.encrypted:
		data := f.streamCache.compressed(content)
		f.outf("<</Filter /FlateDecode /Length %d>>", len(data))
		f.putstream(data)
	case f.compress:
		mem := xmem.compress(content)
		data := mem.bytes()
		f.outf("<</Filter /FlateDecode /Length %d>>", len(data))
		f.putstream(data)
		mem.release()
	default:
		f.outf("<</Length %d>>", len(content))
		f.putstream(content)
	}
	f.out("endobj")
}
