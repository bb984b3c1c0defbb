package render

import "testing"

// BenchmarkRender renders the built-in handout (13 figures, sample clinic)
// in process, as a visit-time render or one packet of a batch does: fonts
// and drawings are prepared once per engine and reused.
//
//	go test -run '^$' -bench Render -benchmem ./render
func BenchmarkRender(b *testing.B) {
	// As main runs it: the collector at GOGC=400 (see main, and refGC).
	defer refGC()()
	e := newTestEngine(b)
	j := testJob(b, "builtin:mid-back-pain")
	// One render before timing: the drawings are made on first use, once
	// per process, and would otherwise weigh on short runs.
	if _, _, err := e.Render(j); err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		out, _, err := e.Render(j)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}

// BenchmarkRenderStyles renders the five-exercise programme and the
// built-in handout in each style, in process, and reports each
// document's pages beside its time:
//
//	go test -run '^$' -bench RenderStyles -benchmem ./render
func BenchmarkRenderStyles(b *testing.B) {
	defer refGC()()
	e := newTestEngine(b)
	for _, doc := range []struct{ name, source string }{
		{"five", "testdata/sheet-5.yaml"},
		{"mid-back-pain", "builtin:mid-back-pain"},
	} {
		for _, style := range StyleNames() {
			b.Run(doc.name+"/"+style, func(b *testing.B) {
				j := testJobWith(b, doc.source, Settings{Style: style})
				if _, _, err := e.Render(j); err != nil {
					b.Fatal(err)
				}
				pages := 0
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if _, pages, err = e.Render(j); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(pages), "pages")
			})
		}
	}
}
