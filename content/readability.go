package content

import (
	"strings"
	"unicode"

	"handout/locale"
)

// TargetGrade is the reading grade an exercise's words should be at or
// below: most patients read at sixth grade or lower (HANDOUT-DESIGN.md
// §1). The built-in exercises are held to it; a clinic's own are shown
// against it (handout show).
const TargetGrade = 6

// ReadingGrade is the Flesch–Kincaid grade level of sentences:
//
//	FK = 0.39 · words/sentence + 11.8 · syllables/word − 15.59
//
// Each string is one or more sentences; one without a closing ".", "!"
// or "?" (a step, a caption) still ends there. Words are runs of letters,
// digits and apostrophes; syllables are counted by Syllables. The formula
// is for English and is noisy on short texts: a meter for authors
// (HANDOUT-DESIGN.md §1), not proof that a text reads easily.
func ReadingGrade(sentences []string) float64 {
	var nSentences, nWords, nSyllables int
	for _, s := range sentences {
		for sentence := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
			words := strings.FieldsFunc(sentence, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
			})
			if len(words) == 0 {
				continue
			}
			nSentences++
			nWords += len(words)
			for _, w := range words {
				nSyllables += Syllables(w)
			}
		}
	}
	if nWords == 0 {
		return 0
	}
	return 0.39*float64(nWords)/float64(nSentences) + 11.8*float64(nSyllables)/float64(nWords) - 15.59
}

// Syllables estimates the syllables of an English word: the groups of
// vowels (a, e, i, o, u, y), less a silent final "e" ("stone"), but not
// the "le" of "gentle", and "es"/"ed" endings that add none ("makes",
// "raised", but "rested", "uses"); at least one. A number counts as one. It is right for most
// everyday words and close for the rest, which is all a grade needs.
func Syllables(word string) int {
	w := strings.ToLower(strings.Trim(word, "'"))
	if w == "" || unicode.IsDigit(rune(w[0])) {
		return 1
	}
	isVowel := func(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
	n, prev := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i])
		if v && !prev {
			n++
		}
		prev = v
	}
	if len(w) > 2 {
		last, before := w[len(w)-1], w[len(w)-2]
		switch {
		case last == 'e' && before == 'l' && !isVowel(w[len(w)-3]):
			// "gentle", "table": the "le" is a syllable
		case last == 'e' && !isVowel(before):
			n-- // "stone", "raise"
		case last == 'd' && before == 'e' && len(w) > 3 && !isVowel(w[len(w)-3]) && !strings.ContainsRune("td", rune(w[len(w)-3])),
			last == 's' && before == 'e' && len(w) > 3 && !isVowel(w[len(w)-3]) && !strings.ContainsRune("sxzcg", rune(w[len(w)-3])):
			n-- // "makes", "raised"; but "rested", "boxes" keep theirs
		}
	}
	return max(n, 1)
}

// Sentences returns the exercise's text as ReadingGrade (or, in
// Spanish, LecturabilidadFH) reads it: the why, the steps (worded without
// a side, in the exercise's own language), the tips and the cautions,
// each a string.
func (e *Exercise) Sentences() []string {
	var out []string
	if e.Why != nil {
		out = append(out, plainText(e.Why))
	}
	w, err := locale.Match(e.Language)
	if e.Language == "" || err != nil {
		w = locale.English()
	}
	for _, s := range e.StepsFor(w, NoSide) {
		out = append(out, plainText(s))
	}
	for _, c := range append(append([]*Callout{}, e.Tips...), e.Cautions...) {
		for _, b := range c.Blocks {
			switch b := b.(type) {
			case *Paragraph:
				out = append(out, plainText(b.Text))
			case *List:
				for _, it := range b.Items {
					out = append(out, plainText(it))
				}
			}
		}
	}
	return out
}
