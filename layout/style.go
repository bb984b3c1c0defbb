package layout

import (
	"fmt"
	"image/color"
	"strings"
)

// Style is the look of a handout apart from the clinic's brand: page
// geometry, the type scale, spacing, figure sizes, rule weights and the
// fixed colours. Every size and space the layout draws with comes from
// here, in points; the builders hold no numbers of their own, so a new
// look is a new Style value (see styles, StyleByName), not an edit of
// the builders.
//
// The clinic's two brand colours (content.Colors) fill the roles
// InkPrimary and InkAccent; each text role names the ink it is printed
// in, and the tints are mixed from the primary colour.
//
// Its fields are exported and plain data, so a Style can be printed,
// compared and hashed whole (a batch's inputs hash can take the resolved
// value, not its name, and so notices a style whose sizes changed). What
// stays constants in the builders are rules, not looks: when a short
// paragraph keeps with its figure, how much two figures may shrink to
// share a row, how much taller than a photo the text beside it may be,
// the QR code's quiet zone and least module, the most lines a footer may
// take, and an icon's shape as parts of its size.
type Style struct {
	Name string // what StyleByName finds it by

	Page    PageGeometry
	Header  HeaderStyle
	Footer  FooterStyle
	Type    TypeScale
	Space   Spacing
	Figure  FigureStyle
	Rules   RuleWeights
	Palette Palette
	Callout CalloutStyle
	Dose    DoseStyle
	Booking BookingStyle
	Cover   CoverStyle
	TickLog TickLogStyle
}

// PageGeometry is the page's margins.
type PageGeometry struct {
	Margin float64 // left and right margin
}

// HeaderStyle is the band at the top of every page: the logo, the
// clinic's name and tagline on the left, the handout's title and the
// patient's line on the right, a rule under them.
type HeaderStyle struct {
	Top             float64 // page edge to the top of the header
	Height          float64 // the logo's height and the header's text block
	Gap             float64 // header rule to the column
	LogoGap         float64 // logo to the clinic's name
	HalfGap         float64 // between the left and the right half
	NameBaseline    float64 // the clinic's name and the handout's title, below Top
	TaglineBaseline float64 // the tagline and the patient's line, below Top
	RuleOffset      float64 // the rule, below the header block
}

// FooterStyle is the clinic's contact lines and the page number at the
// bottom of every page.
type FooterStyle struct {
	Bottom     float64 // page edge to the last footer line
	Gap        float64 // column to the footer rule
	RuleOffset float64 // the rule, above the first footer line
	PageLabelW float64 // kept free of contact lines on the right for "Page X of Y"
}

// Ink is the colour role a text or a rule is printed in.
type Ink uint8

// The inks. InkPrimary and InkAccent are the clinic's brand colours; the
// others are the style's (Palette).
const (
	InkText Ink = iota
	InkMuted
	InkPrimary
	InkAccent
)

// TypeStyle is one role of the type scale.
type TypeStyle struct {
	Size, Leading float64 // leading: the line's height
	Bold, Italic  bool
	Ink           Ink
}

// TypeScale is every text role the layout prints.
type TypeScale struct {
	Body          TypeStyle // running text, steps
	Boxed         TypeStyle // running text inside a callout or a dose strip
	Caption       TypeStyle // panel labels, the byline, the footer note
	FigureCaption TypeStyle // "Figure N. …"
	Small         TypeStyle // references
	Footer        TypeStyle // contact lines, page numbers
	H1            TypeStyle // the handout's title, the cover's
	H2            TypeStyle // sections
	H3            TypeStyle // sub-headings
	Subtitle      TypeStyle
	ClinicName    TypeStyle // in the header
	Tagline       TypeStyle // in the header
	HeaderTitle   TypeStyle // the handout's title in the header
	HeaderPatient TypeStyle // "For: NAME · DATE" in the header
	Label         TypeStyle // a callout's label (CAUTION, TIP…)
	DoseLabel     TypeStyle // "DOSE"
	TableHead     TypeStyle // the cover's column heads, the tick log's days
	GroupTitle    TypeStyle // a handout's title over its rows in a packet's tables
	TickLogWeek   TypeStyle // "Week 1"
	TickLogRow    TypeStyle // an exercise in the tick log
	// MinSize is the smallest text printed (footnote markers are scaled
	// down to no less): a sheet read at arm's length, photocopied.
	MinSize float64
}

// Spacing is the vertical space of the flow and the indents.
type Spacing struct {
	Section, Subhead, Paragraph, Item, Figure, Box float64 // space above each kind of block
	Byline                                         float64 // above the title block's byline
	ListIndent                                     float64 // a list's or reference's text from the column's edge
	ListLabelGap                                   float64 // a number or bullet to its text
	SplitPad                                       float64 // inside a split callout's frame, where its other part is on another page
}

