package layout

import (
	"strings"

	"handout/content"
	"handout/fonts"
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
			out = append(out, exercise{handout: hi, title: title, dose: doseText(s.Dose), anchor: anchorName(hi, si)})
			n++
		}
		if n == 0 {
			out = append(out, exercise{handout: hi, title: plain(h.Meta.Title), anchor: anchorName(hi, 0)})
		}
	}
	return out
}

// doseText is a dose on one line: "3 sets · 10 reps · hold 5 s".
func doseText(d *content.Dose) string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+" "+v)
		}
	}
	add("sets", d.Sets)
	add("reps", d.Reps)
	add("hold", d.Hold)
	add("rest", d.Rest)
	if d.PerDay != "" {
		parts = append(parts, howOften(d.PerDay))
	}
	add("side:", d.Side)
	return strings.Join(parts, " · ")
}

// groupRow is the row naming the handout that the exercises from exs[i] on
// come from, in a packet of several handouts: two handouts may both have
// a "Cat and cow".
func (b *builder) groupRow(exs []exercise, i int, w float64) (unit, bool) {
	ex := exs[i]
	if len(b.in.Handouts) < 2 || i > 0 && exs[i-1].handout == ex.handout {
		return unit{}, false
	}
	st := b.th.small
	st.bold, st.italic, st.color = true, false, b.th.primary
	lines := b.textUnits(plain(b.in.Handouts[ex.handout].Meta.Title), st, 0, w, alignLeft)
	u := unit{h: float64(len(lines))*st.leading + 6, glue: true}
	u.items, _ = stack(nil, lines, 5)
	return u, true
}

// cover lays out a packet's first page: who it is for, the programme
// with the page each exercise starts on, the clinician's notes and room
// for the patient's questions.
func (b *builder) cover() {
	th, cv := b.th, b.in.Cover
	b.owner = noHandout
	us := b.textUnits(plain(packetTitle), th.h1, 0, b.col.w, alignLeft)
	var who []content.Span
	if b.in.Patient != "" {
		who = append(who, content.Span{Text: "Prepared for "}, content.Span{Text: b.in.Patient, Style: content.Bold})
	}
	var details []string
	if b.in.Date != "" {
		details = append(details, "Visit: "+b.in.Date)
	}
	if cv.Clinician != "" {
		details = append(details, "Clinician: "+cv.Clinician)
	}
	if len(details) > 0 {
		if len(who) > 0 {
			who = append(who, content.Span{Text: "\n"})
		}
		who = append(who, content.Span{Text: strings.Join(details, "  ·  ")})
	}
	if len(who) > 0 {
		lines := b.textUnits(who, th.body, 0, b.col.w, alignLeft)
		lines[0].before = 6
		us = append(us, lines...)
	}
	b.add(glueAll(us), 0)

	// The programme table: exercise, dose, page.
	b.add(glueAll(b.textUnits(plain("Your programme"), th.h2, 0, b.col.w, alignLeft)), spaceSection)
	b.keepNext = true
	const pageW, gap = 36.0, 12.0
	nameW := b.col.w * 0.42
	doseW := b.col.w - nameW - pageW - 2*gap
	st := th.body
	head := unit{h: 16, items: []Item{
		&Text{X: 0, Y: 11, Face: fonts.Bold, Size: 9, Color: th.muted, S: "EXERCISE"},
		&Text{X: nameW + gap, Y: 11, Face: fonts.Bold, Size: 9, Color: th.muted, S: "DOSE"},
		&Text{X: b.col.w - b.f.Width(fonts.Bold, 9, "PAGE"), Y: 11, Face: fonts.Bold, Size: 9, Color: th.muted, S: "PAGE"},
		&Rule{X1: 0, Y1: 15.5, X2: b.col.w, Y2: 15.5, Width: 0.8, Color: th.primary},
	}}
	rows := []unit{head}
	exs := b.exercises()
	for i, ex := range exs {
		if g, ok := b.groupRow(exs, i, b.col.w); ok {
			rows = append(rows, g)
		}
		name := b.textUnits(ex.title, st, 0, nameW, alignLeft)
		dose := b.textUnits(plain(ex.dose), st, nameW+gap, doseW, alignLeft)
		h := max(float64(len(name)), float64(len(dose)))*st.leading + 6
		u := unit{h: h, glue: true}
		u.items, _ = stack(u.items, name, 3)
		u.items, _ = stack(u.items, dose, 3)
		num := &Text{X: b.col.w, Y: 3 + st.leading/2 + st.size*0.36, Face: fonts.Regular, Size: st.size, Color: th.text}
		u.items = append(u.items, num, &Rule{X1: 0, Y1: h, X2: b.col.w, Y2: h, Width: 0.4, Color: th.rule})
		b.pageRefs = append(b.pageRefs, pageRef{text: num, anchor: ex.anchor, right: b.col.w})
		rows = append(rows, u)
	}
	b.add(rows, spaceParagraph)

	if cv.Notes != "" {
		b.add(glueAll(b.textUnits(plain("Notes from your clinician"), th.h2, 0, b.col.w, alignLeft)), spaceSection)
		b.keepNext = true
		b.add(b.textUnits(plain(cv.Notes), th.body, 0, b.col.w, alignLeft), spaceParagraph)
	}
	// Ruled lines for the patient's questions, as on a paper form.
	b.add(glueAll(b.textUnits(plain("Questions for your next visit"), th.h2, 0, b.col.w, alignLeft)), spaceSection)
	b.keepNext = true
	var lines []unit
	for i := 0; i < 5; i++ {
		lines = append(lines, unit{h: 26, items: []Item{&Rule{X1: 0, Y1: 25, X2: b.col.w, Y2: 25, Width: 0.5, Color: th.rule}}})
	}
	b.add(glueAll(lines), 0)
}

