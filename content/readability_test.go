package content

import (
	"math"
	"testing"
)

func TestSyllables(t *testing.T) {
	for word, want := range map[string]int{
		"the": 1, "knee": 1, "stone": 1, "gentle": 2, "table": 2, "makes": 1, "raised": 1,
		"rested": 2, "uses": 2, "breathe": 1, "shoulder": 2, "comfortable": 4, "exercise": 3,
		"slowly": 2, "10": 1, "you": 1, "hold": 1, "every": 3,
	} {
		if got := Syllables(word); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", word, got, want)
		}
	}
}

// TestReadingGrade checks the formula on a text counted by hand; a step
// without a full stop is a sentence of its own.
func TestReadingGrade(t *testing.T) {
	got := ReadingGrade([]string{"Sit tall. Tuck your chin back gently", "Breathe out!"})
	// 3 sentences; words: sit tall tuck your chin back gently breathe out
	// = 9; syllables 1·8 + 2 (gently) = 10.
	want := 0.39*9/3 + 11.8*10/9 - 15.59
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("grade %.3f, want %.3f", got, want)
	}
	if ReadingGrade(nil) != 0 {
		t.Error("empty text has a grade")
	}
}
