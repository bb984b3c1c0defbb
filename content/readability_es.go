package content

import (
	"strings"
	"unicode"
)

// LecturabilidadFH is the Fernández-Huerta readability (lecturabilidad)
// of Spanish sentences, the Spanish adaptation of Flesch's reading ease
// (Fernández Huerta, "Medidas sencillas de lecturabilidad", Consigna 214,
// 1959), in its corrected form:
//
//	L = 206.84 − 60 · syllables/word − 1.02 · words/sentence
//
// The formula as usually printed, 206.84 − 0.60·P − 1.02·F with F the
// sentences per 100 words, lowers the score as sentences get shorter;
// Law (2011) showed that F must be the words per sentence, as in Flesch's
// formula, and 0.60 per 100 words is 60 per word. Higher is easier: 70–80
// is "algo fácil" (a sixth-grade reader), 80–90 "fácil", 90–100 "muy
// fácil". Sentences are split as ReadingGrade splits them (also at "¡"
// and "¿", which open one), words are runs of letters and digits, and
// syllables are counted by SilabasES. Like ReadingGrade it is a meter for
// authors, not proof that a text reads easily.
func LecturabilidadFH(sentences []string) float64 {
	var nSentences, nWords, nSyllables int
	for _, s := range sentences {
		for sentence := range strings.FieldsFuncSeq(s, func(r rune) bool { return strings.ContainsRune(".!?¡¿", r) }) {
			words := strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if len(words) == 0 {
				continue
			}
			nSentences++
			nWords += len(words)
			for _, w := range words {
				nSyllables += SilabasES(w)
			}
		}
	}
	if nWords == 0 {
		return 0
	}
	return 206.84 - 60*float64(nSyllables)/float64(nWords) - 1.02*float64(nWords)/float64(nSentences)
}

// SilabasES counts the syllables of a Spanish word by its vowels, as
// Spanish spelling marks them: each group of vowels is one syllable (a
// diphthong, "cie-lo"; a triphthong, "buey"), except that two strong
// vowels (a, e, o) side by side are two ("po-e-ta"), and so is a weak
// vowel with an accent beside another vowel ("dí-a", "re-ír"). The "u"
// of "que", "qui", "gue", "gui" is silent and so joins no group; "y" is a
// vowel when no vowel follows it ("hoy", "muy", the word "y"). An "h"
// between vowels does not part them in speech, but it rarely joins a
// diphthong in everyday words ("pro-hi-bir"), so it is left to part them.
// A number counts as one syllable, as ReadingGrade counts it.
func SilabasES(word string) int {
	w := []rune(strings.ToLower(word))
	if len(w) == 0 || unicode.IsDigit(w[0]) {
		return 1
	}
	strong := func(r rune) bool { return strings.ContainsRune("aeoáéó", r) }
	accentedWeak := func(r rune) bool { return r == 'í' || r == 'ú' }
	vowelAt := func(i int) bool {
		r := w[i]
		switch {
		case strings.ContainsRune("aeiouáéíóúü", r):
			if r == 'u' && i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && strings.ContainsRune("eiéí", w[i+1]) {
				return false // the silent u of que, guiso
			}
			return true
		case r == 'y':
			return i+1 == len(w) || !strings.ContainsRune("aeiouáéíóú", w[i+1])
		}
		return false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if !vowelAt(i) {
			continue
		}
		if i == 0 || !vowelAt(i-1) {
			n++ // a new group
			continue
		}
		prev, cur := w[i-1], w[i]
		if (strong(prev) && strong(cur)) || accentedWeak(prev) || accentedWeak(cur) {
			n++ // a hiatus: the group parts here
		}
	}
	return max(n, 1)
}
