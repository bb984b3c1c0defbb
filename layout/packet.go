package layout

import (
	"strings"

	"handout/content"
	"handout/locale"
)

// pageRef is a page number on the cover that is known only after the
// pages are broken: the Text is filled in then, right-aligned at right.
type pageRef struct {
	text   *Text
	anchor string
	right  float64
}

// resolvePageRefs fills in the cover's page numbers.
func (b *builder) resolvePageRefs(pages [][]placed) {
	at := map[string]int{}
	for i, pg := range pages {
		for _, p := range pg {
			if p.u.anchor != "" {
				at[p.u.anchor] = i + 1
			}
		}
	}
	for _, r := range b.pageRefs {
		n, ok := at[r.anchor]
		if !ok {
			continue
		}
		r.text.S = itoa(n)
		r.text.X = r.right - b.f.Width(r.text.Face, r.text.Size, r.text.S)
	}
}

// exercise is one row of the cover's programme and of the tick log.
type exercise struct {
	handout int // index in Input.Handouts
	title   []content.Span
	dose    string
	anchor  string
	boxes   int // tick boxes a day in the log: 2 for twice a day, else 1
}

// exercises lists the packet's exercises: the sections that prescribe a
// dose, or, for a handout without doses, the handout itself.
func (b *builder) exercises() []exercise {
	var out []exercise
	for hi, h := range b.in.Handouts {
		n := 0
		for si, s := range h.Sections {
			if s.Dose == nil {
				continue
			}
			title := s.Title
			if len(title) == 0 {
				title = plain(h.Meta.Title)
			}
			boxes := 1
			if s.Dose.TimesADay() == 2 {
				boxes = 2
			}
			out = append(out, exercise{handout: hi, title: title, dose: doseText(b.w, s.Dose), anchor: anchorName(hi, si), boxes: boxes})
			n++
		}
		if n == 0 {
			out = append(out, exercise{handout: hi, title: plain(h.Meta.Title), anchor: anchorName(hi, 0), boxes: 1})
		}
	}
	return out
}

// doseText is a dose on one line, worded as the sheet's dose strip words
// it ("10 times · hold 5 seconds · twice a day · right side";
// content.WordDose): a programme's exercise has its line already; a
// handout's "Dose:" line is worded here, in w's words. A side a handout
// writes in its own words ("each") is kept as written.
func doseText(w *locale.Words, d *content.Dose) string {
	if d.Line != "" {
		return d.Line
	}
	side := content.Side(strings.ToLower(strings.TrimSpace(d.Side)))
	line := content.WordDose(w, d, side, nil)
	switch side {
	case content.NoSide, content.Left, content.Right, content.Both, content.Alternate:
		return line
	}
	words := strings.TrimSpace(d.Side)
	if !strings.HasSuffix(strings.ToLower(words), "side") && !strings.HasSuffix(strings.ToLower(words), "sides") {
		words = w.Text(locale.OwnSide, words)
	}
	if line == "" {
		return words
	}
	return line + " · " + words
}

// groupRow is the row naming the handout that the exercises from exs[i] on
// come from, in a packet of several handouts: two handouts may both have
// a "Cat and cow". Its one cell spans the table's columns, so that the
// rows stay regular for a screen reader.
func (b *builder) groupRow(exs []exercise, i int, w float64, columns int) (unit, bool) {
	ex := exs[i]
	if len(b.in.Handouts) < 2 || i > 0 && exs[i-1].handout == ex.handout {
		return unit{}, false
	}
	st, cs := b.th.textStyle(b.th.Type.GroupTitle), b.th.Cover
	// A row of its own whose one header cell names the handout.
	th := newElem(RoleTH)
	th.Scope, th.ColSpan = "Row", columns
	newElem(RoleTR).add(th)
	lines := mark(th, b.textUnits(plain(b.in.Handouts[ex.handout].Meta.Title), st, 0, w, alignLeft))
	u := unit{h: float64(len(lines))*st.leading + cs.GroupH, glue: true}
	u.items, _ = stack(nil, lines, cs.GroupPad)
	return u, true
}

// table is a Table element whose rows are the elements of the rows'
// items (TR each), attached in order.
func table(rows []unit) *Elem {
	t := newElem(RoleTable)
	for _, r := range rows {
		t.add(tops(r.items)...)
	}
	return t
}

// cell is a table cell of role (TH with scope, or TD) in row tr.
func cell(tr *Elem, role Role, scope string) *Elem {
	c := tr.child(role)
	c.Scope = scope
	return c
}

