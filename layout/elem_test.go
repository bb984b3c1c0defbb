package layout

import "testing"

// TestMarkKeepsTextBeforeALaterLink: a paragraph whose link is on its
// last line reads its first lines first. Each line is a unit; when only
// the last one held an inline element, the first lines' text was given
// to the paragraph itself, which the PDF writer puts after the
// paragraph's elements (poppler read "…pain medicine.1 A healthy back…").
func TestMarkKeepsTextBeforeALaterLink(t *testing.T) {
	link := newElem(RoleLink)
	first := &Text{S: "Questions? "}
	before := &Text{S: "Book at "}
	url := &Text{Tag: Tag{Elem: link}, S: "example.org"}
	after := &Text{S: " or call us."}
	p := newElem(RoleP)
	mark(p, []unit{{items: []Item{first}}, {items: []Item{before, url, after}}})
	var roles []Role
	for _, k := range p.Kids {
		roles = append(roles, k.Role)
	}
	if len(roles) != 3 || roles[0] != RoleSpan || roles[1] != RoleLink || roles[2] != RoleSpan {
		t.Fatalf("P's kids are %v, want [Span Link Span]", roles)
	}
	for _, it := range []*Text{first, before, url, after} {
		if it.Elem == p {
			t.Errorf("%q is the P's own content, which is read after its kids", it.S)
		}
	}
	if first.Elem != before.Elem {
		t.Errorf("the text before the link is in two elements, not one Span")
	}
}
