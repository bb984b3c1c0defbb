package fonts

import (
	"fmt"
	"unicode"
)

// The scripts a handout prints, for messages about those it does not.
const printedScripts = "Latin (with Vietnamese), Greek and Cyrillic; Chinese, Japanese and Korean with a CJK font named in the clinic profile (cjk_font:)"

// complexScripts are scripts that need more than one glyph per character
// placed side by side, left to right, which is all fpdf does. Each says
// what is missing, in the words of an error message.
var complexScripts = []struct {
	name  string
	table *unicode.RangeTable
	needs string
}{
	{"Arabic", unicode.Arabic, "letters joined by shaping and right-to-left lines"},
	{"Hebrew", unicode.Hebrew, "right-to-left lines (and vowel points placed by the font)"},
	{"Syriac", unicode.Syriac, "letters joined by shaping and right-to-left lines"},
	{"Thaana", unicode.Thaana, "right-to-left lines with marks placed by shaping"},
	{"N'Ko", unicode.Nko, "letters joined by shaping and right-to-left lines"},
	{"Devanagari", unicode.Devanagari, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Bengali", unicode.Bengali, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Gurmukhi", unicode.Gurmukhi, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Gujarati", unicode.Gujarati, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Oriya", unicode.Oriya, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Tamil", unicode.Tamil, "shaping: vowel signs placed by the font's rules"},
	{"Telugu", unicode.Telugu, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Kannada", unicode.Kannada, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Malayalam", unicode.Malayalam, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Sinhala", unicode.Sinhala, "shaping: conjuncts and vowel signs placed by the font's rules"},
	{"Thai", unicode.Thai, "marks placed by shaping and lines broken between words written without spaces"},
	{"Lao", unicode.Lao, "marks placed by shaping and lines broken between words written without spaces"},
	{"Khmer", unicode.Khmer, "shaping and lines broken between words written without spaces"},
	{"Myanmar", unicode.Myanmar, "shaping and lines broken between words written without spaces"},
	{"Tibetan", unicode.Tibetan, "shaping: stacked letters placed by the font's rules"},
	{"Mongolian", unicode.Mongolian, "shaping and vertical lines"},
}

// cjkScripts are the scripts a CJK font draws, by the name messages use,
// with some of its most common letters (a font without them has next to
// none of the script) and a freely licensed TrueType font, packaged by
// Debian, that has them: Droid Sans Fallback has Han and kana, and of the
// 11,172 Hangul syllables 3.
var cjkScripts = []struct {
	name    string
	table   *unicode.RangeTable
	letters string // the script's letters, as "a font with …" says
	common  string
	font    string
}{
	{"Chinese (Han)", unicode.Han, "Han", "的一是不了人我在", droidFont},
	{"Japanese (Hiragana)", unicode.Hiragana, "Hiragana", "のにはをたがでて", droidFont},
	{"Japanese (Katakana)", unicode.Katakana, "Katakana", "ンスルトイクラア", droidFont},
	{"Korean (Hangul)", unicode.Hangul, "Hangul", "이다는하에의고지", "NanumGothic.ttf from Debian's fonts-nanum (SIL Open Font License)"},
	{"Chinese (Bopomofo)", unicode.Bopomofo, "Bopomofo", "ㄅㄆㄇㄈㄉㄊㄋㄌ", droidFont},
}

const droidFont = "DroidSansFallbackFull.ttf from Debian's fonts-droid-fallback (Apache-2.0)"

// cjkPunctuation reports whether r is a character that only CJK text
// uses: the CJK symbols and punctuation block (、。「」), fullwidth and
// halfwidth forms (，！（）), CJK compatibility forms and vertical forms.
func cjkPunctuation(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFE10 && r <= 0xFE1F
}

// Why says why the set cannot print r (a rune Missing returned) and what
// to do, as the end of an error message that names the file and line
// before it: "Arabic text (U+0639 "ع") cannot be printed yet: …".
func (s *Set) Why(r rune) string {
	ch := fmt.Sprintf("U+%04X %q", r, string(r))
	for _, sc := range complexScripts {
		if unicode.Is(sc.table, r) {
			return fmt.Sprintf("%s text (%s) cannot be printed yet: %s needs %s, which handout does not have. Write this handout in a script it prints: %s", sc.name, ch, sc.name, sc.needs, printedScripts)
		}
	}
	name, letters, common, font := "", "", "", ""
	for _, sc := range cjkScripts {
		if unicode.Is(sc.table, r) {
			name, letters, common, font = sc.name, sc.letters, sc.common, sc.font
		}
	}
	if name == "" && cjkPunctuation(r) {
		name = "Chinese, Japanese or Korean punctuation"
	}
	switch {
	case name != "" && s.cjk == nil:
		return fmt.Sprintf("%s text (%s) needs a CJK font, and the clinic profile names none: add cjk_font: FILE.ttf to the clinic profile, naming a TrueType font with the characters in the profile's folder (such as %s; README: Languages and scripts)", name, ch, cjkFontFor(font))
	case name != "" && !s.cjk.hasMost(common):
		// The font lacks the whole script, not one rare character: say
		// what a handout in it needs.
		return fmt.Sprintf("%s character %s is not in the clinic's CJK font %s, which has next to no %s: this handout needs a TrueType font with %s in cjk_font:, such as %s (README: Languages and scripts)", name, ch, s.cjk.name, letters, letters, font)
	case name != "":
		return fmt.Sprintf("%s character %s is not in the clinic's CJK font %s; use a font that has it, or write it another way", name, ch, s.cjk.name)
	case s.cjk != nil:
		return fmt.Sprintf("character %s is neither in the handout fonts (%s) nor in the clinic's CJK font %s; remove it or write it in words", ch, printedScripts, s.cjk.name)
	}
	return fmt.Sprintf("character %s is not in the handout fonts (%s); remove it or write it in words", ch, printedScripts)
}

// ScriptName is the name of r's script as messages use it ("Arabic",
// "Chinese (Han)"), or "" for a character of no script that Why names.
// It never quotes r itself: messages about a patient's name use it.
func ScriptName(r rune) string {
	for _, sc := range complexScripts {
		if unicode.Is(sc.table, r) {
			return sc.name
		}
	}
	for _, sc := range cjkScripts {
		if unicode.Is(sc.table, r) {
			return sc.name
		}
	}
	return ""
}

// cjkFontFor is the font to suggest for a script: its own, or for CJK
// punctuation alone (no script) Droid Sans Fallback.
func cjkFontFor(font string) string {
	if font == "" {
		return droidFont
	}
	return font
}

// hasMost reports whether the font has at least half of letters.
func (c *CJK) hasMost(letters string) bool {
	has, all := 0, 0
	for _, r := range letters {
		all++
		if c.Has(r) {
			has++
		}
	}
	return 2*has >= all
}
