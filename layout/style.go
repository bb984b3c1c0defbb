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
	Name  string // what StyleByName finds it by
	Label string // how staff choose it in the web page: what it is for, in words

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
	Sheet   SheetStyle
}

// PageGeometry is the page's margins.
type PageGeometry struct {
	Margin float64 // left and right margin
}

// HeaderStyle is the band at the top of every page: the logo, the
// clinic's name and tagline on the left, the handout's title and the
// patient's line on the right, a rule under them.
type HeaderStyle struct {
	Top    float64 // page edge to the top of the header
	Height float64 // the logo's height and the header's text block
	// LogoMaxW is the widest a logo is drawn: a banner logo (16:1, as
	// websites use) at the header's height would leave no room for the
	// clinic's name, or run off the page. Such a logo is drawn this wide
	// and lower, centred in the header's height.
	LogoMaxW        float64
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
	// MaxLines is the most lines the clinic's contact lines may take: the
	// sample clinic's takes 3 in the article, and each line more is a
	// line less of every page's column. Large print needs more for the
	// same words at 14 pt.
	MaxLines int
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
	RowTitle      TypeStyle // an exercise's name in its row (row styles)
	Summary       TypeStyle // the summary box under the title (row styles)
	// MinSize is the smallest text printed (footnote markers are scaled
	// down to no less): a sheet read at arm's length, photocopied.
	MinSize float64
	// HeaderMin is the smallest the header's and the footer's texts (the
	// clinic's name and tagline, the title, the patient's line, the
	// contact lines) are shrunk to when they do not fit their space;
	// below it a text is shortened with "…" instead. Never under MinSize.
	HeaderMin float64
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
	Row       float64 // between an exercise's row and the next (row styles)
}

// Palette is the style's own colours (the clinic's are content.Colors),
// and how tints are mixed. Text, Muted, Caution and Warning keep 4.5:1
// as text on Paper and on their tints, Rule 3:1 (a line to write on must
// survive a black-and-white printer); TestContrast checks every style.
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
	BoxGap            float64 // between a day's two boxes (twice a day), and beside them
	NameGap           float64 // the exercise's name to the first day
	HeadH             float64
	HeadBaseline      float64
	HeadRule          float64 // the head's rule, below its top
	BoxRadius         float64
}

// SheetStyle is how a row style (sheet, large-print) lays out a
// programme: each exercise one row, its drawings in a column on the left
// and what to do on the right; a summary box under the title and a "Stop
// and call us if…" box before the booking panel. Rows false is the
// article's flow, one block after another, and the rest is then unused.
type SheetStyle struct {
	Rows bool
	// DrawingMin and DrawingMax bound the drawing column's width: wide
	// enough for a body to be seen, narrow enough to leave the steps a
	// column of ≈48 characters (HANDOUT-DESIGN.md §2.9).
	DrawingMin, DrawingMax float64
	// DrawingMaxH is the tallest the drawing column's pictures and their
	// captions may be: a row's share of the page.
	DrawingMaxH float64
	// DrawingScale is the most points one centimetre of a drawing takes;
	// a document whose drawings need less to fit the column gets less, the
	// same for every row (sheetScale).
	DrawingScale float64
	PhotoH       float64 // a photo's height in the drawing column, at most
	ColGap       float64 // the drawing column to the text
	PanelGap     float64 // between pictures, stacked or side by side
	CaptionGap   float64 // a picture to its caption
	RowPad       float64 // above and below a row's content, inside its rules
	TextGap      float64 // between the parts of the text column
	QRSize       float64 // a video link's code with its quiet zone
	QRGap        float64 // the code to its printed address
	BoxPad       float64 // inside the summary and the stop box
	BoxGap       float64 // title block to the summary box
	StopColumns  int     // the stop box's signs are listed in this many columns
	// StopFirst puts the stop box on the first page, under the summary,
	// instead of before the booking panel: in large print the first
	// exercise does not fit under the title, and the page is better used
	// for what to look out for than left empty.
	StopFirst bool
	// PicturesAbove puts a row's pictures above its text instead of in a
	// column beside it (large print: its lines would be too short).
	PicturesAbove bool
	// PerPage is how many rows a page should hold; a row taller than its
	// share gets a narrower drawing column (exerciseRow).
	PerPage int
}