// cover lays out a packet's first page: who it is for, the programme
// with the page each exercise starts on, the clinician's notes and room
// for the patient's questions.
func (b *builder) cover() {
	th, cv, cs, sp := b.th, b.in.Cover, b.th.Cover, b.th.Space
	h1, h2, body := th.textStyle(th.Type.H1), th.textStyle(th.Type.H2), th.textStyle(th.Type.Body)
	b.owner = noHandout
	w := b.w
	outer := b.cur
	b.cur = outer.child(RoleSect)
	defer func() { b.cur = outer }()
	us := b.textAs(RoleH1, plain(b.packetTitle()), h1, 0, b.col.w, alignLeft)
	var who []content.Span
	if b.in.Patient != "" {
		who = append(who, content.Span{Text: w.Text(locale.PreparedFor) + " "}, content.Span{Text: b.in.Patient, Style: content.Bold})
	}
	var details []string
	if b.in.Date != "" {
		details = append(details, w.Text(locale.VisitLabel)+" "+b.date())
	}
	if cv.Clinician != "" {
		details = append(details, w.Text(locale.ClinicianLabel)+" "+cv.Clinician)
	}
	if len(details) > 0 {
		if len(who) > 0 {
			who = append(who, content.Span{Text: "\n"})
		}
		who = append(who, content.Span{Text: strings.Join(details, "  ·  ")})
	}
	if len(who) > 0 {
		lines := b.textAs(RoleP, who, body, 0, b.col.w, alignLeft)
		lines[0].before = cs.PatientGap
		us = append(us, lines...)
	}
	b.add(glueAll(us), 0)

	// The programme table: exercise, dose, page.
	b.add(glueAll(b.textAs(RoleH2, plain(w.Text(locale.YourProgramme)), h2, 0, b.col.w, alignLeft)), sp.Section)
	b.keepNext = true
	gap := cs.ColGap
	nameW := b.col.w * cs.NameShare
	doseW := b.col.w - nameW - cs.PageW - 2*gap
	st := body
	hs := th.Type.TableHead
	headRow := newElem(RoleTR)
	headText := func(x float64, s string) *Text {
		return &Text{Tag: Tag{Elem: cell(headRow, RoleTH, "Column")}, X: x, Y: cs.HeadBaseline, Face: faceOf(hs), Size: hs.Size, Color: th.ink(hs.Ink), S: s}
	}
	columns := []Item{
		headText(0, w.Text(locale.ExerciseColumn)),
		headText(nameW+gap, w.Text(locale.DoseLabel)),
		headText(b.col.w-b.f.Width(faceOf(hs), hs.Size, w.Text(locale.PageColumn)), w.Text(locale.PageColumn)),
	}
	head := unit{h: cs.HeadH, items: append(columns,
		&Rule{X1: 0, Y1: cs.HeadRule, X2: b.col.w, Y2: cs.HeadRule, Width: th.Rules.TableHead, Color: th.primary.graphic})}
	rows := []unit{head}
	exs := b.exercises()
	for i, ex := range exs {
		if g, ok := b.groupRow(exs, i, b.col.w, len(columns)); ok {
			rows = append(rows, g)
		}
		tr := newElem(RoleTR)
		name := mark(cell(tr, RoleTH, "Row"), b.textUnits(ex.title, st, 0, nameW, alignLeft))
		dose := mark(cell(tr, RoleTD, ""), b.textUnits(plain(ex.dose), st, nameW+gap, doseW, alignLeft))
		h := max(float64(len(name)), float64(len(dose)))*st.leading + 2*cs.RowPad
		u := unit{h: h, glue: true}
		u.items, _ = stack(u.items, name, cs.RowPad)
		u.items, _ = stack(u.items, dose, cs.RowPad)
		num := &Text{Tag: Tag{Elem: cell(tr, RoleTD, "")}, X: b.col.w, Y: cs.RowPad + st.baseline(), Face: faceOf(th.Type.Body), Size: st.size, Color: st.color}
		u.items = append(u.items, num, &Rule{X1: 0, Y1: h, X2: b.col.w, Y2: h, Width: th.Rules.TableRow, Color: th.rule})
		b.pageRefs = append(b.pageRefs, pageRef{text: num, anchor: ex.anchor, right: b.col.w})
		rows = append(rows, u)
	}
	table(rows)
	b.add(rows, sp.Paragraph)

	if cv.Notes != "" {
		b.add(glueAll(b.textAs(RoleH2, plain(w.Text(locale.ClinicianNotes)), h2, 0, b.col.w, alignLeft)), sp.Section)
		b.keepNext = true
		b.add(b.textAs(RoleP, plain(cv.Notes), body, 0, b.col.w, alignLeft), sp.Paragraph)
	}
	// Ruled lines for the patient's questions, as on a paper form.
	b.add(glueAll(b.textAs(RoleH2, plain(w.Text(locale.QuestionsToBring)), h2, 0, b.col.w, alignLeft)), sp.Section)
	b.keepNext = true
	var lines []unit
	for range cs.Questions {
		lines = append(lines, unit{h: cs.QuestionH, items: []Item{&Rule{X1: 0, Y1: cs.QuestionRule, X2: b.col.w, Y2: cs.QuestionRule, Width: th.Rules.WriteIn, Color: th.rule}}})
	}
	b.add(glueAll(lines), 0)
}

