package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// keyNames are the names of the keys in keys.go, in order.
func keyNames(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "keys.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if n.Name != "numKeys" {
					names = append(names, n.Name)
				}
			}
		}
	}
	if len(names) != int(numKeys) {
		t.Fatalf("keys.go names %d keys, numKeys is %d", len(names), numKeys)
	}
	return names
}

// TestCatalogues: every catalogue has every key and no other, and every
// key is used by the code outside the catalogues: a label added to the
// layout without its Spanish fails here, and so does a key left behind
// when its label goes.
func TestCatalogues(t *testing.T) {
	names := keyNames(t)
	for _, l := range languages() {
		tb := l.table()
		for k := Key(0); k < numKeys; k++ {
			m, ok := tb[k]
			if !ok || m.text == "" && m.cases == nil {
				t.Errorf("%s: no message for %s", l.tag, names[k])
			}
		}
		for k := range tb {
			if k < 0 || k >= numKeys {
				t.Errorf("%s: a message for key %d, which is none", l.tag, k)
			}
		}
		newWords(l) // every table builds
	}
	used := usedIdents(t)
	for _, n := range names {
		if !used[n] {
			t.Errorf("key %s is in the catalogues but no code prints it; remove it", n)
		}
	}
}

// usedIdents are the names the module's code uses as locale.NAME, and
// the names this package's own code (not its tables or tests) uses.
func usedIdents(t *testing.T) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || name == "third_party" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		own := filepath.Dir(path) == filepath.Join(root, "locale")
		if own && (strings.HasPrefix(d.Name(), "lang_") || d.Name() == "keys.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := v.X.(*ast.Ident); ok && x.Name == "locale" {
					used[v.Sel.Name] = true
				}
			case *ast.Ident:
				if own {
					used[v.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

// TestMatch: BCP 47 matching to the closest catalogue, and an error
// listing the languages for one the program does not print.
func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en-US", "en-US": "en-US", "en-GB": "en-GB", "en-AU": "en-GB", "EN-us": "en-US",
		"es": "es", "es-MX": "es", "es-419": "es", "es-ES": "es",
		"fr": "fr", "fr-BE": "fr", "fr-CA": "fr-CA",
		"pt": "pt-BR", "pt-BR": "pt-BR", "pt-PT": "pt-BR",
		"pl": "pl", "pl-PL": "pl",
	} {
		w, err := Match(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if w.Tag() != want {
			t.Errorf("%s: matched %s, want %s", in, w.Tag(), want)
		}
	}
	for _, in := range []string{"de", "zh", "ar", "not a tag", "", "xx"} {
		_, err := Match(in)
		if err == nil || !strings.Contains(err.Error(), "en-US, en-GB, es, fr, fr-CA, pt-BR, pl") {
			t.Errorf("%q: %v, want an error listing the languages", in, err)
		}
	}
	// "xx" is written as a tag is, but names no language: not the
	// message for a malformed one.
	for in, want := range map[string]string{
		"xx":        `"xx" is no language BCP 47 knows; handout prints en-US,`,
		"zh":        `handout does not print "zh"; it prints en-US,`,
		"not a tag": `"not a tag" is not a BCP 47 language tag; write one of en-US,`,
	} {
		if _, err := Match(in); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s…", in, err, want)
		}
	}
}

// TestCounts: plural forms from CLDR, the count as written.
func TestCounts(t *testing.T) {
	words := func(tag string) *Words {
		w, err := Match(tag)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	for _, c := range []struct {
		tag  string
		k    Key
		n    int
		want string
	}{
		{"en-US", RepsCount, 1, "once"},
		{"en-US", RepsCount, 2, "2 times"},
		{"en-US", DailyCount, 2, "twice a day"},
		{"en-US", DailyCount, 3, "3 times a day"},
		{"en-US", SecondsCount, 1, "1 second"},
		{"es", RepsCount, 1, "1 vez"},
		{"es", RepsCount, 10, "10 veces"},
		{"es", RoundsCount, 2, "2 series"},
		{"fr", SecondsCount, 1, "1 seconde"},
		{"fr", SecondsCount, 5, "5 secondes"},
		{"pl", RoundsCount, 2, "2 serie"},
		{"pl", RoundsCount, 5, "5 serii"},
		{"pl", RoundsCount, 22, "22 serie"},
		{"pl", RoundsCount, 12, "12 serii"},
		{"pl", SecondsCount, 1, "1 sekundę"},
		{"pl", SecondsCount, 3, "3 sekundy"},
		{"pl", SecondsCount, 30, "30 sekund"},
		{"pt-BR", DailyCount, 2, "2 vezes ao dia"},
	} {
		if got := words(c.tag).Count(c.k, c.n, itoa(c.n)); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.tag, c.n, got, c.want)
		}
	}
	if got := words("en").Count(RepsCount, 15, "10–15"); got != "10–15 times" {
		t.Errorf("range: %q", got)
	}
	if got := words("es").Text(PageOf, 3, 12); got != "Página 3 de 12" {
		t.Errorf("es page: %q", got)
	}
	if got := words("en").Text(SummaryExercises, 4); got != "these 4 exercises" {
		t.Errorf("en summary: %q", got)
	}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// TestDates: each language's usual form, from the catalogue.
func TestDates(t *testing.T) {
	for tag, want := range map[string]string{
		"en-US": "Dec 1, 2026", "en-GB": "1 Dec 2026", "es": "1 de diciembre de 2026",
		"fr": "1 décembre 2026", "fr-CA": "1 décembre 2026", "pt": "1 de dezembro de 2026", "pl": "1 grudnia 2026",
	} {
		w, err := Match(tag)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.Date("2026-12-01"); got != want {
			t.Errorf("%s: %q, want %q", tag, got, want)
		}
	}
	gb, _ := Match("en-GB")
	if got := gb.Date("2026-09-30"); got != "30 Sept 2026" {
		t.Errorf("en-GB September: %q", got)
	}
	if got := English().Date("next Tuesday"); got != "next Tuesday" {
		t.Errorf("not a date: %q", got)
	}
}
