package layout

import (
	"testing"

	"handout/content"
	"handout/locale"
)

// TestCoverDoseIsWorded: the cover's programme table words a handout's
// dose as the sheet's strip does, not as its keys ("reps 10 · daily 2").
func TestCoverDoseIsWorded(t *testing.T) {
	for _, tc := range []struct {
		d    content.Dose
		want string
	}{
		{content.Dose{Reps: "10", Hold: "5 s", PerDay: "2"}, "10 times · hold 5 seconds · twice a day"},
		{content.Dose{Reps: "5", Side: "right"}, "5 times · right side"},
		{content.Dose{Reps: "5", Side: "each"}, "5 times · each side"},
		{content.Dose{Line: "as written"}, "as written"},
	} {
		if got := doseText(locale.English(), &tc.d); got != tc.want {
			t.Errorf("doseText(%+v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}
