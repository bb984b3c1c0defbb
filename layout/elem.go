package layout

import "slices"

// The logical structure of a document, for tagged PDF (PDF/UA-1): a tree
// of elements in reading order, and for every item on a page the element
// it is part of, or which kind of artifact it is. Layout owns the tree
// because layout knows what each item is (a step's number, a figure's
// caption, a table's header cell); the PDF writer only turns it into a
// structure tree and marked content.
//
// How layout builds it: text and pictures are laid out as units; mark
// gives the items of units a detached element; builder.add attaches the
// elements of the units' items to the container being laid out (a
// section, a callout, the document) in the order the units join the
// flow. Elements are attached only when their units are added, so a
// layout that is tried and dropped (a photo beside its steps that does
// not fit) leaves nothing in the tree.

// Role is a standard structure type of ISO 32000-1 §14.8.4.
type Role string

// The roles layout gives.
const (
	RoleDocument  Role = "Document"
	RoleSect      Role = "Sect"
	RoleDiv       Role = "Div"
	RoleH1        Role = "H1"
	RoleH2        Role = "H2"
	RoleH3        Role = "H3"
	RoleP         Role = "P"
	RoleSpan      Role = "Span"
	RoleL         Role = "L"
	RoleLI        Role = "LI"
	RoleLbl       Role = "Lbl"
	RoleLBody     Role = "LBody"
	RoleFigure    Role = "Figure"
	RoleCaption   Role = "Caption"
	RoleTable     Role = "Table"
	RoleTR        Role = "TR"
	RoleTH        Role = "TH"
	RoleTD        Role = "TD"
	RoleLink      Role = "Link"
	RoleNote      Role = "Note"
	RoleReference Role = "Reference"
)

// Elem is one element of the structure tree.
type Elem struct {
	Role Role
	// Alt is a Figure's description, read instead of its content.
	Alt string
	// Scope is a table header's: "Column" or "Row".
	Scope string
	// ColSpan is how many columns a table cell spans; 0 is one.
	ColSpan int
	// Numbering is a list's: "Decimal" for numbered steps, "Disc" for
	// bullets (PDF/UA asks for it on L, Matterhorn 16-001).
	Numbering string
	// ID names a Note, which PDF/UA asks of every note (19-003).
	ID   string
	Kids []*Elem

	parent *Elem
	used   bool // some item on a page is part of it or of a kid
	num    int  // its place in reading order from 1, once the tree is done (prune)
}

// Num is the element's place in the tree in reading order, from 1 (the
// root); 0 for an element that is not in the document's tree. A writer
// can keep what it makes of each element in a slice by it.
func (e *Elem) Num() int { return e.num }

// Artifact says which kind of page furniture an item is, when it is not
// part of the text: ISO 32000-1 §14.8.2.2.
type Artifact uint8

const (
	// Decoration is a rule, a box, a tint or an icon: the default for an
	// item with no element.
	Decoration Artifact = iota
	// Ornament is text drawn as decoration (the "!" in a callout's
	// icon): set apart by layout, as text is otherwise content.
	Ornament
	// Header and Footer are the running header and footer, which a
	// reader announces once if at all (Matterhorn 18-002): pagination
	// artifacts.
	Header
	Footer
)

// String names the kind, as the layout dump prints it.
func (a Artifact) String() string {
	switch a {
	case Header:
		return "header"
	case Footer:
		return "footer"
	}
	return "artifact"
}

// Tag is what every item carries: its element, or (Elem nil) the kind of
// artifact it is.
type Tag struct {
	Elem     *Elem
	Artifact Artifact
	// Personal marks the running header's line with the patient's own
	// details (their name, the visit date): the PDF writer draws it in a
	// content stream of its own, so that the page's other streams are
	// the same bytes in every patient's packet and a batch compresses
	// them once.
	Personal bool
}

// tag returns the item's tag, for layout to set.
func (t *Tag) tag() *Tag { return t }

// TagOf returns the element an item is part of (nil for an artifact) and
// its kind of artifact.
func TagOf(it Item) (*Elem, Artifact) {
	t := it.tag()
	return t.Elem, t.Artifact
}

// IsPersonal reports whether an item prints the patient's own details
// (Tag.Personal).
func IsPersonal(it Item) bool { return it.tag().Personal }