// FigureStyle is how pictures are sized and spaced.
type FigureStyle struct {
	MaxHeight float64 // the tallest a figure's pictures may be
	Gap       float64 // between the panels of a figure
	RowGap    float64 // between figures side by side
	// PhotoShrink is how much smaller a row of photos may be drawn to stay
	// on a page with its text (paginate): still large enough to see the
	// position clearly, and less paper than a page left a third empty.
	// Drawings are never shrunk: one scale keeps every body the same size.
	PhotoShrink float64
	// SinglePhoto is the widest a figure of one photo alone in its row is
	// drawn, as a part of the column: a photo across the whole column is
	// more paper than the position needs.
	SinglePhoto float64
	// PairPhoto is the least part of its size alone in a row that a
	// figure of photos may be drawn at to share a row with the next
	// figure of photos, as drawings pair: two single photos pair, a
	// figure of two photos side by side does not. 0: photos pair only
	// when they fit at full size, as drawings do.
	PairPhoto float64
	// PhotoBeside is the width of a figure of one photo set beside the
	// text that follows it (its steps), as a part of the column: the
	// picture next to the words it shows, and a row of the page where
	// the photo above its steps took two. 0: photos are never set beside
	// text.
	PhotoBeside float64
	// DrawingScale is how many points one centimetre of a built-in drawing
	// takes on the page. One scale for every drawing keeps the body the
	// same size in every figure of a handout.
	DrawingScale    float64
	PanelLabelMin   float64 // narrowest slot a panel label wraps in
	LabelGap        float64 // picture to its panel label
	CaptionGap      float64 // panel labels to the caption
	CaptionMinWidth float64 // narrowest a caption wraps in, under a narrow picture
}

// RuleWeights are the line widths.
type RuleWeights struct {
	Header    float64 // under the header
	Footer    float64 // over the footer
	Link      float64 // under a link
	LinkDrop  float64 // a link's underline, below the baseline
	TableHead float64 // under a table's head
	TableRow  float64 // under a table's row
	WriteIn   float64 // a line to write on
	Frame     float64 // a dose strip, a tip or a note, a tick box
	Strong    float64 // a caution or a warning
	Panel     float64 // the booking panel
}

// Palette is the style's own colours (the clinic's are content.Colors),
// and how tints are mixed.
type Palette struct {
	Text, Muted, Rule, Paper color.RGBA
	Caution, Warning         color.RGBA // a callout's colour when it is not the clinic's
	PrimaryTint              float64    // a dose strip's fill: the primary colour mixed this far toward paper
	CalloutTint              float64    // a callout's fill: its colour mixed this far toward paper
}

// CalloutStyle is a boxed caution, warning, tip or note.
type CalloutStyle struct {
	Pad, Bar, IconW float64 // padding, the bar down the left, the icon's column
	IconSize        float64
	IconTop         float64 // the icon, below the top padding
	LabelH          float64 // the label line's height
	LabelBaseline   float64
	InnerSpace      float64 // between blocks inside the box
	Radius          float64
}

// DoseStyle is the tinted strip with an exercise's dose.
type DoseStyle struct {
	Pad, LabelW, Radius float64
}

// BookingStyle is the panel with the booking code, link and phone.
type BookingStyle struct {
	Pad     float64 // inside the border
	QRSize  float64 // the code's area
	TextGap float64 // code to text
	TextTop float64 // more space above the text than Pad
	MinText float64 // the least height of the text area without a code
	Radius  float64
}

// CoverStyle is a packet's cover page: the programme table and the lines
// for questions.
type CoverStyle struct {
	PatientGap    float64 // title to the patient's lines
	PageW, ColGap float64 // the page number's column, between columns
	NameShare     float64 // the exercise column, as a part of the column's width
	HeadH         float64 // the table head's height
	HeadBaseline  float64
	HeadRule      float64 // the head's rule, below its top
	RowPad        float64 // above and below each row's text
	GroupPad      float64 // above a group title
	GroupH        float64 // added to a group title's lines
	Questions     int     // lines for the patient's questions
	QuestionH     float64 // each line's height
	QuestionRule  float64 // its rule, below its top
}

// TickLogStyle is the page of tick boxes at the end of a packet.
type TickLogStyle struct {
	DayW, Box, RowPad float64 // a day's column, its box, above and below a row's text
	NameGap           float64 // the exercise's name to the first day
	HeadH             float64
	HeadBaseline      float64
	HeadRule          float64 // the head's rule, below its top
	BoxRadius         float64
}

// LogoBox is the box the header draws a logo of pxW×pxH pixels in, on
// every page: the header's height, and the logo's aspect ratio. Whoever
// prepares the logo before a layout (to check it) asks here.
func (s Style) LogoBox(pxW, pxH int) (w, h float64) {
	return s.Header.Height * float64(pxW) / float64(pxH), s.Header.Height
}

// styles are the looks there are; the first is the default. They are
// made by functions, not kept in variables, so no caller can change a
// style another one gets.
func styles() []Style { return []Style{article()} }

// StyleNames lists the styles by name, the default first.
func StyleNames() []string {
	var names []string
	for _, s := range styles() {
		names = append(names, s.Name)
	}
	return names
}