// tickLog lays out two weeks of a tick table: a row per exercise, a box
// per day, for the patient to mark what they did.
func (b *builder) tickLog() {
	th := b.th
	exs := b.exercises()
	b.add(glueAll(b.textUnits(plain("Your exercise log"), th.h2, 0, b.col.w, alignLeft)), 0)
	b.keepNext = true
	b.add(b.textUnits(plain("Tick a box each day you do the exercise. Bring this page to your next visit."), th.body, 0, b.col.w, alignLeft), spaceParagraph)
	days := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	const dayW, box, rowPad = 40.0, 14.0, 6.0
	nameW := b.col.w - dayW*float64(len(days))
	st := th.body
	st.size, st.leading = 10, 13.5
	for week := 1; week <= 2; week++ {
		head := unit{h: 20, items: []Item{&Text{X: 0, Y: 14, Face: fonts.Bold, Size: 10, Color: th.primary, S: "Week " + itoa(week)}}}
		for i, d := range days {
			w := b.f.Width(fonts.Bold, 9, d)
			head.items = append(head.items, &Text{X: nameW + float64(i)*dayW + (dayW-w)/2, Y: 14, Face: fonts.Bold, Size: 9, Color: th.muted, S: d})
		}
		head.items = append(head.items, &Rule{X1: 0, Y1: 19.5, X2: b.col.w, Y2: 19.5, Width: 0.8, Color: th.primary})
		rows := []unit{head}
		for i, ex := range exs {
			if g, ok := b.groupRow(exs, i, nameW); ok {
				rows = append(rows, g)
			}
			name := b.textUnits(ex.title, st, 0, nameW-8, alignLeft)
			h := max(float64(len(name))*st.leading, box) + 2*rowPad
			u := unit{h: h, glue: true}
			u.items, _ = stack(u.items, name, rowPad)
			for i := range days {
				u.items = append(u.items, &Box{X: nameW + float64(i)*dayW + (dayW-box)/2, Y: (h - box) / 2, W: box, H: box, Radius: 2, Stroke: th.muted, LineWidth: 0.8})
			}
			u.items = append(u.items, &Rule{X1: 0, Y1: h, X2: b.col.w, Y2: h, Width: 0.4, Color: th.rule})
			rows = append(rows, u)
		}
		b.add(rows, spaceSection)
	}
}
