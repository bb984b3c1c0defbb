package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"handout/content"
)

// lineTexts breaks spans at width with monoFonts (every character half an
// em: 5 pt at size 10) and returns each line's text as drawn.
func lineTexts(t *testing.T, spans []content.Span, width float64) []string {
	t.Helper()
	m := monoFonts{}
	st := textStyle{size: 10, leading: 14}
	var out []string
	for i, ln := range breakLines(m, splitWords(m, st, spans), width) {
		if ln.w > width+0.001 {
			t.Errorf("line %d is %.1f pt wide, more than %.1f", i, ln.w, width)
		}
		var b strings.Builder
		for _, it := range lineItems(ln, 0, 0, st, width, alignLeft) {
			if tx, ok := it.(*Text); ok {
				b.WriteString(tx.S)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestChineseBreaksBetweenIdeographs: Chinese has no spaces; lines break
// between characters, at every width, with no character lost or added
// (fpdf's MultiCell drops one at each such break), no line starting with
// a closing mark and none ending with an opening one.
func TestChineseBreaksBetweenIdeographs(t *testing.T) {
	const text = "每天做这个练习三次，每次保持十秒钟。如果感到疼痛（尤其是刺痛），请立即停止并联系我们：“慢慢来”。"
	for chars := 3; chars <= 40; chars++ {
		width := float64(chars) * 5
		lines := lineTexts(t, plain(text), width)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %d chars: the lines read\n%q\nwant\n%q", chars, got, text)
		}
		if n := utf8.RuneCountInString(text); n > chars && len(lines) < 2 {
			t.Errorf("width %d chars: %d characters on one line", chars, n)
		}
		for i, ln := range lines {
			first, _ := utf8.DecodeRuneInString(ln)
			last, _ := utf8.DecodeLastRuneInString(ln)
			if i > 0 && strings.ContainsRune(noLineStart, first) {
				t.Errorf("width %d chars: line %d starts with %q: %q", chars, i+1, first, lines)
			}
			if i < len(lines)-1 && strings.ContainsRune(noLineEnd, last) {
				t.Errorf("width %d chars: line %d ends with %q: %q", chars, i+1, last, lines)
			}
		}
	}
}

// TestKinsokuMovesTheBreak: where the line is full just before a comma or
// just after an opening bracket, the character before goes to the next
// line with it.
func TestKinsokuMovesTheBreak(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"一二三四，五六", []string{"一二三", "四，五六"}},
		{"一二三四。", []string{"一二三", "四。"}},
		{"一二三（四五", []string{"一二三", "（四五"}},
		{"一二三「四」", []string{"一二三", "「四」"}},
		{"一二三四五六", []string{"一二三四", "五六"}},
	} {
		got := lineTexts(t, plain(c.text), 20) // four characters
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q breaks as %q, want %q", c.text, got, c.want)
		}
	}
}

// TestMixedScriptsKeepWordsAndSpaces: Latin words and numbers among
// Chinese are not cut, spaces the author wrote stay, and a break may fall
// between an ideograph and a number written against it; across styles
// ("**重**复") too.
func TestMixedScriptsKeepWordsAndSpaces(t *testing.T) {
	spans := []content.Span{{Text: "每天做10次 stretch，"}, {Text: "重", Style: content.Bold}, {Text: "复三遍。"}}
	whole := lineTexts(t, spans, 500)
	if len(whole) != 1 || whole[0] != "每天做10次 stretch，重复三遍。" {
		t.Fatalf("one line reads %q", whole)
	}
	for chars := 2; chars <= 20; chars++ {
		lines := lineTexts(t, spans, float64(chars)*5)
		joined := strings.Join(lines, "|")
		for _, w := range []string{"10", "stretch"} {
			if !strings.Contains(joined, w) && chars >= len(w) {
				t.Errorf("width %d chars: %q was cut: %q", chars, w, joined)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != "每天做10次stretch，重复三遍。" {
			t.Errorf("width %d chars: the lines read %q", chars, got)
		}
	}
}

// TestLatinStillBreaksOnlyAtSpaces: the CJK rules leave Latin text alone.
func TestLatinStillBreaksOnlyAtSpaces(t *testing.T) {
	got := lineTexts(t, plain("Hold (gently) for ten seconds, then rest."), 100)
	for _, ln := range got {
		// One space ends a line the text goes on from, written for text
		// extraction (lineItems); none starts one.
		if strings.HasPrefix(ln, " ") || strings.HasSuffix(ln, "  ") {
			t.Errorf("line %q has a space at an end", ln)
		}
	}
	if strings.Join(got, "") != "Hold (gently) for ten seconds, then rest." {
		t.Errorf("lines %q", got)
	}
}

func TestCanBreakBetween(t *testing.T) {
	for _, c := range []struct {
		a, b rune
		want bool
	}{
		{'中', '文', true}, {'の', 'で', true}, {'한', '국', true}, {'中', '1', true}, {'1', '中', true},
		{'中', '，', false}, {'中', '。', false}, {'（', '中', false}, {'中', '）', false}, {'「', '中', false},
		{'a', 'b', false}, {'1', '0', false}, {'a', '(', false}, {'中', ')', false}, {'(', '中', false},
		{'…', '…', false}, {'中', 'ー', false}, {'中', 'っ', false},
	} {
		if got := canBreakBetween(c.a, c.b); got != c.want {
			t.Errorf("canBreakBetween(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