// article is the handout's look since the first release. Body text is
// 11 pt and nothing is under 8 pt, so the sheet reads at arm's length and
// survives a photocopier.
func article() Style {
	return Style{
		Name: "article",
		// Three quarters of an inch: room for a hole punch and a thumb.
		Page: PageGeometry{Margin: 54},
		Header: HeaderStyle{Top: 28, Height: 38, Gap: 18, LogoGap: 10, HalfGap: 12,
			NameBaseline: 17, TaglineBaseline: 30, RuleOffset: 6},
		Footer: FooterStyle{Bottom: 24, Gap: 14, RuleOffset: 5, PageLabelW: 60},
		Type: TypeScale{
			Body:          TypeStyle{Size: 11, Leading: 15.5},
			Boxed:         TypeStyle{Size: 10.5, Leading: 14.5},
			Caption:       TypeStyle{Size: 9.5, Leading: 12.5, Ink: InkMuted},
			FigureCaption: TypeStyle{Size: 9.5, Leading: 12.5},
			Small:         TypeStyle{Size: 9.5, Leading: 12.5},
			Footer:        TypeStyle{Size: 8, Leading: 10.5, Ink: InkMuted},
			H1:            TypeStyle{Size: 24, Leading: 29, Bold: true},
			H2:            TypeStyle{Size: 15, Leading: 19, Bold: true, Ink: InkPrimary},
			H3:            TypeStyle{Size: 12, Leading: 16, Bold: true},
			Subtitle:      TypeStyle{Size: 13, Leading: 18, Italic: true, Ink: InkMuted},
			ClinicName:    TypeStyle{Size: 13, Bold: true, Ink: InkPrimary},
			Tagline:       TypeStyle{Size: 8.5, Ink: InkMuted},
			HeaderTitle:   TypeStyle{Size: 10, Bold: true},
			HeaderPatient: TypeStyle{Size: 9},
			Label:         TypeStyle{Size: 9.5, Bold: true},
			DoseLabel:     TypeStyle{Size: 9, Bold: true, Ink: InkPrimary},
			TableHead:     TypeStyle{Size: 9, Bold: true, Ink: InkMuted},
			GroupTitle:    TypeStyle{Size: 9.5, Leading: 12.5, Bold: true, Ink: InkPrimary},
			TickLogWeek:   TypeStyle{Size: 10, Bold: true, Ink: InkPrimary},
			TickLogRow:    TypeStyle{Size: 10, Leading: 13.5},
			MinSize:       8,
		},
		Space: Spacing{Section: 20, Subhead: 12, Paragraph: 7, Item: 4, Figure: 12, Box: 10,
			Byline: 4, ListIndent: 22, ListLabelGap: 6, SplitPad: 4},
		Figure: FigureStyle{MaxHeight: 210, Gap: 14, RowGap: 18, PhotoShrink: 0.75, SinglePhoto: 0.75,
			PairPhoto: 0.75, PhotoBeside: 0.33,
			DrawingScale: 1.1, PanelLabelMin: 120, LabelGap: 4, CaptionGap: 6, CaptionMinWidth: 320},
		Rules: RuleWeights{Header: 1.2, Footer: 0.5, Link: 0.5, LinkDrop: 1.2, TableHead: 0.8, TableRow: 0.4, WriteIn: 0.5,
			Frame: 0.8, Strong: 1.4, Panel: 1},
		Palette: Palette{
			Text: rgb(0x22, 0x22, 0x22), Muted: rgb(0x55, 0x55, 0x55), Rule: rgb(0xBB, 0xBB, 0xBB), Paper: rgb(0xFF, 0xFF, 0xFF),
			Caution: rgb(0xB0, 0x3A, 0x1E), Warning: rgb(0x8A, 0x4B, 0x00),
			PrimaryTint: 0.9, CalloutTint: 0.93,
		},
		Callout: CalloutStyle{Pad: 9, Bar: 4, IconW: 22, IconSize: 15, IconTop: 1, LabelH: 16, LabelBaseline: 11.5,
			InnerSpace: 4, Radius: 3},
		Dose:    DoseStyle{Pad: 8, LabelW: 46, Radius: 4},
		Booking: BookingStyle{Pad: 10, QRSize: 76, TextGap: 14, TextTop: 4, MinText: 40, Radius: 4},
		Cover: CoverStyle{PatientGap: 6, PageW: 36, ColGap: 12, NameShare: 0.42, HeadH: 16, HeadBaseline: 11,
			HeadRule: 15.5, RowPad: 3, GroupPad: 5, GroupH: 6, Questions: 5, QuestionH: 26, QuestionRule: 25},
		TickLog: TickLogStyle{DayW: 40, Box: 14, RowPad: 6, NameGap: 8, HeadH: 20, HeadBaseline: 14, HeadRule: 19.5,
			BoxRadius: 2},
	}
}

// StyleByName finds a style by its name (any case); "" is the default,
// article. An unknown name is an error listing the styles there are.
func StyleByName(name string) (Style, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	all := styles()
	if name == "" {
		return all[0], nil
	}
	var names []string
	for _, s := range all {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return Style{}, fmt.Errorf("style %q does not exist; use %s", name, strings.Join(names, " or "))
}
