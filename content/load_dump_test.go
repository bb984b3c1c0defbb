package content

import (
	"fmt"
	"strings"
)

// dump prints a handout one block a line, with positions, for golden
// files and failure messages.
func dump(h *Handout) string {
	var b strings.Builder
	m := h.Meta
	fmt.Fprintf(&b, "source %s\n", h.Source)
	fmt.Fprintf(&b, "meta title=%q subtitle=%q author=%q language=%q reviewed=%q audience=%q keywords=%q\n",
		m.Title, m.Subtitle, m.Author, m.Language, m.Reviewed, m.Audience, m.Keywords)
	for _, s := range h.Sections {
		fmt.Fprintf(&b, "section %s id=%s title=%s", posString(s.Pos), s.ID, spansString(s.Title))
		if s.Dose != nil {
			fmt.Fprintf(&b, " dose@%d", s.Dose.Pos.Line)
		}
		b.WriteByte('\n')
		dumpBlocks(&b, s.Blocks, "  ")
	}
	for _, r := range h.References {
		fmt.Fprintf(&b, "reference %s %d: %s\n", posString(r.Pos), r.Number, spansString(r.Text))
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []Block, indent string) {
	for _, bl := range blocks {
		fmt.Fprintf(b, "%s", indent)
		switch bl := bl.(type) {
		case *Heading:
			fmt.Fprintf(b, "heading %s level=%d %s\n", posString(bl.Pos), bl.Level, spansString(bl.Text))
		case *Paragraph:
			fmt.Fprintf(b, "paragraph %s %s\n", posString(bl.Pos), spansString(bl.Text))
		case *List:
			fmt.Fprintf(b, "list %s ordered=%v start=%d\n", posString(bl.Pos), bl.Ordered, bl.Start)
			for _, it := range bl.Items {
				fmt.Fprintf(b, "%s  - %s\n", indent, spansString(it))
			}
		case *Figure:
			fmt.Fprintf(b, "figure %s number=%d id=%q caption=%s\n", posString(bl.Pos), bl.Number, bl.ID, spansString(bl.Caption))
			for _, p := range bl.Panels {
				alt := ""
				if p.Alt != "" { // printed only when given, so that older goldens stand
					alt = fmt.Sprintf(" alt=%q", p.Alt)
				}
				fmt.Fprintf(b, "%s  panel %s label=%q caption=%q%s source=%q\n", indent, posString(p.Pos), p.Label, p.Caption, alt, p.Source)
			}
		case *Callout:
			fmt.Fprintf(b, "callout %s %s\n", posString(bl.Pos), bl.Kind)
			dumpBlocks(b, bl.Blocks, indent+"  ")
		case *Dose:
			fmt.Fprintf(b, "dose %s sets=%q reps=%q hold=%q rest=%q daily=%q side=%q\n",
				posString(bl.Pos), bl.Sets, bl.Reps, bl.Hold, bl.Rest, bl.PerDay, bl.Side)
		default:
			fmt.Fprintf(b, "%T\n", bl)
		}
	}
}

func posString(p Pos) string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// spansString shows spans in a Markdown-like notation that keeps every
// span boundary visible: each span is in «», with its style and link.
func spansString(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString("«")
		if s.Style&Bold != 0 {
			b.WriteString("b:")
		}
		if s.Style&Italic != 0 {
			b.WriteString("i:")
		}
		if s.FootnoteRef != 0 {
			fmt.Fprintf(&b, "fn%d:", s.FootnoteRef)
		}
		b.WriteString(s.Text)
		if s.Link != "" {
			fmt.Fprintf(&b, "→%s", s.Link)
		}
		b.WriteString("»")
	}
	return b.String()
}
