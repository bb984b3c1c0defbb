// Package locale owns the words handout prints: one catalogue per
// language of every label, heading, dose word and date the layout, the
// packet's cover and tick log, the booking panel, the footer and the
// dose line print, chosen by a BCP 47 tag (Match).
//
// Decisions, and why:
//
//   - The catalogues are Go tables (lang_*.go), one file per language, not
//     embedded message files: a key is a typed constant, so a misspelt key
//     is a compile error, not a text printed as its key; there is no file
//     to parse at run time and no error to report for one; and the test
//     that every catalogue has every key, and that the code uses every
//     key, is a loop (TestCatalogues).
//   - Messages are formatted with golang.org/x/text/message, plurals chosen
//     by golang.org/x/text/feature/plural from CLDR's rules ("1 time" /
//     "2 times", "1 vez" / "2 veces", Polish "2 razy" / "5 razy", "2 serie"
//     / "5 serii"): no plural rule is written here. Numbers are formatted
//     by the same printer, for the language.
//   - Dates print in the form the catalogue gives (DateForm, the month
//     names), never the machine's locale: en-US "Dec 1, 2026", en-GB
//     "1 Dec 2026", es "1 de diciembre de 2026", fr "1 décembre 2026",
//     pt-BR "1 de dezembro de 2026", pl "1 grudnia 2026" (the month in the
//     genitive, as Polish dates are written).
//   - The languages: en-US (the default), en-GB (programme, tick a box),
//     es (neutral Latin American Spanish, usted), fr (France), fr-CA (where
//     Quebec differs: no space before "?", "balayez le code"), pt-BR and
//     pl. Portuguese is Brazilian: of the two countries that need it most,
//     the US and Canada have far more Brazilian than European speakers,
//     and CLDR's "pt" is Brazilian too; a pt-PT request is given pt-BR
//     (Match) rather than refused, as a British reader is given what a
//     Portuguese one would read without trouble.
//   - A catalogue that differs from another only in places (en-GB from
//     en-US, fr-CA from fr) lists its differences over its base.
//   - Matching is x/text/language's Matcher: es-MX is es, en is en-US,
//     en-AU en-GB, fr-BE fr, fr-CH fr, pt and pt-PT pt-BR. A tag whose
//     language the program does not print is an error listing those it
//     does (the caller names the field).
//
// Adding a language is one lang_*.go file with its table and one line in
// languages.
package locale

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// msg is one message of a table: a text, or plural cases (selector and
// text pairs for plural.Selectf, selecting on the first argument).
type msg struct {
	text  string
	cases []any
}

// text is a message without plural forms.
func text(s string) msg { return msg{text: s} }

// forms is a message selected by the plural form of its first argument:
// pairs of a selector ("=1", "one", "few", "many", "other") and a text.
func forms(cases ...any) msg { return msg{cases: cases} }

// table is one language's catalogue.
type table map[Key]msg

// overlay is base with over's messages in place of its own.
func overlay(base, over table) table {
	t := make(table, len(base))
	for k, m := range base {
		t[k] = m
	}
	for k, m := range over {
		t[k] = m
	}
	return t
}

// language is one language the program prints.
type lang struct {
	tag   language.Tag
	table func() table
}

// languages lists the catalogues, the default first.
func languages() []lang {
	return []lang{
		{language.AmericanEnglish, enUS},
		{language.BritishEnglish, enGB},
		{language.Spanish, es},
		{language.French, fr},
		{language.CanadianFrench, frCA},
		{language.BrazilianPortuguese, ptBR},
		{language.Polish, pl},
	}
}

// Languages lists the tags of the languages the program prints, the
// default (en-US) first.
func Languages() []string {
	var out []string
	for _, l := range languages() {
		out = append(out, l.tag.String())
	}
	return out
}

// Words is one language's catalogue, ready to print with. Get one from
// Match or English; it is safe for concurrent use.
type Words struct {
	tag language.Tag
	p   *message.Printer
}

// built is every catalogue, made once per process: building one (about
// 150 messages, their plural selectors) costs 140 µs and 1,700
// allocations (BenchmarkMatch), which a batch paid several times per
// packet. The catalogues are immutable once made, so sharing them is
// sharing constants, not state.
var built = sync.OnceValues(func() ([]*Words, language.Matcher) {
	langs := languages()
	words := make([]*Words, len(langs))
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		words[i], tags[i] = newWords(l), l.tag
	}
	return words, language.NewMatcher(tags)
})

// English is the default catalogue, en-US.
func English() *Words {
	words, _ := built()
	return words[0]
}

// Match returns the catalogue for a BCP 47 tag: the language itself, or
// the closest the program has (es-MX is es, en en-US, pt-PT pt-BR). A tag
// that is not BCP 47, or whose language the program does not print, is an
// error that lists the languages it does; the caller adds the field.
func Match(tag string) (*Words, error) {
	tag = strings.TrimSpace(tag)
	want, err := language.Parse(tag)
	var unknown language.ValueError
	if errors.As(err, &unknown) {
		// Well-formed, but no language: a typo ("xx", "sp"), not a
		// malformed tag.
		return nil, fmt.Errorf("%q is no language BCP 47 knows; handout prints %s", tag, strings.Join(Languages(), ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%q is not a BCP 47 language tag; write one of %s", tag, strings.Join(Languages(), ", "))
	}
	words, matcher := built()
	_, i, conf := matcher.Match(want)
	wantBase, _ := want.Base()
	gotBase, _ := words[i].tag.Base()
	if conf == language.No || wantBase != gotBase {
		return nil, fmt.Errorf("handout does not print %q; it prints %s", tag, strings.Join(Languages(), ", "))
	}
	return words[i], nil
}

// key is the catalogue's name for k.
func key(k Key) string { return "k" + strconv.Itoa(int(k)) }

func newWords(l lang) *Words {
	b := catalog.NewBuilder(catalog.Fallback(l.tag))
	for k, m := range l.table() {
		var err error
		if m.cases != nil {
			err = b.Set(l.tag, key(k), plural.Selectf(1, "%d", m.cases...))
		} else {
			err = b.SetString(l.tag, key(k), m.text)
		}
		if err != nil {
			panic(fmt.Sprintf("locale: %s: key %d: %v", l.tag, k, err)) // the tables are code: a test runs each
		}
	}
	return &Words{tag: l.tag, p: message.NewPrinter(l.tag, message.Catalog(b))}
}

// Tag is the catalogue's BCP 47 tag ("en-US", "es"): the document's
// language (the PDF's /Lang).
func (w *Words) Tag() string { return w.tag.String() }

// Text is the message k with its arguments.
func (w *Words) Text(k Key, args ...any) string { return w.p.Sprintf(key(k), args...) }

// Count is the message k for the count n, written as shown ("10", or a
// range "10–15" whose n is its upper end): "10 times", "10–15 veces".
func (w *Words) Count(k Key, n int, shown string) string { return w.p.Sprintf(key(k), n, shown) }

// Date is an ISO date (YYYY-MM-DD) in the language's form: "Dec 1, 2026",
// "1 de diciembre de 2026". Text that is not such a date is returned as
// written.
func (w *Words) Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	months := [12]Key{January, February, March, April, May, June, July, August, September, October, November, December}
	month := w.Text(months[t.Month()-1])
	return w.Text(DateForm, strconv.Itoa(t.Day()), month, strconv.Itoa(t.Year()))
}
