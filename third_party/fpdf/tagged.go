// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Tagged PDF (handout patch 4, PATCHES.md): a structure tree in reading
// order, marked content tied to it, artifacts, and link annotations as
// structure elements, as ISO 32000-1 §14.7–14.8 and PDF/UA-1 (ISO 14289-1)
// ask. The caller builds the tree with StructRoot and StructElem.Add, and
// wraps what it draws with BeginMarkedContent or BeginArtifact and
// EndMarkedContent; the document then gets /MarkInfo, /StructTreeRoot
// with its /ParentTree, /StructParents on its pages, /Tabs /S on pages
// with annotations, and /StructParent on tagged links.

import (
	"fmt"
	"strconv"
	"strings"
)

// StructElem is an element of the structure tree: a heading, a paragraph,
// a list item, a figure… Make the root with Fpdf.StructRoot and children
// with Add; the order of Add calls and of marked content is the reading
// order.
type StructElem struct {
	// Type is a standard structure type (ISO 32000-1 §14.8.4): Document,
	// Sect, Div, H1–H6, P, L, LI, Lbl, LBody, Figure, Caption, Table, TR,
	// TH, TD, Link, Note, Reference…
	Type string
	// Alt is the replacement text of a Figure (read instead of its
	// content), ActualText the exact text of content that does not
	// extract as it reads, Lang the language of the element if it differs
	// from the document's.
	Alt, ActualText, Lang string
	// Scope is a table header's scope: "Row", "Column" or "Both".
	Scope string
	// ColSpan is how many columns a table cell spans; 0 or 1 writes
	// none (handout patch 7).
	ColSpan int
	// ListNumbering is a list's numbering (ISO 32000-1 Table 347):
	// "Decimal", "Disc", "None"… (handout patch 7).
	ListNumbering string
	// ID is the element's identifier, which PDF/UA asks of every Note
	// (handout patch 7).
	ID string

	parent *StructElem
	kids   []structKid
	obj    int // object number, at output
}

// structKid is one child of an element: an element, marked content on a
// page, or an annotation.
type structKid struct {
	elem       *StructElem
	page       int // the page of marked content or an annotation
	mcid       int // marked content: its MCID on page
	annot      int // an annotation: its index in the page's links; -1 for marked content
	isContent  bool
	isAnnotRef bool
}

// tagState is a document's structure tree while it is drawn.
type tagState struct {
	root      *StructElem
	mcids     map[int][]*StructElem // per page, the element of each MCID
	open      int                   // marked-content sequences begun and not ended
	rootObj   int                   // StructTreeRoot's object number, at output
	annotKeys map[[2]int]int        // (page, link index) → ParentTree key, at output
}

// StructRoot returns the root element of the document's structure tree, a
// Document, making the document a tagged PDF.
func (f *Fpdf) StructRoot() *StructElem {
	if f.tags.root == nil {
		f.tags.root = &StructElem{Type: "Document"}
		f.tags.mcids = map[int][]*StructElem{}
		// /Tabs, which a tagged page with links needs, is PDF 1.5;
		// PDF/UA-1 is written against ISO 32000-1, PDF 1.7.
		if v := pdfVersionFrom(1, 7); f.pdfVersion < v {
			f.pdfVersion = v
		}
	}
	return f.tags.root
}

// Add appends a child element of the given type to e and returns it.
func (e *StructElem) Add(typ string) *StructElem {
	c := &StructElem{Type: typ, parent: e}
	e.kids = append(e.kids, structKid{elem: c})
	return c
}

