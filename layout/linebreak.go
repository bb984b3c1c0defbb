package layout

import (
	"strings"
	"unicode"
)

// Chinese and Japanese are written without spaces, and Korean words may
// be cut between syllables: a line may break between any two of their
// characters, except where a punctuation mark would start or end a line.
// These are the common kinsoku rules (JIS X 4051, and the GB/T 15834
// practice for Chinese), kept short: what a handout's text uses.
//
// A break found here carries no space (word.glued). fpdf's MultiCell,
// which layout never uses, would drop the character at each such break
// (go-pdf/fpdf#80); layout breaks every line itself and draws each line
// as text runs, so nothing is lost.

// noLineStart are the characters that must not begin a line: closing
// brackets and quotes, the marks that end a clause or sentence (fullwidth
// and ASCII), the iteration and prolonged-sound marks, small kana, and
// the ellipsis and two-dot leader, which also must not be split.
const noLineStart = "，。、；：？！）」』】〕〉》〗〙〛｝］｠’”〞〟»›・ー々〻ゝゞヽヾ゛゜" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
	"…‥．｡､｣,.;:?!)]}%％‰℃°′″"

// noLineEnd are the characters that must not end a line: opening brackets
// and quotes, and the currency signs written before a number.
const noLineEnd = "（「『【〔〈《〖〘〚｛［｟‘“〝«‹｢([{¥￥＄$£€#＃"

// breaksAnywhere reports whether a line may break before or after r
// without a space: the ideographs, kana and Hangul, and CJK punctuation.
func breaksAnywhere(r rune) bool {
	switch {
	case r < 0x1100: // below Hangul Jamo: Latin, Greek, Cyrillic…
		return false
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF: // CJK punctuation, fullwidth forms
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// canBreakBetween reports whether a line may break between a and b, two
// characters written next to each other without a space.
func canBreakBetween(a, b rune) bool {
	if !breaksAnywhere(a) && !breaksAnywhere(b) {
		return false // a Latin word, a number: breaks only at spaces
	}
	return !strings.ContainsRune(noLineStart, b) && !strings.ContainsRune(noLineEnd, a)
}
