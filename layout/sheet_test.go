package layout

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"handout/content"
	"handout/figures/pose"
	"handout/locale"
)

// programmeInput is a programme of the built-in exercises ids (their
// default doses) as a layout's input, with the built-in drawings that
// are made (the others are left out, as render does).
func programmeInput(t *testing.T, st Style, paper Paper, ids ...string) Input {
	t.Helper()
	lib, err := content.LoadLibrary("", pose.BuiltinDescription)
	if err != nil {
		t.Fatal(err)
	}
	p := &content.Programme{Source: "p.yaml", Clinician: "Dr. Karin Drummond, DC"}
	for _, id := range ids {
		e, err := lib.Exercise(id, "")
		if err != nil {
			t.Fatal(err)
		}
		p.Items = append(p.Items, content.ProgrammeItem{Exercise: e, Dose: e.Dose})
	}
	h := p.Handout("", locale.English())
	pics := map[*content.Panel]Picture{}
	for i := range h.Sections {
		for _, blk := range h.Sections[i].Blocks {
			fig, ok := blk.(*content.Figure)
			if !ok {
				continue
			}
			panels := fig.Panels[:0]
			for _, pn := range fig.Panels {
				name, _ := pn.Builtin()
				if _, err := pose.Builtin(name); err == nil {
					panels = append(panels, pn)
				}
			}
			fig.Panels = panels
			for k := range fig.Panels {
				name, _ := fig.Panels[k].Builtin()
				d, _ := pose.Builtin(name)
				pics[&fig.Panels[k]] = Picture{Drawing: &d}
			}
		}
	}
	clinic, err := content.SampleClinic()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Handouts: []*content.Handout{h}, Clinic: clinic, Pictures: pics, Paper: paper, Style: st,
		Patient: "Ana Díaz", Date: "2026-12-01"}
}

// rowHeights are the heights of the flow's exercise rows: the units that
// end in the row rule.
func rowHeights(b *builder) []float64 {
	var hs []float64
	for _, u := range b.units {
		if len(u.items) == 0 {
			continue
		}
		if r, ok := u.items[len(u.items)-1].(*Rule); ok && r.Y1 == u.h && r.Width == b.th.Rules.Row {
			hs = append(hs, u.h)
		}
	}
	return hs
}

// TestSheetRowsFitThreeAPage: every built-in exercise's row, with its
// default dose, is at most a third of the sheet's column on Letter (the
// shorter page), so that three rows fit a page (HANDOUT-DESIGN.md §2.7);
// in large print at most a page (one or two a page).
func TestSheetRowsFitThreeAPage(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	lib, err := content.LoadLibrary("", pose.BuiltinDescription)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []Style{sheet(), largePrint()} {
		var report []string
		tallest := 0.0
		for _, e := range lib.Exercises() {
			b, err := build(f, programmeInput(t, st, Letter, e.ID))
			if err != nil {
				t.Fatal(err)
			}
			hs := rowHeights(b)
			if len(hs) != 1 {
				t.Fatalf("%s: %s: %d rows, want 1", st.Name, e.ID, len(hs))
			}
			tallest = max(tallest, hs[0])
			report = append(report, fmt.Sprintf("%s %.0f", e.ID, hs[0]))
			if limit := b.col.h / float64(st.Sheet.PerPage); hs[0] > limit {
				t.Errorf("%s: %s: row %.1f pt tall; %d a page need at most %.1f", st.Name, e.ID, hs[0], st.Sheet.PerPage, limit)
			}
		}
		t.Logf("%s: tallest row %.1f pt; %s", st.Name, tallest, strings.Join(report, ", "))
	}
}

