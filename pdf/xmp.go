package pdf

import (
	"bytes"
	"encoding/xml"
	"time"
)

// The document's Creator and Producer, in the Info dictionary and the XMP
// metadata alike (readers that check PDF/A or PDF/UA compare the two).
const (
	creator  = "handout"
	producer = "fpdf"
)

// defaultLanguage is the document's language when its handout does not
// say: the built-in handouts and exercises are written in US English. A
// screen reader picks its voice by it, so a document never goes without
// one (PDF/UA asks for /Lang).
const defaultLanguage = "en-US"

// xmpMeta is what the XMP metadata says: the same title, author, subject,
// language and dates as the Info dictionary.
type xmpMeta struct {
	Title, Author, Subject, Language string
	Date                             time.Time
}

// xmpPacket writes m as an XMP packet (ISO 16684-1) in the Dublin Core,
// XMP basic and Adobe PDF schemas. The packet has no padding and no
// random instance IDs, so the same document gives the same bytes.
func xmpPacket(m xmpMeta) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s)) // writes to memory: cannot fail
		return b.String()
	}
	// In UTC, as the Info dictionary's dates are (fpdf writes them without
	// a zone); strict readers (pdfcpu) ask XMP dates for an explicit one.
	date := m.Date.UTC().Format("2006-01-02T15:04:05") + "+00:00"
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(m.Language) + "</rdf:li></rdf:Bag></dc:language>\n")
	b.WriteString("<xmp:CreatorTool>" + creator + "</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("<pdf:Producer>" + producer + "</pdf:Producer>\n")
	// Every document is tagged (tagged.go) and claims PDF/UA-1.
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}
