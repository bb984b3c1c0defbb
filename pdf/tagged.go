package pdf

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"

	"handout/layout"
)

// tagger turns layout's structure tree into the PDF's (ISO 32000-1
// §14.7–14.8, PDF/UA-1): one structure element per layout element, made
// in reading order before any page is drawn, and every item drawn inside
// marked content of its element, or as an artifact. Consecutive items of
// one element share one marked-content sequence.
type tagger struct {
	f     *fpdf.Fpdf
	elems []*fpdf.StructElem // by layout.Elem.Num
	open  bool               // a sequence is open on this page
	elem  *layout.Elem       // the open sequence's element; nil for an artifact
	art   layout.Artifact
}

// newTagger makes the document's structure tree from root's.
func newTagger(f *fpdf.Fpdf, root *layout.Elem) *tagger {
	t := &tagger{f: f}
	var walk func(e *layout.Elem, s *fpdf.StructElem)
	walk = func(e *layout.Elem, s *fpdf.StructElem) {
		n := e.Num()
		if n >= len(t.elems) {
			t.elems = append(t.elems, make([]*fpdf.StructElem, n+1-len(t.elems))...)
		}
		t.elems[n] = s
		s.Alt, s.Scope, s.ColSpan, s.ListNumbering, s.ID = e.Alt, e.Scope, e.ColSpan, e.Numbering, e.ID
		for _, k := range e.Kids {
			walk(k, s.Add(string(k.Role)))
		}
	}
	if root != nil {
		walk(root, f.StructRoot())
	}
	return t
}

// enter opens the sequence item it belongs in, closing the one open if it
// is another's.
func (t *tagger) enter(it layout.Item) {
	e, art := layout.TagOf(it)
	if t.open && e == t.elem && (e != nil || art == t.art) {
		return
	}
	t.end()
	switch {
	case e != nil:
		s := t.structOf(e)
		if s == nil {
			t.f.SetError(fmt.Errorf("a %s element on the page is not in the structure tree", e.Role))
			return
		}
		if len(e.Kids) > 0 {
			// Its content would be read after all its kids, whatever
			// the order on the page: layout puts such text in Spans.
			t.f.SetError(fmt.Errorf("a %s element has content of its own and %d kids", e.Role, len(e.Kids)))
			return
		}
		t.f.BeginMarkedContent(s)
	case art == layout.Header:
		t.f.BeginPaginationArtifact("Header")
	case art == layout.Footer:
		t.f.BeginPaginationArtifact("Footer")
	default:
		t.f.BeginArtifact()
	}
	t.open, t.elem, t.art = true, e, art
}

// structOf is the structure element made of e; nil if e is not in the tree.
func (t *tagger) structOf(e *layout.Elem) *fpdf.StructElem {
	if e == nil || e.Num() <= 0 || e.Num() >= len(t.elems) {
		return nil
	}
	return t.elems[e.Num()]
}

// end closes the open sequence, if any: at the end of every page.
func (t *tagger) end() {
	if t.open {
		t.f.EndMarkedContent()
		t.open = false
	}
}

// link adds a link annotation as part of its Link element.
func (t *tagger) link(l *layout.Link) {
	s := t.structOf(l.Elem)
	if s == nil {
		t.f.SetError(fmt.Errorf("the link to %s is not in the structure tree", l.URL))
		return
	}
	t.f.LinkStringTagged(l.X, l.Y, l.W, l.H, l.URL, l.Contents, s)
}