// BeginMarkedContent starts content of e on the current page: what is
// drawn until EndMarkedContent is e's, and read after e's earlier content.
func (f *Fpdf) BeginMarkedContent(e *StructElem) {
	if f.tags.root == nil || e == nil {
		f.SetErrorf("BeginMarkedContent: no structure tree (call StructRoot first)")
		return
	}
	if f.page < 1 {
		f.SetErrorf("BeginMarkedContent: no page")
		return
	}
	mcid := len(f.tags.mcids[f.page])
	f.tags.mcids[f.page] = append(f.tags.mcids[f.page], e)
	e.kids = append(e.kids, structKid{page: f.page, mcid: mcid, annot: -1, isContent: true})
	f.tags.open++
	f.out("/" + pdfName(e.Type) + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
}

// BeginArtifact starts content that is not part of the text: running
// headers and footers, page numbers, decorative rules and backgrounds.
func (f *Fpdf) BeginArtifact() {
	f.tags.open++
	f.out("/Artifact BMC")
}

// BeginPaginationArtifact starts a running header or footer, or a page
// number: an artifact of type Pagination with its subtype ("Header",
// "Footer"), which a reader can tell from other page furniture (PDF/UA,
// Matterhorn 18-002) (handout patch 8).
func (f *Fpdf) BeginPaginationArtifact(subtype string) {
	f.tags.open++
	f.outf("/Artifact <</Type /Pagination /Subtype /%s>> BDC", pdfName(subtype))
}

// EndMarkedContent ends what BeginMarkedContent or BeginArtifact began.
func (f *Fpdf) EndMarkedContent() {
	if f.tags.open == 0 {
		f.SetErrorf("EndMarkedContent without a Begin")
		return
	}
	f.tags.open--
	f.out("EMC")
}

// LinkStringTagged is LinkString for a tagged document: the link
// annotation is a child of e (a Link element), in reading order after e's
// content so far, and contents describes it for assistive technology
// ("Book an appointment online").
func (f *Fpdf) LinkStringTagged(x, y, w, h float64, linkStr, contents string, e *StructElem) {
	if f.tags.root == nil || e == nil {
		f.SetErrorf("LinkStringTagged: no structure tree (call StructRoot first)")
		return
	}
	f.newLink(x, y, w, h, 0, linkStr)
	links := f.pageLinks[f.page]
	links[len(links)-1].contents = contents
	links[len(links)-1].tagged = true
	e.kids = append(e.kids, structKid{page: f.page, annot: len(links) - 1, isAnnotRef: true})
}

// tagged reports whether the document has a structure tree.
func (f *Fpdf) tagged() bool { return f.tags.root != nil }

// pdfName returns s as a PDF name's characters: structure types are plain
// ASCII words, anything else is refused by being replaced.
func pdfName(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return '_'
	}, s)
}

