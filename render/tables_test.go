package render

import (
	"testing"

	"handout/layout"
)

// TestTablesAreRegular: in every golden's structure tree each row of a
// table spans as many columns as the others, counting a cell's ColSpan:
// a screen reader reads a cell by its row and column headers, and a
// packet's group row (one header cell naming the handout, drawn across
// the table) otherwise looks like a row with cells missing.
func TestTablesAreRegular(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	for _, gc := range goldenCases {
		doc, err := e.Layout(goldenJob(t, gc))
		if err != nil {
			t.Fatalf("%s: %v", gc.name, err)
		}
		var walk func(el *layout.Elem)
		walk = func(el *layout.Elem) {
			if el.Role == layout.RoleTable {
				checkTable(t, gc.name, el)
			}
			for _, k := range el.Kids {
				walk(k)
			}
		}
		walk(doc.Root)
	}
}

func checkTable(t *testing.T, name string, table *layout.Elem) {
	t.Helper()
	want := -1
	for i, tr := range table.Kids {
		if tr.Role != layout.RoleTR {
			t.Errorf("%s: a table's kid %d is %s, not TR", name, i, tr.Role)
			continue
		}
		cols := 0
		for _, c := range tr.Kids {
			cols += max(1, c.ColSpan)
		}
		switch {
		case want < 0:
			want = cols
		case cols != want:
			t.Errorf("%s: a table's row %d spans %d columns, its first row %d", name, i, cols, want)
		}
	}
}