// newElem makes a detached element.
func newElem(role Role) *Elem { return &Elem{Role: role} }

// add attaches kids to e, in order; a kid already attached elsewhere is
// left where it is.
func (e *Elem) add(kids ...*Elem) *Elem {
	for _, k := range kids {
		if k == nil || k.parent != nil || k == e {
			continue
		}
		k.parent = e
		e.Kids = append(e.Kids, k)
	}
	return e
}

// child makes an element of role and attaches it to e.
func (e *Elem) child(role Role) *Elem {
	c := newElem(role)
	e.add(c)
	return c
}

// isContent reports whether an item is text or a picture: what an element
// holds when it is marked. Rules, boxes and a callout's icon are page
// decoration unless layout tags them itself (a QR code's modules, a tick
// box).
func isContent(it Item) bool {
	switch v := it.(type) {
	case *Text, *Image:
		return true
	case *Path:
		return v.Of != nil
	}
	return false
}

// markItems gives e every content item of items that has no element yet
// and is not set apart as an artifact. An item already in a detached
// inline element (a link's text, a footnote marker: lineItems) has that
// element adopted by e in order; e's own text then goes into Span
// elements between them, so that an element holds either kids or content
// and the order of both is kept.
func markItems(e *Elem, items ...[]Item) {
	inline := false
	for _, its := range items {
		for _, it := range its {
			if t := it.tag(); t.Elem != nil && t.Elem.parent == nil && t.Elem != e {
				inline = true
			}
		}
	}
	var span *Elem
	for _, its := range items {
		for _, it := range its {
			t := it.tag()
			switch {
			case t.Elem != nil:
				if t.Elem.parent == nil && t.Elem != e {
					e.add(t.Elem)
					span = nil
				}
			case t.Artifact != Decoration || !isContent(it):
			case inline:
				if span == nil {
					span = e.child(RoleSpan)
				}
				t.Elem = span
			default:
				t.Elem = e
			}
		}
	}
}

// mark gives e the items of us, read as one run of text, and of their
// smaller versions. It returns us.
func mark(e *Elem, us []unit) []unit {
	lines := make([][]Item, len(us))
	for i := range us {
		lines[i] = us[i].items
	}
	markItems(e, lines...)
	for i := range us {
		if s := us[i].smaller; s != nil {
			sameTags(s.items, us[i].items)
		}
	}
	return us
}

// markAs gives every item of items without an element the artifact kind
// a.
func markAs(a Artifact, items []Item) []Item {
	for _, it := range items {
		if t := it.tag(); t.Elem == nil {
			t.Artifact = a
		}
	}
	return items
}

// top is the top of the branch of the tree an item's element is on (nil
// for an artifact): the element to attach when it is still detached.
func top(it Item) *Elem {
	e := it.tag().Elem
	for e != nil && e.parent != nil {
		e = e.parent
	}
	return e
}

// tops lists the tops of the items' branches (top), once each, in the
// order of the items.
func tops(items []Item) []*Elem {
	var out []*Elem
	for _, it := range items {
		if e := top(it); e != nil && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// attach adds to parent the detached elements the items of us belong to
// (the top of each item's branch), in the order of the items: a unit made
// of several elements in another order than it draws them (a photo
// beside its heading and steps) puts them in a container of its own.
func attach(parent *Elem, us []unit) {
	for i := range us {
		for _, it := range us[i].items {
			if e := top(it); e != nil && e != parent && e.Role != RoleDocument {
				parent.add(e)
			}
		}
	}
}

// prune drops the elements no item on the pages is part of: a heading
// whose units were never placed, an empty section, and numbers the rest
// (Num). Table cells are kept (an empty cell is still a cell of its
// row).
func prune(root *Elem, pages []Page) {
	for _, p := range pages {
		for _, it := range p.Items {
			for e := it.tag().Elem; e != nil && !e.used; e = e.parent {
				e.used = true
			}
		}
	}
	n := 0
	var walk func(e *Elem)
	walk = func(e *Elem) {
		n++
		e.num = n
		kids := e.Kids[:0]
		for _, k := range e.Kids {
			if k.used || k.Role == RoleTD || k.Role == RoleTH {
				walk(k)
				kids = append(kids, k)
			}
		}
		clear(e.Kids[len(kids):])
		e.Kids = kids
	}
	walk(root)
}