// putStructTree writes the structure elements, the ParentTree and the
// StructTreeRoot after the pages, whose object numbers pageObj gives, and
// the link annotations, whose object numbers annotObj gives by page and
// index. It runs only for a tagged document.
func (f *Fpdf) putStructTree(pageObj func(page int) int, annotObj func(page, i int) int) {
	if !f.tagged() {
		return
	}
	if f.tags.open != 0 {
		f.err = fmt.Errorf("tagged PDF: %d marked-content sequences not ended", f.tags.open)
		return
	}
	// Number the elements in reading order, then the ParentTree and the
	// root after them.
	var elems []*StructElem
	var walk func(e *StructElem)
	walk = func(e *StructElem) {
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				walk(k.elem)
			}
		}
	}
	walk(f.tags.root)
	next := f.n + 1
	for _, e := range elems {
		e.obj = next
		next++
	}
	parentTree, rootObj := next, next+1
	f.tags.rootObj = rootObj

	// Each element is written with appends, not fmt: a handout has a few
	// hundred (handout patch 7). An element whose marked content is all
	// on one page names the page once (/Pg) and its MCIDs as integers.
	var b []byte
	ref := func(b []byte, obj int) []byte {
		b = strconv.AppendInt(b, int64(obj), 10)
		return append(b, " 0 R"...)
	}
	for _, e := range elems {
		// No /Type: it is optional for a structure element (ISO 32000-1
		// Table 323), and a fifth of each one's bytes.
		b = append(b[:0], "<</S /"...)
		b = append(b, pdfName(e.Type)...)
		b = append(b, " /P "...)
		if e.parent != nil {
			b = ref(b, e.parent.obj)
		} else {
			b = ref(b, rootObj)
		}
		page := 0
		for _, k := range e.kids {
			if k.isContent {
				if page == 0 {
					page = k.page
				} else if k.page != page {
					page = -1
				}
			}
		}
		if page > 0 {
			b = append(b, " /Pg "...)
			b = ref(b, pageObj(page))
		}
		if e.ID != "" {
			b = append(b, " /ID "...)
			b = append(b, f.textstring(e.ID)...)
		}
		if e.Alt != "" {
			b = append(b, " /Alt "...)
			b = append(b, f.textstring(utf8toutf16(e.Alt))...)
		}
		if e.ActualText != "" {
			b = append(b, " /ActualText "...)
			b = append(b, f.textstring(utf8toutf16(e.ActualText))...)
		}
		if e.Lang != "" {
			b = append(b, " /Lang "...)
			b = append(b, f.textstring(e.Lang)...)
		}
		switch {
		case e.Scope != "" || e.ColSpan > 1:
			// Keys in sorted order, as a writer that rewrites the file
			// (pdfcpu, encrypting it) puts them: readers list attributes
			// in the order they come.
			b = append(b, " /A <<"...)
			if e.ColSpan > 1 {
				b = append(b, "/ColSpan "...)
				b = strconv.AppendInt(b, int64(e.ColSpan), 10)
				b = append(b, ' ')
			}
			b = append(b, "/O /Table"...)
			if e.Scope != "" {
				b = append(b, " /Scope /"...)
				b = append(b, pdfName(e.Scope)...)
			}
			b = append(b, ">>"...)
		case e.ListNumbering != "":
			b = append(b, " /A <</O /List /ListNumbering /"...)
			b = append(b, pdfName(e.ListNumbering)...)
			b = append(b, ">>"...)
		}
		b = append(b, " /K ["...)
		for i, k := range e.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.elem != nil:
				b = ref(b, k.elem.obj)
			case k.isContent && page > 0:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			case k.isContent:
				b = append(b, "<</Type /MCR /Pg "...)
				b = ref(b, pageObj(k.page))
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			case k.isAnnotRef:
				b = append(b, "<</Type /OBJR /Pg "...)
				b = ref(b, pageObj(k.page))
				b = append(b, " /Obj "...)
				b = ref(b, annotObj(k.page, k.annot))
				b = append(b, ">>"...)
			}
		}
		b = append(b, "]>>"...)
		f.putCompressible(b)
	}

	// The ParentTree maps each page's StructParents key to the elements
	// of its MCIDs, and each tagged annotation's StructParent key to its
	// element.
	b = append(b[:0], "<</Nums ["...)
	for page := 1; page <= f.page; page++ {
		owners := f.tags.mcids[page]
		if len(owners) == 0 {
			continue
		}
		b = strconv.AppendInt(b, int64(page-1), 10)
		b = append(b, " ["...)
		for i, e := range owners {
			if i > 0 {
				b = append(b, ' ')
			}
			b = ref(b, e.obj)
		}
		b = append(b, "] "...)
	}
	owner := map[[2]int]*StructElem{}
	for _, e := range elems {
		for _, k := range e.kids {
			if k.isAnnotRef {
				owner[[2]int{k.page, k.annot}] = e
			}
		}
	}
	for page := 1; page <= f.page; page++ {
		for i := range f.pageLinks[page] {
			if key, ok := f.tags.annotKeys[[2]int{page, i}]; ok {
				if e := owner[[2]int{page, i}]; e != nil {
					b = strconv.AppendInt(b, int64(key), 10)
					b = append(b, ' ')
					b = append(ref(b, e.obj), ' ')
				}
			}
		}
	}
	b = append(b, "]>>"...)
	f.putCompressible(b)

	f.putCompressible(fmt.Appendf(b[:0], "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		f.tags.root.obj, parentTree, f.page+len(f.tags.annotKeys)))
}

// putTagCatalog writes a tagged document's catalog entries.
func (f *Fpdf) putTagCatalog() {
	if f.tagged() {
		f.outf("/MarkInfo <</Marked true>> /StructTreeRoot %d 0 R", f.tags.rootObj)
	}
	if f.displayDocTitle {
		f.out("/ViewerPreferences <</DisplayDocTitle true>>")
	}
}

// SetDisplayDocTitle asks viewers to show the document's title (SetTitle)
// in their window's title bar instead of the file name, as PDF/UA asks.
func (f *Fpdf) SetDisplayDocTitle(show bool) {
	f.displayDocTitle = show
}
