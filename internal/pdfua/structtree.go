package pdfua

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// elem is a structure element as read from the file.
type elem struct {
	obj    int    // object number, 0 if direct
	typ    string // /S as written
	role   string // the standard type typ maps to, "" if none
	parent *elem
	kids   []*elem
	mcrs   []mcr  // marked content it owns
	objrs  []objr // objects (annotations) it owns
	dict   types.Dict
	lang   string // /Lang on the element itself
}

// mcr is a marked-content reference: MCID mcid on page (from 1; 0 if the
// element names no page).
type mcr struct{ page, mcid int }

// objr is an object reference: the object obj on page.
type objr struct{ page, obj int }

func (e *elem) where() string {
	if e.obj == 0 {
		return fmt.Sprintf("structure element (direct, %s)", e.typ)
	}
	return fmt.Sprintf("structure element %d (%s)", e.obj, e.typ)
}

// standardTypes are the standard structure types of ISO 32000-1 14.8.4.
var standardTypes = setOf(strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
	NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot
	Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`))

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// maxDepth bounds the tree walk: a handout's tree is a few levels deep; a
// deeper one is broken (or a loop).
const maxDepth = 100

// readStructTree reads the structure tree and the ParentTree.
func (c *checker) readStructTree() {
	rootRef := c.catalog["StructTreeRoot"]
	if rootRef == nil {
		c.report("01-005", "catalog", "no /StructTreeRoot: the document is not tagged, so none of its content is tagged as real content")
		return
	}
	rd := c.dict(rootRef)
	if rd == nil {
		c.report("ISO 32000-1 14.7.2", "catalog", "/StructTreeRoot is not a dictionary")
		return
	}
	roleMap := c.dict(rd["RoleMap"])
	c.checkRoleMap(roleMap)
	c.root = &elem{obj: objNr(rootRef), typ: "StructTreeRoot", dict: rd}
	seen := map[int]bool{}
	c.readKids(c.root, rd["K"], 0, roleMap, seen, 0)
	c.parentTree = map[int]types.Object{}
	c.readNumberTree(rd["ParentTree"], 0, map[int]bool{})
}

// checkRoleMap checks that every mapping ends at a standard type (02-001),
// has no loop (02-003) and does not remap a standard type (02-004).
func (c *checker) checkRoleMap(rm types.Dict) {
	for _, from := range sortedStrings(rm) {
		if standardTypes[from] {
			c.report("02-004", "RoleMap", "standard type %s is remapped to %s", from, c.nameOf(rm[from]))
			continue
		}
		if _, err := resolveRole(from, rm, c); err != nil {
			c.report(err.cond, "RoleMap", "%s", err.what)
		}
	}
}

type roleError struct{ cond, what string }

// resolveRole follows the RoleMap from typ to a standard type.
func resolveRole(typ string, rm types.Dict, c *checker) (string, *roleError) {
	seen := map[string]bool{}
	t := typ
	for !standardTypes[t] {
		if seen[t] {
			return "", &roleError{"02-003", fmt.Sprintf("the mapping of %s is circular", typ)}
		}
		seen[t] = true
		next := c.nameOf(rm[t])
		if next == "" {
			return "", &roleError{"02-001", fmt.Sprintf("%s does not map to a standard structure type", typ)}
		}
		t = next
	}
	return t, nil
}

func sortedStrings(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readKids reads the /K of e: elements, marked-content references (an
// integer, or an MCR dictionary) and object references (OBJR).
func (c *checker) readKids(e *elem, k types.Object, page int, rm types.Dict, seen map[int]bool, depth int) {
	if depth > maxDepth {
		c.report("ISO 32000-1 14.7.2", e.where(), "the structure tree is deeper than %d levels (a loop?)", maxDepth)
		return
	}
	if pg := c.pageOf[objNr(e.dict["Pg"])]; pg != 0 {
		page = pg
	}
	var kids []types.Object
	if a, ok := c.deref(k).(types.Array); ok {
		kids = a
	} else if k != nil {
		kids = []types.Object{k}
	}
	for _, kid := range kids {
		if n, ok := c.deref(kid).(types.Integer); ok {
			e.mcrs = append(e.mcrs, mcr{page: page, mcid: n.Value()})
			continue
		}
		d := c.dict(kid)
		if d == nil {
			c.report("ISO 32000-1 14.7.2", e.where(), "a kid is neither an element, an MCID nor a reference")
			continue
		}
		kidPage := page
		if pg := c.pageOf[objNr(d["Pg"])]; pg != 0 {
			kidPage = pg
		}
		switch c.nameOf(d["Type"]) {
		case "MCR":
			id, ok := c.intOf(d["MCID"])
			if !ok {
				c.report("ISO 32000-1 14.7.4.2", e.where(), "a marked-content reference has no /MCID")
				continue
			}
			if d["Stm"] != nil {
				continue // marked content in a form XObject: not cross-checked
			}
			e.mcrs = append(e.mcrs, mcr{page: kidPage, mcid: id})
			continue
		case "OBJR":
			e.objrs = append(e.objrs, objr{page: kidPage, obj: objNr(d["Obj"])})
			continue
		}
		nr := objNr(kid)
		if nr != 0 {
			if seen[nr] {
				c.report("ISO 32000-1 14.7.2", e.where(), "structure element %d appears twice in the tree", nr)
				continue
			}
			seen[nr] = true
		}
		child := &elem{obj: nr, typ: c.nameOf(d["S"]), parent: e, dict: d}
		child.lang, _ = c.text(d["Lang"])
		if role, err := resolveRole(child.typ, rm, c); err == nil {
			child.role = role
		} else if child.typ != "" {
			c.report(err.cond, child.where(), "%s", err.what)
		}
		if child.typ == "" {
			c.report("ISO 32000-1 14.7.2", child.where(), "no /S structure type")
		}
		if p := objNr(d["P"]); p != 0 && e.obj != 0 && p != e.obj {
			c.report("ISO 32000-1 14.7.2", child.where(), "its /P is object %d, but it is a kid of object %d", p, e.obj)
		}
		e.kids = append(e.kids, child)
		c.order = append(c.order, child)
		c.readKids(child, d["K"], kidPage, rm, seen, depth+1)
	}
}

// readNumberTree reads a number tree's /Nums and /Kids into c.parentTree.
func (c *checker) readNumberTree(o types.Object, depth int, seen map[int]bool) {
	if depth > maxDepth || o == nil {
		return
	}
	if nr := objNr(o); nr != 0 {
		if seen[nr] {
			return
		}
		seen[nr] = true
	}
	d := c.dict(o)
	nums := c.array(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := c.intOf(nums[i]); ok {
			c.parentTree[k] = nums[i+1]
		}
	}
	for _, kid := range c.array(d["Kids"]) {
		c.readNumberTree(kid, depth+1, seen)
	}
}

// checkStructTree checks the roles and their attributes: Figure and
// Formula alt text, headings, lists, tables, notes, and the language of
// text in elements.
func (c *checker) checkStructTree() {
	if c.root == nil {
		return
	}
	if len(c.root.kids) == 0 {
		c.report("01-005", "StructTreeRoot", "the structure tree is empty")
	}
	docLang := c.catalogLang()
	noteIDs := map[string]*elem{}
	var headings []*elem
	usesH, usesHn := false, false
	for _, e := range c.order {
		lang := c.inheritedLang(e, docLang)
		alt, hasAlt := c.text(e.dict["Alt"])
		actual, hasActual := c.text(e.dict["ActualText"])
		if (hasAlt || hasActual) && lang == "" {
			c.report("11-002", e.where(), "its Alt or ActualText is in no declared language (no /Lang on it, its ancestors or the catalog)")
		}
		if len(e.mcrs) > 0 && lang == "" {
			c.report("11-001", e.where(), "its content is in no declared language (no /Lang on it, its ancestors or the catalog)")
		}
		if e.lang != "" && !validLang(e.lang) {
			c.report("11-001", e.where(), "/Lang %q is not a BCP 47 language tag", e.lang)
		}
		switch e.role {
		case "Figure":
			if strings.TrimSpace(alt) == "" && strings.TrimSpace(actual) == "" {
				c.report("13-004", e.where(), "a Figure without /Alt (or /ActualText)")
			}
		case "Formula":
			if strings.TrimSpace(alt) == "" {
				c.report("17-002", e.where(), "a Formula without /Alt")
			}
		case "H":
			usesH = true
		case "Note":
			id, _ := c.text(e.dict["ID"])
			if id == "" {
				c.report("19-003", e.where(), "a Note without /ID")
			} else if other := noteIDs[id]; other != nil {
				c.report("19-004", e.where(), "a Note with the same /ID %q as %s", id, other.where())
			} else {
				noteIDs[id] = e
			}
		}
		if headingLevel(e.role) > 0 {
			usesHn = true
			headings = append(headings, e)
		}
		c.checkListSyntax(e)
		c.checkTableSyntax(e)
		c.checkTOCSyntax(e)
	}
	c.checkHeadings(headings)
	if usesH && usesHn {
		c.report("14-007", "structure tree", "both H and H1–H6 headings are used")
	}
	c.checkHPerNode(c.root)
	for _, e := range c.order {
		if e.role == "Table" {
			c.checkTableHeaders(e)
		}
	}
}

// inheritedLang is the language of e: its own /Lang, its nearest
// ancestor's, or the document's.
func (c *checker) inheritedLang(e *elem, docLang string) string {
	for p := e; p != nil; p = p.parent {
		if strings.TrimSpace(p.lang) != "" {
			return p.lang
		}
	}
	return docLang
}

// headingLevel is n for Hn (1–6), 0 otherwise.
func headingLevel(role string) int {
	if len(role) == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6' {
		n, _ := strconv.Atoi(role[1:])
		return n
	}
	return 0
}

// checkHeadings checks that numbered headings start at H1 (14-002) and
// never skip a level going down (14-003), in reading order.
func (c *checker) checkHeadings(hs []*elem) {
	if len(hs) == 0 {
		return
	}
	if first := headingLevel(hs[0].role); first != 1 {
		c.report("14-002", hs[0].where(), "the first heading is H%d, not H1", first)
	}
	for i := 1; i < len(hs); i++ {
		prev, cur := headingLevel(hs[i-1].role), headingLevel(hs[i].role)
		if cur > prev+1 {
			c.report("14-003", hs[i].where(), "H%d follows H%d: heading level %d is skipped", cur, prev, prev+1)
		}
	}
}

// checkHPerNode checks that no element has more than one H kid (14-006).
func (c *checker) checkHPerNode(e *elem) {
	n := 0
	for _, k := range e.kids {
		if k.role == "H" {
			n++
		}
		c.checkHPerNode(k)
	}
	if n > 1 {
		c.report("14-006", e.where(), "%d H elements in one node", n)
	}
}

// parentRole is the role of e's parent, "" for a kid of the root.
func parentRole(e *elem) string {
	if e.parent == nil || e.parent.parent == nil {
		return ""
	}
	return e.parent.role
}

// kidsOutside reports the first kid of e whose role is not in allowed.
func kidsOutside(e *elem, allowed ...string) *elem {
	for _, k := range e.kids {
		ok := false
		for _, a := range allowed {
			if k.role == a {
				ok = true
			}
		}
		if !ok {
			return k
		}
	}
	return nil
}

func oneOf(s string, set ...string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// checkListSyntax checks e against ISO 32000-1 Table 336 (09-005): an L
// holds LI (and Caption, and nested L), an LI sits in an L and holds Lbl
// and LBody, which sit in an LI.
func (c *checker) checkListSyntax(e *elem) {
	switch e.role {
	case "L":
		if k := kidsOutside(e, "LI", "L", "Caption"); k != nil {
			c.report("09-005", e.where(), "an L holds a %s (only LI, L and Caption may be its kids)", k.typ)
		}
	case "LI":
		if parentRole(e) != "L" {
			c.report("09-005", e.where(), "an LI whose parent is %s, not L", describeRole(parentRole(e)))
		}
		if k := kidsOutside(e, "Lbl", "LBody"); k != nil {
			c.report("09-005", e.where(), "an LI holds a %s (only Lbl and LBody may be its kids)", k.typ)
		}
	case "Lbl", "LBody":
		if parentRole(e) != "LI" {
			c.report("09-005", e.where(), "%s whose parent is %s, not LI", e.role, describeRole(parentRole(e)))
		}
	}
}

// checkTableSyntax checks e against ISO 32000-1 Table 337 (09-004).
func (c *checker) checkTableSyntax(e *elem) {
	switch e.role {
	case "Table":
		if k := kidsOutside(e, "TR", "THead", "TBody", "TFoot", "Caption"); k != nil {
			c.report("09-004", e.where(), "a Table holds a %s (only TR, THead, TBody, TFoot and Caption may be its kids)", k.typ)
		}
	case "THead", "TBody", "TFoot":
		if parentRole(e) != "Table" {
			c.report("09-004", e.where(), "%s whose parent is %s, not Table", e.role, describeRole(parentRole(e)))
		}
		if k := kidsOutside(e, "TR"); k != nil {
			c.report("09-004", e.where(), "%s holds a %s (only TR may be its kids)", e.role, k.typ)
		}
	case "TR":
		if !oneOf(parentRole(e), "Table", "THead", "TBody", "TFoot") {
			c.report("09-004", e.where(), "a TR whose parent is %s, not a Table or its THead, TBody, TFoot", describeRole(parentRole(e)))
		}
		if k := kidsOutside(e, "TH", "TD"); k != nil {
			c.report("09-004", e.where(), "a TR holds a %s (only TH and TD may be its kids)", k.typ)
		}
	case "TH", "TD":
		if parentRole(e) != "TR" {
			c.report("09-004", e.where(), "%s whose parent is %s, not TR", e.role, describeRole(parentRole(e)))
		}
	}
}

// checkTOCSyntax checks e against ISO 32000-1 Table 333 (09-006).
func (c *checker) checkTOCSyntax(e *elem) {
	switch e.role {
	case "TOC":
		if k := kidsOutside(e, "TOCI", "TOC", "Caption"); k != nil {
			c.report("09-006", e.where(), "a TOC holds a %s", k.typ)
		}
	case "TOCI":
		if !oneOf(parentRole(e), "TOC") {
			c.report("09-006", e.where(), "a TOCI whose parent is %s, not TOC", describeRole(parentRole(e)))
		}
	}
}

func describeRole(r string) string {
	if r == "" {
		return "the structure tree root"
	}
	return r
}

// checkTableHeaders checks that every TH of a table that does not use
// Headers attributes has a Scope (15-003).
func (c *checker) checkTableHeaders(table *elem) {
	var cells []*elem
	var walk func(e *elem)
	walk = func(e *elem) {
		for _, k := range e.kids {
			if k.role == "Table" {
				continue // a nested table is checked on its own
			}
			if k.role == "TH" || k.role == "TD" {
				cells = append(cells, k)
			}
			walk(k)
		}
	}
	walk(table)
	for _, cell := range cells {
		if c.attribute(cell, "Table", "Headers") != nil {
			return // organised with Headers and IDs
		}
	}
	for _, cell := range cells {
		if cell.role == "TH" && c.nameOf(c.attribute(cell, "Table", "Scope")) == "" {
			c.report("15-003", cell.where(), "a TH without a /Scope attribute, in a table that has no Headers attributes")
		}
	}
}

// attribute returns the attribute key of owner in e's /A (a dictionary,
// or an array of dictionaries and revision numbers), or nil.
func (c *checker) attribute(e *elem, owner, key string) types.Object {
	a := e.dict["A"]
	var list []types.Object
	if arr, ok := c.deref(a).(types.Array); ok {
		list = arr
	} else if a != nil {
		list = []types.Object{a}
	}
	for _, item := range list {
		d := c.dict(item)
		if d == nil || c.nameOf(d["O"]) != owner {
			continue
		}
		if v, ok := d[key]; ok {
			return v
		}
	}
	return nil
}

// checkMCIDs ties the content to the tree: each MCID on a page is
// referenced by one element, through the page's ParentTree entry too,
// and each reference in the tree exists on its page.
func (c *checker) checkMCIDs() {
	if c.root == nil {
		return
	}
	owner := map[mcr]*elem{}
	for _, e := range c.order {
		for _, r := range e.mcrs {
			where := e.where()
			if r.page == 0 {
				c.report("ISO 32000-1 14.7.4.2", where, "marked-content reference MCID %d names no page (/Pg)", r.mcid)
				continue
			}
			if prev := owner[r]; prev != nil {
				c.report("ISO 32000-1 14.7.4.2", where, "MCID %d on page %d is also referenced by %s", r.mcid, r.page, prev.where())
				continue
			}
			owner[r] = e
			if !c.pages[r.page-1].mcids[r.mcid] {
				c.report("ISO 32000-1 14.7.4.2", where, "refers to MCID %d on page %d, which the page's content does not have", r.mcid, r.page)
			}
		}
	}
	for i, p := range c.pages {
		n := i + 1
		where := fmt.Sprintf("page %d", n)
		if len(p.mcids) == 0 {
			continue
		}
		key, hasKey := c.intOf(p.dict["StructParents"])
		var parents types.Array
		if hasKey {
			parents = c.array(c.parentTree[key])
		}
		if !hasKey {
			c.report("ISO 32000-1 14.7.4.4", where, "the page has marked content but no /StructParents")
		} else if parents == nil {
			c.report("ISO 32000-1 14.7.4.4", where, "the ParentTree has no entry for the page's /StructParents %d", key)
		}
		for _, id := range sortedKeys(p.mcids) {
			e := owner[mcr{page: n, mcid: id}]
			if e == nil {
				c.report("01-005", where, "MCID %d is tagged content that no structure element refers to", id)
				continue
			}
			if parents == nil {
				continue
			}
			if id >= len(parents) || objNr(parents[id]) == 0 {
				c.report("ISO 32000-1 14.7.4.4", where, "the ParentTree gives no element for MCID %d", id)
			} else if got := objNr(parents[id]); e.obj != 0 && got != e.obj {
				c.report("ISO 32000-1 14.7.4.4", where, "the ParentTree gives object %d for MCID %d, but %s refers to it", got, id, e.where())
			}
		}
	}
}
