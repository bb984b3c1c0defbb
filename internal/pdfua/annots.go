package pdfua

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkAnnotations checks each page's annotations: in the structure tree
// under the element their kind needs, described, and the page's tab order
// following the structure.
func (c *checker) checkAnnotations() {
	for i, p := range c.pages {
		n := i + 1
		annots := c.array(p.dict["Annots"])
		if len(annots) == 0 {
			continue
		}
		where := fmt.Sprintf("page %d", n)
		switch tabs := c.nameOf(p.dict["Tabs"]); tabs {
		case "S":
		case "":
			c.report("28-008", where, "the page has annotations but no /Tabs: the tab order need not follow the structure")
		default:
			c.report("28-009", where, "the page has annotations and /Tabs /%s, not /S", tabs)
		}
		for j, ref := range annots {
			c.checkAnnotation(n, j, ref)
		}
	}
}

// annotRole is the structure type an annotation's element must have
// (ISO 14289-1 7.18): "" for one that is not in the structure tree.
func annotRole(subtype string) string {
	switch subtype {
	case "Link":
		return "Link"
	case "Widget":
		return "Form"
	case "PrinterMark", "Popup":
		return ""
	}
	return "Annot"
}

func (c *checker) checkAnnotation(page, index int, ref types.Object) {
	annot := c.dict(ref)
	nr := objNr(ref)
	subtype := c.nameOf(annot["Subtype"])
	where := fmt.Sprintf("page %d, %s annotation %d", page, subtype, nr)
	if nr == 0 {
		where = fmt.Sprintf("page %d, %s annotation %d (direct)", page, subtype, index+1)
	}
	if subtype == "TrapNet" {
		c.report("28-007", where, "a TrapNet annotation")
	}
	role := annotRole(subtype)
	if role == "" {
		return
	}
	cond := map[string]string{"Link": "28-011", "Form": "28-010", "Annot": "28-002"}[role]
	owner := c.annotOwner(annot, nr, where, cond, role)
	contents, _ := c.text(annot["Contents"])
	if role == "Link" && strings.TrimSpace(contents) == "" {
		c.report("28-012", where, "a link without /Contents describing it")
	}
	if role == "Annot" && strings.TrimSpace(contents) == "" {
		alt := ""
		if owner != nil {
			alt, _ = c.text(owner.dict["Alt"])
		}
		if strings.TrimSpace(alt) == "" {
			c.report("28-004", where, "neither /Contents nor /Alt on its structure element")
		}
	}
	if strings.TrimSpace(contents) != "" {
		lang := c.catalogLang()
		if owner != nil {
			lang = c.inheritedLang(owner, lang)
		}
		if lang == "" {
			c.report("11-004", where, "its /Contents is in no declared language")
		}
	}
}

// annotOwner finds the structure element that owns the annotation
// through its /StructParent and an OBJR, and reports (cond) when there is
// none or it has the wrong role.
func (c *checker) annotOwner(annot types.Dict, nr int, where, cond, role string) *elem {
	if c.root == nil {
		c.report(cond, where, "not in a %s structure element: the document has no structure tree", role)
		return nil
	}
	if nr == 0 {
		c.report(cond, where, "a direct object in /Annots, which no OBJR can refer to, so it cannot be in a %s structure element", role)
		return nil
	}
	var owner *elem
	for _, e := range c.order {
		for _, r := range e.objrs {
			if r.obj == nr {
				owner = e
			}
		}
	}
	if owner == nil {
		c.report(cond, where, "no structure element refers to it (OBJR): it is not nested in a %s element", role)
		return nil
	}
	if owner.role != role {
		c.report(cond, where, "it is in %s, not in a %s element", owner.where(), role)
	}
	key, ok := c.intOf(annot["StructParent"])
	if !ok {
		c.report("ISO 32000-1 14.7.4.4", where, "no /StructParent: readers cannot find its element from the annotation")
		return owner
	}
	if got := objNr(c.parentTree[key]); got != owner.obj {
		c.report("ISO 32000-1 14.7.4.4", where, "the ParentTree gives object %d for its /StructParent %d, but %s refers to it", got, key, owner.where())
	}
	return owner
}