// TestSheetVideoCode: an exercise with a video link gets a QR code with
// the link over it and its address printed and linked beside it; an
// address too long for a code that a phone can read is an error naming
// the exercise, not a row asking for a scan beside no code.
func TestSheetVideoCode(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	in := programmeInput(t, sheet(), Letter, "chin-tuck")
	const url = "https://video.example/chin-tuck"
	in.Handouts[0].Sections[0].VideoURL = url
	doc, err := Layout(f, in)
	if err != nil {
		t.Fatal(err)
	}
	var links, modules int
	printed := false
	for _, it := range doc.Pages[0].Items {
		switch v := it.(type) {
		case *Link:
			if v.URL == url {
				links++
			}
		case *Box:
			if v.Fill == rgb(0, 0, 0) {
				modules++
			}
		case *Text:
			printed = printed || v.S == "video.example/chin-tuck"
		}
	}
	if links < 2 || modules == 0 || !printed {
		t.Errorf("%d links to the video (want the code's and the address's), %d dark module runs, address printed %v", links, modules, printed)
	}
	in.Handouts[0].Sections[0].VideoURL = "https://video.example/" + strings.Repeat("x", 1200)
	_, err = Layout(f, in)
	if err == nil || !strings.Contains(err.Error(), "exercise chin-tuck: video_url") || !strings.Contains(err.Error(), "shorter address") {
		t.Errorf("err = %v, want the exercise's video_url named with what to do", err)
	}
}

// TestSheetSummary: the summary box counts the exercises and names the
// most frequent "how often" in words.
func TestSheetSummary(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	in := programmeInput(t, sheet(), Letter, "chin-tuck", "glute-bridge", "bird-dog")
	for i, perDay := range []string{"2", "1", "2"} {
		in.Handouts[0].Sections[i].Dose.PerDay = perDay
	}
	doc, err := Layout(f, in)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, it := range doc.Pages[0].Items {
		if v, ok := it.(*Text); ok {
			text.WriteString(v.S + " ")
		}
	}
	if !strings.Contains(text.String(), "these 3 exercises, twice a day.") {
		t.Errorf("page 1 has no summary of 3 exercises twice a day:\n%s", text.String())
	}
}

// TestSheetRowNeverSplits: a row is one unit, on one page, in every
// programme size: the row rule of each row is on the same page as its
// exercise's name.
func TestSheetRowNeverSplits(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	ids := []string{"chin-tuck", "scapular-squeeze", "glute-bridge", "hamstring-stretch", "bird-dog", "towel-back-bend", "cat-cow", "wall-walk"}
	for _, st := range []Style{sheet(), largePrint()} {
		for _, paper := range []Paper{Letter, A4} {
			b, err := build(f, programmeInput(t, st, paper, ids...))
			if err != nil {
				t.Fatal(err)
			}
			rows := rowHeights(b)
			if len(rows) != len(ids) {
				t.Errorf("%s on %s: %d rows, want %d", st.Name, paper.Name, len(rows), len(ids))
			}
			for _, h := range rows {
				if h > b.col.h {
					t.Errorf("%s on %s: a row %.0f pt tall in a column of %.0f", st.Name, paper.Name, h, b.col.h)
				}
			}
		}
	}
}

// TestTickLogTwiceADay: an exercise done twice a day gets two boxes a
// day in the log (HANDOUT-DESIGN.md §2.6), the others one; two weeks of
// seven days.
func TestTickLogTwiceADay(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	for _, st := range []Style{article(), sheet(), largePrint()} {
		in := programmeInput(t, st, Letter, "chin-tuck", "glute-bridge")
		in.Handouts[0].Sections[0].Dose.PerDay = "2"
		in.Handouts[0].Sections[1].Dose.PerDay = "1"
		in.TickLog = true
		doc, err := Layout(f, in)
		if err != nil {
			t.Fatal(err)
		}
		boxes := 0
		for _, p := range doc.Pages {
			for _, it := range p.Items {
				if b, ok := it.(*Box); ok && b.W == b.H && b.Radius == st.TickLog.BoxRadius && b.Fill.A == 0 {
					boxes++
				}
			}
		}
		if want := 2 * 7 * (2 + 1); boxes != want {
			t.Errorf("%s: %d tick boxes, want %d", st.Name, boxes, want)
		}
	}
}