// tickBoxes are a day's n boxes (one, or two for a twice-a-day
// exercise) centred in the day's column at x, in a row h tall; two boxes
// are drawn smaller when both do not fit the column at full size.
func (b *builder) tickBoxes(n int, x, h float64, td *Elem) []Item {
	th, tl := b.th, b.th.TickLog
	box := tl.Box
	if n > 1 {
		box = min(box, (tl.DayW-float64(float64(n+1)*tl.BoxGap))/float64(n))
	}
	w := float64(float64(n)*box) + float64(float64(n-1)*tl.BoxGap)
	left := x + (tl.DayW-w)/2
	var items []Item
	for k := range n {
		items = append(items, &Box{Tag: Tag{Elem: td}, X: left + float64(float64(k)*(box+tl.BoxGap)), Y: (h - box) / 2, W: box, H: box, Radius: tl.BoxRadius, Stroke: th.muted, LineWidth: th.Rules.Frame})
	}
	return items
}

// tickLog lays out two weeks of a tick table: a row per exercise, a box
// per day, for the patient to mark what they did.
func (b *builder) tickLog() {
	th, tl, w := b.th, b.th.TickLog, b.w
	exs := b.exercises()
	outer := b.cur
	b.cur = outer.child(RoleSect)
	defer func() { b.cur = outer }()
	b.add(glueAll(b.textAs(RoleH2, plain(w.Text(locale.LogTitle)), th.textStyle(th.Type.H2), 0, b.col.w, alignLeft)), 0)
	b.keepNext = true
	howTo := w.Text(locale.LogEachDay)
	for _, ex := range exs {
		if ex.boxes == 2 {
			// HANDOUT-DESIGN.md §2.6: a box for each time of a
			// twice-a-day exercise.
			// One line still, as the log's one-line "how to use".
			howTo = w.Text(locale.LogEachTime)
			break
		}
	}
	b.add(b.textAs(RoleP, plain(howTo+" "+w.Text(locale.LogBring)), th.textStyle(th.Type.Body), 0, b.col.w, alignLeft), th.Space.Paragraph)
	var days []string
	for _, k := range []locale.Key{locale.Monday, locale.Tuesday, locale.Wednesday, locale.Thursday, locale.Friday, locale.Saturday, locale.Sunday} {
		days = append(days, w.Text(k))
	}
	dayW, box, rowPad := tl.DayW, tl.Box, tl.RowPad
	nameW := b.col.w - dayW*float64(len(days))
	st := th.textStyle(th.Type.TickLogRow)
	ws, hs := th.Type.TickLogWeek, th.Type.TableHead
	for week := 1; week <= 2; week++ {
		// Week N heads the column of names; each day its column.
		headRow := newElem(RoleTR)
		head := unit{h: tl.HeadH, items: []Item{&Text{Tag: Tag{Elem: cell(headRow, RoleTH, "Column")}, X: 0, Y: tl.HeadBaseline, Face: faceOf(ws), Size: ws.Size, Color: th.ink(ws.Ink), S: w.Text(locale.WeekN, week)}}}
		for i, d := range days {
			w := b.f.Width(faceOf(hs), hs.Size, d)
			head.items = append(head.items, &Text{Tag: Tag{Elem: cell(headRow, RoleTH, "Column")}, X: nameW + float64(i)*dayW + (dayW-w)/2, Y: tl.HeadBaseline, Face: faceOf(hs), Size: hs.Size, Color: th.ink(hs.Ink), S: d})
		}
		head.items = append(head.items, &Rule{X1: 0, Y1: tl.HeadRule, X2: b.col.w, Y2: tl.HeadRule, Width: th.Rules.TableHead, Color: th.primary.graphic})
		rows := []unit{head}
		for i, ex := range exs {
			if g, ok := b.groupRow(exs, i, nameW, 1+len(days)); ok {
				rows = append(rows, g)
			}
			tr := newElem(RoleTR)
			name := mark(cell(tr, RoleTH, "Row"), b.textUnits(ex.title, st, 0, nameW-tl.NameGap, alignLeft))
			h := max(float64(len(name))*st.leading, box) + 2*rowPad
			u := unit{h: h, glue: true}
			u.items, _ = stack(u.items, name, rowPad)
			for i := range days {
				u.items = append(u.items, b.tickBoxes(ex.boxes, nameW+float64(i)*dayW, h, cell(tr, RoleTD, ""))...)
			}
			u.items = append(u.items, &Rule{X1: 0, Y1: h, X2: b.col.w, Y2: h, Width: th.Rules.TableRow, Color: th.rule})
			rows = append(rows, u)
		}
		table(rows)
		b.add(rows, th.Space.Section)
	}
}