// LogoBox is the box the header draws a logo of pxW×pxH pixels in, on
// every page: the header's height, and the logo's aspect ratio, at most
// LogoMaxW wide. Whoever prepares the logo before a layout (to check it)
// asks here.
func (s Style) LogoBox(pxW, pxH int) (w, h float64) {
	aspect := float64(pxW) / float64(pxH)
	w, h = s.Header.Height*aspect, s.Header.Height
	if s.Header.LogoMaxW > 0 && w > s.Header.LogoMaxW {
		w, h = s.Header.LogoMaxW, s.Header.LogoMaxW/aspect
	}
	return w, h
}

// styles are the looks there are; the first is the default. They are
// made by functions, not kept in variables, so no caller can change a
// style another one gets.
func styles() []Style { return []Style{article(), sheet(), largePrint()} }

// StyleLabel is the label of the style named name ("" for none).
func StyleLabel(name string) string {
	for _, s := range styles() {
		if s.Name == name {
			return s.Label
		}
	}
	return ""
}

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
		Name:  "article",
		Label: "Article",
		// Three quarters of an inch: room for a hole punch and a thumb.
		Page: PageGeometry{Margin: 54},
		Header: HeaderStyle{Top: 28, Height: 38, LogoMaxW: 144, Gap: 18, LogoGap: 10, HalfGap: 12,
			NameBaseline: 17, TaglineBaseline: 30, RuleOffset: 6},
		Footer: FooterStyle{Bottom: 24, Gap: 14, RuleOffset: 5, PageLabelW: 60, MaxLines: 6},
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
			HeaderMin:     8,
		},
		Space: Spacing{Section: 20, Subhead: 12, Paragraph: 7, Item: 4, Figure: 12, Box: 10,
			Byline: 4, ListIndent: 22, ListLabelGap: 6, SplitPad: 4},
		Figure: FigureStyle{MaxHeight: 210, Gap: 14, RowGap: 18, PhotoShrink: 0.75, SinglePhoto: 0.75,
			PairPhoto: 0.75, PhotoBeside: 0.33,
			DrawingScale: 1.1, PanelLabelMin: 120, LabelGap: 4, CaptionGap: 6, CaptionMinWidth: 320},
		Rules: RuleWeights{Header: 1.2, Footer: 0.5, Link: 0.5, LinkDrop: 1.2, TableHead: 0.8, TableRow: 0.4, WriteIn: 0.5,
			Frame: 0.8, Strong: 1.4, Panel: 1},
		Palette: Palette{
			Text: rgb(0x22, 0x22, 0x22), Muted: rgb(0x55, 0x55, 0x55), Rule: rgb(0x94, 0x94, 0x94), Paper: rgb(0xFF, 0xFF, 0xFF),
			Caution: rgb(0xB0, 0x3A, 0x1E), Warning: rgb(0x8A, 0x4B, 0x00),
			PrimaryTint: 0.9, CalloutTint: 0.93,
		},
		Callout: CalloutStyle{Pad: 9, Bar: 4, IconW: 22, IconSize: 15, IconTop: 1, LabelH: 16, LabelBaseline: 11.5,
			InnerSpace: 4, Radius: 3},
		Dose:    DoseStyle{Pad: 8, LabelW: 46, Radius: 4},
		Booking: BookingStyle{Pad: 10, QRSize: 76, TextGap: 14, TextTop: 4, MinText: 40, Radius: 4},
		Cover: CoverStyle{PatientGap: 6, PageW: 36, ColGap: 12, NameShare: 0.42, HeadH: 16, HeadBaseline: 11,
			HeadRule: 15.5, RowPad: 3, GroupPad: 5, GroupH: 6, Questions: 5, QuestionH: 26, QuestionRule: 25},
		TickLog: TickLogStyle{DayW: 40, Box: 14, BoxGap: 3, RowPad: 6, NameGap: 8, HeadH: 20, HeadBaseline: 14, HeadRule: 19.5,
			BoxRadius: 2},
	}
}

