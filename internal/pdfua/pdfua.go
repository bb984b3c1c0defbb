// Package pdfua checks a PDF against the conditions of PDF/UA-1 (ISO
// 14289-1) that a program can decide, numbered as the Matterhorn Protocol
// 1.1 numbers its failure conditions: that every piece of content is
// tagged or an artifact, that the structure tree is well formed and uses
// its roles correctly, the metadata, the language, the annotations and
// the fonts. docs/accessibility.md lists each condition it checks and
// each it cannot. Whether alt text describes its picture or the reading
// order makes sense is for a person to judge. Only tests import it.
package pdfua

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"handout/internal/pdftest"
)

// Problem is one failed condition.
type Problem struct {
	// Condition is the Matterhorn Protocol 1.1 failure condition ("01-005",
	// "28-011"), or, for a rule of PDF/UA or ISO 32000-1 that the
	// protocol gives no number of its own, the clause ("ISO 32000-1
	// 14.7.4.4").
	Condition string
	// Where names the place: "catalog", "page 2", "structure element 31
	// (Figure)", "font F1 (object 12)".
	Where string
	// What says what is wrong.
	What string
}

func (p Problem) String() string { return p.Condition + " " + p.Where + ": " + p.What }

// Check reads an unencrypted PDF and returns its problems, in a stable
// order; none for a PDF that meets every condition checked.
func Check(pdf []byte) []Problem { return CheckWithPassword(pdf, "") }

// CheckWithPassword is Check for a PDF encrypted with a user password.
func CheckWithPassword(pdf []byte, password string) []Problem {
	// pdftest's configuration: it keeps pdfcpu from writing a folder in
	// the home directory, once, without racing parallel tests.
	conf := pdftest.Conf(password)
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err == nil {
		err = ctx.EnsurePageCount()
	}
	if err != nil {
		return []Problem{{Condition: "read", Where: "file", What: fmt.Sprintf("pdfcpu cannot read it: %v", err)}}
	}
	c := &checker{x: ctx.XRefTable, pageOf: map[int]int{}}
	c.run()
	return c.problems
}

// checker holds one document while it is checked.
type checker struct {
	x        *model.XRefTable
	problems []Problem
	catalog  types.Dict
	pageOf   map[int]int // page object number → page number (from 1)
	pages    []pageInfo  // index 0 is page 1
	root     *elem       // the StructTreeRoot, nil for an untagged document
	order    []*elem     // every element, in tree (reading) order
	// parentTree maps a StructParents or StructParent key to its value.
	parentTree map[int]types.Object
	// formUses counts the Do operators that draw each form XObject, and
	// formMCIDs notes the forms that have MCIDs (30-002).
	formUses  map[int]int
	formMCIDs map[int]bool
	forms     map[int][]op // form XObjects' operators, by object number
	fonts     map[int]fontUse
	// codes are the character codes text shows in each font.
	codes map[int]map[int]bool
}

// pageInfo is what the content of a page holds.
type pageInfo struct {
	dict types.Dict
	obj  int
	// mcids are the marked-content identifiers its content streams use.
	mcids map[int]bool
}

func (c *checker) report(cond, where, format string, args ...any) {
	c.problems = append(c.problems, Problem{Condition: cond, Where: where, What: fmt.Sprintf(format, args...)})
}

func (c *checker) run() {
	cat, err := c.x.Catalog()
	if err != nil {
		c.report("read", "catalog", "%v", err)
		return
	}
	c.catalog = cat
	for n := 1; n <= c.x.PageCount; n++ {
		d, ref, _, err := c.x.PageDict(n, true)
		if err != nil || d == nil || ref == nil {
			c.report("read", fmt.Sprintf("page %d", n), "the page cannot be read: %v", err)
			return
		}
		c.pageOf[ref.ObjectNumber.Value()] = n
		c.pages = append(c.pages, pageInfo{dict: d, obj: ref.ObjectNumber.Value(), mcids: map[int]bool{}})
	}
	c.checkCatalog()
	c.checkMetadata()
	c.checkEncryption()
	c.readStructTree()
	c.checkContent()
	c.checkStructTree()
	c.checkMCIDs()
	c.checkAnnotations()
	c.checkFonts()
}

