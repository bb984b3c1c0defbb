package pdf

import (
	"strings"
	"testing"

	"handout/fonts"
)

func TestSplitByEncoding(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   string
		want string // pieces as "encoding:text" joined by |
	}{
		{"Lie face down – 5 minutes", "cp1252:Lie face down – 5 minutes"},
		{"", ""},
		{"Reps 10 (slowly) ~", "cp1252:Reps 10 (slowly) ~"}, // printable ASCII: the fast path
		{"tab\there", "cp1252:tab|utf8:\t|cp1252:here"},     // a control character is in no one-byte encoding
		{"Zażółć gęślą", "cp1252:Za|iso-8859-2:żółć gęślą"},
		{"Ano → Лягте", "cp1252:Ano |utf8:→|cp1252: |cp1251:Лягте"}, // the space after → opens a cp1252 piece
		{"⅓ cup", "utf8:⅓|cp1252: cup"},
		{"Ξαπλώστε, ok", "cp1253:Ξαπλώστε, ok"},
	} {
		var got []string
		var rebuilt strings.Builder
		for _, p := range splitByEncoding(tc.in, fs.Encodings()) {
			name := "utf8"
			if p.enc != nil {
				name = p.enc.Name()
				if len(p.draw) != len([]rune(p.text)) {
					t.Errorf("%q: piece %q drawn as %d bytes, want one per character", tc.in, p.text, len(p.draw))
				}
			}
			got = append(got, name+":"+p.text)
			rebuilt.WriteString(p.text)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, g, tc.want)
		}
		if rebuilt.String() != tc.in {
			t.Errorf("%q: pieces rebuild %q", tc.in, rebuilt.String())
		}
	}
}
