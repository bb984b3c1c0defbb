package pdfua

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"golang.org/x/text/language"
)

// XML namespaces of the XMP properties PDF/UA asks for.
const (
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsPDFUAID = "http://www.aiim.org/pdfua/ns/id/"
	nsRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// xmpFacts is what checkMetadata needs from an XMP packet.
type xmpFacts struct {
	title, language, pdfuaPart string
}

// checkMetadata checks the catalog's XMP metadata stream: present
// (06-001), claiming PDF/UA-1 (06-002), with a title (06-003), and in a
// language that can be determined (11-006).
func (c *checker) checkMetadata() {
	ref := c.catalog["Metadata"]
	if ref == nil {
		c.report("06-001", "catalog", "no /Metadata: the document has no XMP metadata stream")
		c.checkMetadataLang(xmpFacts{})
		return
	}
	data, _, err := c.stream(ref)
	if err != nil {
		c.report("06-001", "catalog", "/Metadata cannot be read: %v", err)
		return
	}
	facts, err := readXMP(data)
	if err != nil {
		c.report("06-001", "XMP metadata", "not well-formed XML: %v", err)
		return
	}
	switch strings.TrimSpace(facts.pdfuaPart) {
	case "1":
	case "":
		c.report("06-002", "XMP metadata", "no pdfuaid:part: the document does not claim PDF/UA-1")
	default:
		c.report("06-002", "XMP metadata", "pdfuaid:part is %q, not 1", facts.pdfuaPart)
	}
	if strings.TrimSpace(facts.title) == "" {
		c.report("06-003", "XMP metadata", "no dc:title (or an empty one)")
	}
	c.checkMetadataLang(facts)
}

func (c *checker) checkMetadataLang(facts xmpFacts) {
	if c.catalogLang() == "" && strings.TrimSpace(facts.language) == "" {
		c.report("11-006", "XMP metadata", "neither the catalog's /Lang nor dc:language gives the metadata's language")
	}
}

// readXMP reads the properties xmpFacts holds, by namespace (any prefix),
// as elements or as attributes of rdf:Description.
func readXMP(data []byte) (xmpFacts, error) {
	var f xmpFacts
	dec := xml.NewDecoder(bytes.NewReader(data))
	var path []xml.Name
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if err != nil {
			return f, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name)
			if t.Name.Space == nsRDF && t.Name.Local == "Description" {
				for _, a := range t.Attr {
					if a.Name.Space == nsPDFUAID && a.Name.Local == "part" {
						f.pdfuaPart = a.Value
					}
				}
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			s := strings.TrimSpace(string(t))
			if s == "" {
				continue
			}
			switch property(path) {
			case xml.Name{Space: nsDC, Local: "title"}:
				f.title += s
			case xml.Name{Space: nsDC, Local: "language"}:
				f.language += s
			case xml.Name{Space: nsPDFUAID, Local: "part"}:
				f.pdfuaPart += s
			}
		}
	}
}

// property is the XMP property an element path is inside: the element
// after rdf:Description.
func property(path []xml.Name) xml.Name {
	for i, n := range path {
		if n.Space == nsRDF && n.Local == "Description" && i+1 < len(path) {
			return path[i+1]
		}
	}
	return xml.Name{}
}

// validLang reports whether s is a well-formed BCP 47 language tag, as
// /Lang must be (ISO 32000-1 14.9.2.1).
func validLang(s string) bool {
	_, err := language.Parse(s)
	return err == nil
}