// Helpers that read pdfcpu objects, dereferencing as they go; a broken
// reference reads as missing.

func (c *checker) deref(o types.Object) types.Object {
	v, err := c.x.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

func (c *checker) dict(o types.Object) types.Dict {
	switch v := c.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (c *checker) array(o types.Object) types.Array {
	a, _ := c.deref(o).(types.Array)
	return a
}

func (c *checker) nameOf(o types.Object) string {
	n, _ := c.deref(o).(types.Name)
	return string(n)
}

func (c *checker) text(o types.Object) (string, bool) {
	v := c.deref(o)
	if v == nil {
		return "", false
	}
	s, err := model.Text(v)
	if err != nil {
		return "", false
	}
	return s, true
}

func (c *checker) intOf(o types.Object) (int, bool) {
	switch v := c.deref(o).(type) {
	case types.Integer:
		return v.Value(), true
	case types.Float:
		return int(v.Value()), true
	}
	return 0, false
}

func (c *checker) boolOf(o types.Object) (value, ok bool) {
	b, ok := c.deref(o).(types.Boolean)
	return b.Value(), ok
}

// objNr is the object number o refers to, 0 for a direct object.
func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}

// stream returns the decoded content of a stream object.
func (c *checker) stream(o types.Object) ([]byte, types.Dict, error) {
	sd, _, err := c.x.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil, fmt.Errorf("not a stream: %v", err)
	}
	if err := sd.Decode(); err != nil {
		return nil, sd.Dict, err
	}
	return sd.Content, sd.Dict, nil
}

// checkCatalog checks the document catalog: MarkInfo, Suspects,
// DisplayDocTitle and the document's language.
func (c *checker) checkCatalog() {
	mark := c.dict(c.catalog["MarkInfo"])
	if marked, _ := c.boolOf(mark["Marked"]); !marked {
		c.report("ISO 14289-1 7.1", "catalog", "no /MarkInfo <</Marked true>>: readers treat the document as untagged")
	}
	if suspects, _ := c.boolOf(mark["Suspects"]); suspects {
		c.report("01-007", "catalog", "/MarkInfo has /Suspects true")
	}
	vp := c.dict(c.catalog["ViewerPreferences"])
	switch show, ok := c.boolOf(vp["DisplayDocTitle"]); {
	case !ok:
		c.report("07-001", "catalog", "/ViewerPreferences has no /DisplayDocTitle: viewers show the file name, not the title")
	case !show:
		c.report("07-002", "catalog", "/ViewerPreferences /DisplayDocTitle is false")
	}
	lang, ok := c.text(c.catalog["Lang"])
	if !ok || strings.TrimSpace(lang) == "" {
		// Text whose elements carry no /Lang of their own is then in an
		// unknown language: checkStructTree reports it, and the untagged
		// document's content here.
		if c.catalog["StructTreeRoot"] == nil {
			c.report("11-001", "catalog", "no /Lang: the language of the page content cannot be determined")
		}
		return
	}
	if !validLang(lang) {
		c.report("11-001", "catalog", "/Lang %q is not a BCP 47 language tag", lang)
	}
}

// catalogLang is the document's language, "" if it has none.
func (c *checker) catalogLang() string {
	lang, _ := c.text(c.catalog["Lang"])
	return strings.TrimSpace(lang)
}

// checkEncryption checks that an encrypted document lets assistive
// technology extract its text (26-001, 26-002).
func (c *checker) checkEncryption() {
	if c.x.Encrypt == nil {
		return
	}
	enc, err := c.x.EncryptDict()
	if err != nil {
		c.report("read", "encryption dictionary", "%v", err)
		return
	}
	p, ok := c.intOf(enc["P"])
	if !ok {
		c.report("26-001", "encryption dictionary", "no /P entry")
		return
	}
	if p&(1<<9) == 0 {
		c.report("26-002", "encryption dictionary", "/P %d has bit 10 (text extraction for accessibility) clear", p)
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