// sheet is the exercise sheet (HANDOUT-DESIGN.md §2): one row per
// exercise, three to a page, at a 14 pt body and 18 pt titles, on 15 mm
// margins so that the steps get a column of ≈48 characters beside the
// drawings. Nothing is under 8 pt (the footer's contact lines); what the
// patient reads to do an exercise (steps, dose, note, cautions) is 13 pt
// or more.
func sheet() Style {
	return Style{
		Name:  "sheet",
		Label: "Exercise sheet",
		Page:  PageGeometry{Margin: 42.5},
		Header: HeaderStyle{Top: 20, Height: 34, LogoMaxW: 130, Gap: 10, LogoGap: 10, HalfGap: 12,
			NameBaseline: 15, TaglineBaseline: 28, RuleOffset: 4},
		Footer: FooterStyle{Bottom: 20, Gap: 8, RuleOffset: 4, PageLabelW: 64, MaxLines: 6},
		Type: TypeScale{
			Body:          TypeStyle{Size: 14, Leading: 16.75},
			Boxed:         TypeStyle{Size: 12.5, Leading: 15},
			Caption:       TypeStyle{Size: 11, Leading: 13.5, Ink: InkMuted},
			FigureCaption: TypeStyle{Size: 11, Leading: 13.5},
			Small:         TypeStyle{Size: 10, Leading: 12.5},
			Footer:        TypeStyle{Size: 8.5, Leading: 11, Ink: InkMuted},
			H1:            TypeStyle{Size: 22, Leading: 25, Bold: true},
			H2:            TypeStyle{Size: 18, Leading: 22, Bold: true, Ink: InkPrimary},
			H3:            TypeStyle{Size: 15, Leading: 18.5, Bold: true},
			Subtitle:      TypeStyle{Size: 14, Leading: 18, Italic: true, Ink: InkMuted},
			ClinicName:    TypeStyle{Size: 14, Bold: true, Ink: InkPrimary},
			Tagline:       TypeStyle{Size: 9, Ink: InkMuted},
			HeaderTitle:   TypeStyle{Size: 11, Bold: true},
			HeaderPatient: TypeStyle{Size: 10.5},
			Label:         TypeStyle{Size: 11, Bold: true},
			DoseLabel:     TypeStyle{Size: 10, Bold: true, Ink: InkPrimary},
			TableHead:     TypeStyle{Size: 10, Bold: true, Ink: InkMuted},
			GroupTitle:    TypeStyle{Size: 11, Leading: 14, Bold: true, Ink: InkPrimary},
			TickLogWeek:   TypeStyle{Size: 12, Bold: true, Ink: InkPrimary},
			TickLogRow:    TypeStyle{Size: 12, Leading: 15},
			RowTitle:      TypeStyle{Size: 18, Leading: 20, Bold: true, Ink: InkPrimary},
			Summary:       TypeStyle{Size: 14, Leading: 18},
			MinSize:       8,
			HeaderMin:     8,
		},
		Space: Spacing{Section: 12, Subhead: 8, Paragraph: 5, Item: 1, Figure: 10, Box: 8,
			Byline: 2, ListIndent: 22, ListLabelGap: 6, SplitPad: 4},
		Figure: FigureStyle{MaxHeight: 180, Gap: 12, RowGap: 16, PhotoShrink: 0.75, SinglePhoto: 0.75,
			DrawingScale: 0.9, PanelLabelMin: 110, LabelGap: 3, CaptionGap: 5, CaptionMinWidth: 280},
		Rules: RuleWeights{Header: 1.2, Footer: 0.5, Link: 0.5, LinkDrop: 1.3, TableHead: 0.8, TableRow: 0.4, WriteIn: 0.5,
			Frame: 0.8, Strong: 1.4, Panel: 1, Row: 0.8},
		Palette: Palette{
			Text: rgb(0x1A, 0x1A, 0x1A), Muted: rgb(0x4A, 0x4A, 0x4A), Rule: rgb(0x94, 0x94, 0x94), Paper: rgb(0xFF, 0xFF, 0xFF),
			Caution: rgb(0xB0, 0x3A, 0x1E), Warning: rgb(0x8A, 0x4B, 0x00),
			PrimaryTint: 0.9, CalloutTint: 0.93,
		},
		Callout: CalloutStyle{Pad: 4.5, Bar: 4, IconW: 20, IconSize: 13, IconTop: 1.5, LabelH: 15, LabelBaseline: 11,
			InnerSpace: 3, Radius: 3},
		Dose:    DoseStyle{Pad: 4, LabelW: 44, Radius: 3},
		Booking: BookingStyle{Pad: 8, QRSize: 64, TextGap: 12, TextTop: 2, MinText: 36, Radius: 4},
		Cover: CoverStyle{PatientGap: 6, PageW: 40, ColGap: 12, NameShare: 0.42, HeadH: 17, HeadBaseline: 12,
			HeadRule: 16.5, RowPad: 3, GroupPad: 5, GroupH: 6, Questions: 4, QuestionH: 28, QuestionRule: 27},
		TickLog: TickLogStyle{DayW: 42, Box: 15, BoxGap: 3, RowPad: 6, NameGap: 8, HeadH: 22, HeadBaseline: 15, HeadRule: 21,
			BoxRadius: 2},
		Sheet: SheetStyle{Rows: true, DrawingMin: 128, DrawingMax: 150, DrawingMaxH: 140, DrawingScale: 0.9, PhotoH: 90,
			ColGap: 12, PanelGap: 8, CaptionGap: 2, RowPad: 4.5, TextGap: 3.5, QRSize: 54, QRGap: 8, BoxPad: 6, BoxGap: 5, StopColumns: 2, PerPage: 3},
	}
}

