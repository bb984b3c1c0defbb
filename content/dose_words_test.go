package content

import (
	"testing"

	"handout/locale"
)

// TestWordDose pins the sheet's dose line (HANDOUT-DESIGN.md §2.4): fixed
// order, words and digits, never "5 s", "3×10" or "2x/day", no "1 round".
func TestWordDose(t *testing.T) {
	oneSide := &Exercise{Laterality: OneSide}
	leg := &Exercise{Laterality: OneSide, Limb: "leg"}
	together := &Exercise{Laterality: BothSides}
	alternating := &Exercise{Laterality: Alternating}
	for _, c := range []struct {
		dose string
		side Side
		e    *Exercise
		want string
	}{
		{"reps 10; hold 5 s; sets 2; daily 2", Right, oneSide, "10 times · hold 5 seconds · 2 rounds · twice a day · right side"},
		{"daily 2; sets 2; hold 5 s; reps 10", Right, oneSide, "10 times · hold 5 seconds · 2 rounds · twice a day · right side"},
		{"reps 12; load red band; sets 2; daily 1", NoSide, together, "12 times · 2 rounds · with red band · once a day"},
		{"reps 1", NoSide, together, "once"},
		{"hold 60 s", NoSide, together, "hold 1 minute"},
		{"hold 1 min", NoSide, together, "hold 1 minute"},
		{"hold 2 minutes", NoSide, together, "hold 2 minutes"},
		{"hold 90 s", NoSide, together, "hold 90 seconds"},
		{"hold 1 s", NoSide, together, "hold 1 second"},
		{"hold 20-30 s", NoSide, together, "hold 20–30 seconds"},
		{"hold 5", NoSide, together, "hold 5 seconds"},
		{"reps 10; sets 1", NoSide, together, "10 times"},
		{"reps 10-15; sets 2–3", NoSide, together, "10–15 times · 2–3 rounds"},
		{"reps 3×", NoSide, together, "3 times"},
		{"daily 1", NoSide, together, "once a day"},
		{"daily 2x/day", NoSide, together, "twice a day"},
		{"daily 2×", NoSide, together, "twice a day"},
		{"daily 3", NoSide, together, "3 times a day"},
		{"daily 2-3", NoSide, together, "2–3 times a day"},
		{"daily often through the day", NoSide, together, "often through the day"},
		{"reps 5 slow breaths", NoSide, together, "5 slow breaths"},
		{"hold as long as it feels good", NoSide, together, "hold as long as it feels good"},
		{"rest 30 s", NoSide, together, "rest 30 seconds"},
		{"reps 10", NoSide, oneSide, "10 times · each side"},
		{"reps 10", Both, oneSide, "10 times · each side"},
		{"reps 10", Left, leg, "10 times · left leg"},
		{"reps 10", NoSide, alternating, "10 times · alternate sides"},
		{"reps 10", Alternate, oneSide, "10 times · alternate sides"},
		{"reps 10", Both, together, "10 times"},
	} {
		d, err := ParseDose(c.dose, Pos{})
		if err != nil {
			t.Fatalf("%s: %v", c.dose, err)
		}
		if got := WordDose(locale.English(), d, c.side, c.e); got != c.want {
			t.Errorf("%s, side %q: %q, want %q", c.dose, c.side, got, c.want)
		}
	}
	if got := WordDose(locale.English(), nil, Right, &Exercise{Laterality: OneSide, Limb: "arm"}); got != "right arm" {
		t.Errorf("no dose, right arm: %q", got)
	}
}

// TestTimesADay: an exact count a day in any of the ways a clinician
// writes it; 0 for a range, words or none.
func TestTimesADay(t *testing.T) {
	for perDay, want := range map[string]int{
		"2": 2, "2x": 2, "2×/day": 2, "twice": 2, "Twice a day": 2, "once": 1, "1": 1, "3 times a day": 3,
		"2-3": 0, "every hour": 0, "": 0,
	} {
		if got := (&Dose{PerDay: perDay}).TimesADay(); got != want {
			t.Errorf("TimesADay(%q) = %d, want %d", perDay, got, want)
		}
	}
	if (*Dose)(nil).TimesADay() != 0 {
		t.Error("a nil dose says a number")
	}
}

// TestWordDoseLanguages: the dose line in the catalogue's words, with its
// plurals ("1 vez", "2 veces"; Polish "2 serie", "5 serii").
func TestWordDoseLanguages(t *testing.T) {
	leg := &Exercise{Laterality: OneSide, Limb: "leg"}
	for _, c := range []struct {
		lang, dose string
		side       Side
		want       string
	}{
		{"es", "reps 10; hold 5 s; sets 2; daily 2", Right, "10 veces · mantenga 5 segundos · 2 series · 2 veces al día · pierna derecha"},
		{"es", "reps 1; hold 1 min; daily 1", NoSide, "1 vez · mantenga 1 minuto · 1 vez al día · cada lado"},
		{"es", "daily 2-3", Left, "2–3 veces al día · pierna izquierda"},
		{"pl", "reps 5; hold 1 s; sets 5; rest 30 s", Left, "5 razy · przytrzymaj 1 sekundę · 5 serii · odpocznij 30 sekund · lewa noga"},
		{"pl", "sets 3; hold 2 min", Alternate, "przytrzymaj 2 minuty · 3 serie · naprzemiennie"},
		{"fr", "reps 10; daily 2", NoSide, "10 fois · 2 fois par jour · de chaque côté"},
		{"pt-BR", "reps 1; daily 2", Right, "1 vez · 2 vezes ao dia · perna direita"},
		{"en-GB", "hold as long as it feels good", NoSide, "hold as long as it feels good · each side"},
		{"es", "hold mientras se sienta bien", NoSide, "mantenga mientras se sienta bien · cada lado"},
		{"es", "reps 12; load banda roja", Right, "12 veces · con banda roja · pierna derecha"},
		{"fr", "reps 12; load 2 kg", NoSide, "12 fois · avec 2 kg · de chaque côté"},
		{"pt-BR", "load faixa vermelha", NoSide, "com faixa vermelha · cada lado"},
		{"pl", "reps 12; load czerwona taśma", NoSide, "12 razy · obciążenie czerwona taśma · na każdą stronę"},
	} {
		w, err := locale.Match(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseDose(c.dose, Pos{})
		if err != nil {
			t.Fatalf("%s: %v", c.dose, err)
		}
		if got := WordDose(w, d, c.side, leg); got != c.want {
			t.Errorf("%s %s, side %q: %q, want %q", c.lang, c.dose, c.side, got, c.want)
		}
	}
}