// TestSheetPhotoRow: a clinic's photos in a row are drawn in the drawing
// column, at most the style's photo height and the column's width, two
// stacked no taller together than the column allows, and the display
// list names the box each is prepared for.
func TestSheetPhotoRow(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	fig := &content.Figure{Number: 1, Panels: []content.Panel{{Caption: "Start", Source: "a.jpg", Label: "a"}, {Caption: "Finish", Source: "b.jpg", Label: "b"}}}
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"}, Sections: []content.Section{{
		Title: plain("Wall push"), ID: "wall-push",
		Blocks: []content.Block{fig, &content.List{Ordered: true, Start: 1, Items: [][]content.Span{plain("Push.")}}},
		Dose:   &content.Dose{Reps: "10"},
	}}}
	wide, tall := &Photo{PxW: 4000, PxH: 3000}, &Photo{PxW: 3000, PxH: 4000}
	clinic, err := content.SampleClinic()
	if err != nil {
		t.Fatal(err)
	}
	st := sheet()
	in := Input{Handouts: []*content.Handout{h}, Clinic: clinic, Paper: Letter, Style: st,
		Pictures: map[*content.Panel]Picture{&fig.Panels[0]: {Photo: wide}, &fig.Panels[1]: {Photo: tall}}}
	b, err := build(f, in)
	if err != nil {
		t.Fatal(err)
	}
	if rows := rowHeights(b); len(rows) != 1 || rows[0] > b.col.h/float64(st.Sheet.PerPage) {
		t.Fatalf("rows %v, want one within a third of the page", rows)
	}
	doc, err := Layout(f, in)
	if err != nil {
		t.Fatal(err)
	}
	boxes := doc.PhotoBoxes()
	if len(boxes) != 2 {
		t.Fatalf("%d photo boxes, want 2", len(boxes))
	}
	for _, pb := range boxes {
		if pb.H > st.Sheet.PhotoH+0.01 || pb.W > st.Sheet.DrawingMax+0.01 {
			t.Errorf("a photo drawn %.0fx%.0f, beyond %.0f high or %.0f wide", pb.W, pb.H, st.Sheet.PhotoH, st.Sheet.DrawingMax)
		}
	}
}

// TestLargePrintCaptionKeepsItsWords: in large print a row's pictures
// stand above its text, and a narrow drawing's caption wraps in the
// pictures' column: that column is at least the sheet's DrawingMin wide,
// as beside the text, so a caption word is never cut in two ("Standin" /
// "g tall," under a standing figure once).
func TestLargePrintCaptionKeepsItsWords(t *testing.T) {
	t.Parallel()
	f := realFonts(t)
	in := programmeInput(t, largePrint(), A4, "calf-stretch")
	const caption = "Standing tall, seen from the side"
	standing, err := pose.Builtin("mountain-side") // the narrowest drawing: a person standing, side on
	if err != nil {
		t.Fatal(err)
	}
	for i := range in.Handouts[0].Sections {
		for _, blk := range in.Handouts[0].Sections[i].Blocks {
			if fig, ok := blk.(*content.Figure); ok {
				fig.Caption = plain(caption)
				in.Pictures[&fig.Panels[0]] = Picture{Drawing: &standing}
			}
		}
	}
	doc, err := Layout(f, in)
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok {
				for _, w := range strings.Fields(tx.S) {
					words[w] = true
				}
			}
		}
	}
	for _, w := range strings.Fields(caption) {
		if !words[w] {
			t.Errorf("the caption's word %q is not printed whole (printed: %q)", w, slices.Sorted(maps.Keys(words)))
		}
	}
}

// TestPatientLineIsPersonal: on every page the header's line with the
// patient's name and the date is the one item marked Personal (the PDF
// writer draws it in a stream of its own, so the rest of a page is the
// same bytes for every patient), and it is a header artifact.
func TestPatientLineIsPersonal(t *testing.T) {
	t.Parallel()
	lib, err := content.LoadLibrary("", pose.BuiltinDescription)
	if err != nil {
		t.Fatal(err)
	}
	in := programmeInput(t, sheet(), Letter, lib.Exercises()[0].ID)
	doc, err := Layout(realFonts(t), in)
	if err != nil {
		t.Fatal(err)
	}
	for i, pg := range doc.Pages {
		var personal []string
		for _, it := range pg.Items {
			if IsPersonal(it) {
				txt, _ := it.(*Text)
				if e, art := TagOf(it); e != nil || art != Header || txt == nil {
					t.Errorf("page %d: a personal item that is not header text: %#v", i+1, it)
					continue
				}
				personal = append(personal, txt.S)
			}
		}
		if len(personal) != 1 || !strings.Contains(personal[0], in.Patient) {
			t.Errorf("page %d: personal items %q, want the one line naming %s", i+1, personal, in.Patient)
		}
	}
}