// largePrint is the sheet for readers with low vision (APH, NAVH: 18 pt
// body at least): one or two exercises a page, drawings at least 60 mm
// wide, heavier rules, and nothing under 14 pt, the footer and the tick
// log included.
func largePrint() Style {
	return Style{
		Name:  "large-print",
		Label: "Large print",
		Page:  PageGeometry{Margin: 42.5},
		Header: HeaderStyle{Top: 22, Height: 44, LogoMaxW: 168, Gap: 12, LogoGap: 12, HalfGap: 14,
			NameBaseline: 18, TaglineBaseline: 38, RuleOffset: 6},
		Footer: FooterStyle{Bottom: 20, Gap: 10, RuleOffset: 6, PageLabelW: 100, MaxLines: 9},
		Type: TypeScale{
			Body:          TypeStyle{Size: 18, Leading: 23},
			Boxed:         TypeStyle{Size: 18, Leading: 23},
			Caption:       TypeStyle{Size: 14, Leading: 17.5},
			FigureCaption: TypeStyle{Size: 14, Leading: 17.5},
			Small:         TypeStyle{Size: 14, Leading: 17.5},
			Footer:        TypeStyle{Size: 14, Leading: 17},
			H1:            TypeStyle{Size: 28, Leading: 33, Bold: true},
			H2:            TypeStyle{Size: 24, Leading: 29, Bold: true, Ink: InkPrimary},
			H3:            TypeStyle{Size: 20, Leading: 25, Bold: true},
			Subtitle:      TypeStyle{Size: 18, Leading: 23, Italic: true},
			ClinicName:    TypeStyle{Size: 18, Bold: true, Ink: InkPrimary},
			Tagline:       TypeStyle{Size: 14},
			HeaderTitle:   TypeStyle{Size: 14, Bold: true},
			HeaderPatient: TypeStyle{Size: 14},
			Label:         TypeStyle{Size: 14, Bold: true},
			DoseLabel:     TypeStyle{Size: 14, Bold: true, Ink: InkPrimary},
			TableHead:     TypeStyle{Size: 14, Bold: true},
			GroupTitle:    TypeStyle{Size: 16, Leading: 20, Bold: true, Ink: InkPrimary},
			TickLogWeek:   TypeStyle{Size: 18, Bold: true, Ink: InkPrimary},
			TickLogRow:    TypeStyle{Size: 18, Leading: 22},
			RowTitle:      TypeStyle{Size: 24, Leading: 29, Bold: true, Ink: InkPrimary},
			Summary:       TypeStyle{Size: 18, Leading: 23},
			MinSize:       14,
			HeaderMin:     14,
		},
		Space: Spacing{Section: 20, Subhead: 10, Paragraph: 8, Item: 4, Figure: 12, Box: 10,
			Byline: 4, ListIndent: 30, ListLabelGap: 8, SplitPad: 5},
		Figure: FigureStyle{MaxHeight: 240, Gap: 14, RowGap: 18, PhotoShrink: 0.8, SinglePhoto: 0.85,
			DrawingScale: 1.2, PanelLabelMin: 150, LabelGap: 4, CaptionGap: 6, CaptionMinWidth: 320},
		Rules: RuleWeights{Header: 2, Footer: 1, Link: 0.8, LinkDrop: 1.8, TableHead: 1.5, TableRow: 0.8, WriteIn: 1,
			Frame: 1.4, Strong: 2.2, Panel: 1.6, Row: 1.6},
		// Muted text is as dark as the rest: grey type is the first thing
		// a reader with low vision loses.
		Palette: Palette{
			Text: rgb(0x00, 0x00, 0x00), Muted: rgb(0x00, 0x00, 0x00), Rule: rgb(0x66, 0x66, 0x66), Paper: rgb(0xFF, 0xFF, 0xFF),
			Caution: rgb(0xA0, 0x30, 0x10), Warning: rgb(0x7A, 0x40, 0x00),
			PrimaryTint: 0.9, CalloutTint: 0.94,
		},
		Callout: CalloutStyle{Pad: 8, Bar: 6, IconW: 32, IconSize: 23, IconTop: 0, LabelH: 20, LabelBaseline: 15,
			InnerSpace: 4, Radius: 3},
		Dose:    DoseStyle{Pad: 7, LabelW: 60, Radius: 4},
		Booking: BookingStyle{Pad: 10, QRSize: 84, TextGap: 14, TextTop: 2, MinText: 48, Radius: 4},
		Cover: CoverStyle{PatientGap: 8, PageW: 50, ColGap: 14, NameShare: 0.45, HeadH: 22, HeadBaseline: 16,
			HeadRule: 21, RowPad: 4, GroupPad: 6, GroupH: 8, Questions: 4, QuestionH: 34, QuestionRule: 33},
		TickLog: TickLogStyle{DayW: 44, Box: 22, BoxGap: 5, RowPad: 8, NameGap: 8, HeadH: 26, HeadBaseline: 18, HeadRule: 25,
			BoxRadius: 3},
		Sheet: SheetStyle{Rows: true, PicturesAbove: true, DrawingMin: 170, DrawingMax: 500, DrawingMaxH: 190, DrawingScale: 1.2, PhotoH: 170,
			ColGap: 16, PanelGap: 10, CaptionGap: 3, RowPad: 10, TextGap: 8, QRSize: 72, QRGap: 10, BoxPad: 10, BoxGap: 10, StopColumns: 1, StopFirst: true, PerPage: 1},
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
