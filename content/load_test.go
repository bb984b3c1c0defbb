package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handout/internal/golden"
)

// frontMatter is the smallest valid front matter; a body after it starts
// on line 4.
const frontMatter = "---\ntitle: T\n---\n"

// parseBody parses body after frontMatter as "h.md".
func parseBody(t *testing.T, body string) *Handout {
	t.Helper()
	h, err := Parse("h.md", []byte(frontMatter+body))
	if err != nil {
		t.Fatalf("Parse: %v\nsource:\n%s", err, body)
	}
	return h
}

// sectionsDump is dump without the source and meta lines.
func sectionsDump(h *Handout) string {
	d := dump(h)
	for range 2 {
		_, d, _ = strings.Cut(d, "\n")
	}
	return d
}

// TestParseGolden parses each testdata/*.md and compares its dump with
// the .golden file next to it; -update rewrites the goldens.
func TestParseGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		if filepath.Base(in) == "README.md" {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			h, err := LoadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(h)
			goldenPath := strings.TrimSuffix(in, ".md") + ".golden"
			if golden.Update() {
				if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("dump of %s differs from %s:\n--- got\n%s--- want\n%s", in, goldenPath, got, want)
			}
		})
	}
}

// TestParseSpecExample pins the example in docs/format.md by its meaning,
// not only by its golden dump.
func TestParseSpecExample(t *testing.T) {
	h, err := LoadFile("testdata/spec.md")
	if err != nil {
		t.Fatal(err)
	}
	if h.Source != "testdata/spec.md" || h.Meta.Title != "Stretches for mid-back pain" || h.Meta.Reviewed != "2026-11-01" ||
		len(h.Meta.Keywords) != 2 || h.Meta.Keywords[1] != "extension" {
		t.Errorf("meta = %+v, source %q", h.Meta, h.Source)
	}
	if len(h.Sections) != 2 || h.Sections[0].Title != nil || plainText(h.Sections[1].Title) != "Prone head lift" {
		t.Fatalf("sections:\n%s", dump(h))
	}
	s := h.Sections[1]
	var kinds []string
	for _, b := range s.Blocks {
		kinds = append(kinds, strings.TrimPrefix(fmt.Sprintf("%T", b), "*content."))
	}
	if got, want := strings.Join(kinds, " "), "Figure List Dose Callout Figure Paragraph"; got != want {
		t.Errorf("blocks = %s, want %s", got, want)
	}
	if s.Dose == nil || s.Dose != s.Blocks[2] || s.Dose.Reps != "3" || s.Dose.Hold != "2 slow breaths" || s.Dose.PerDay != "2" {
		t.Errorf("dose = %+v, block %v", s.Dose, s.Blocks[2])
	}
	if got := plainText(s.Blocks[1].(*List).Items[1]); got != "Lift your head, as in Figure\u00a01." {
		t.Errorf("step 2 = %q", got)
	}
	if len(h.References) != 1 || h.References[0].Number != 1 || h.References[0].Pos.Line != 29 {
		t.Errorf("references = %+v", h.References)
	}
}

// TestParseMappings checks each row of the table in docs/format.md: the
// Markdown on the left becomes the dump on the right. The front matter
// takes lines 1–3, so the body starts on line 4.
func TestParseMappings(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"intro is an untitled first section", "Hello *world*.\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «Hello »«i:world»«.»\n"},
		{"sections and sub-headings", "Intro.\n\n## One\n\n### Sub *part*\n\nText.\n\n## Two\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «Intro.»\n" +
				"section h.md:6 id=one title=«One»\n  heading h.md:8 level=3 «Sub »«i:part»\n  paragraph h.md:10 «Text.»\n" +
				"section h.md:12 id=two title=«Two»\n"},
		{"no intro when the body starts with a section", "## Only\n\nText.\n",
			"section h.md:4 id=only title=«Only»\n  paragraph h.md:6 «Text.»\n"},
		{"empty body", "", ""},
		{"sub-heading before the first section", "### Before\n",
			"section h.md:4 id=introduction title=\n  heading h.md:4 level=3 «Before»\n"},
		{"styles combine", "a **b** *c* ***d*** **e *f***\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «a »«b:b»« »«i:c»« »«b:i:d»« »«b:e »«b:i:f»\n"},
		{"links", "[x *y*](https://a.example/p) <https://b.example> https://c.example/q www.d.example e@f.example [ref][r]\n\n[r]: https://g.example\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «x →https://a.example/p»«i:y→https://a.example/p»« »" +
				"«https://b.example→https://b.example»« »«https://c.example/q→https://c.example/q»« »" +
				"«www.d.example→http://www.d.example»« »«e@f.example→mailto:e@f.example»« »«ref→https://g.example»\n"},
		{"mailto and tel links", "[mail](mailto:a@b.example) [call](tel:+18125550100)\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «mail→mailto:a@b.example»« »«call→tel:+18125550100»\n"},
		{"soft and hard line breaks become spaces; inner spaces stay", "one\ntwo  \nthree\\\nfour  five\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «one two three four  five»\n"},
		{"a line break between Chinese or Japanese characters is no space; Korean and mixed keep it", "每天做\n三次。\n好的\nok\n천천히\n하세요 ゆっくり\nして\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «每天做三次。好的 ok 천천히 하세요 ゆっくりして»\n"},
		{"escapes and entities", "\\*not\\* \\[x\\] &amp; &#x41; &#66; &copy; &amp;lt; \\\\ a\\b\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «*not* [x] & A B © &lt; \\ a\\b»\n"},
		{"unknown entity stays", "&nosuch; & x\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «&nosuch; & x»\n"},
		{"non-ASCII text", "Étirez-vous — 3–5 fois.\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «Étirez-vous — 3–5 fois.»\n"},
		{"numbered steps", "3. Lie down.\n4. Lift *slowly*.\n",
			"section h.md:4 id=introduction title=\n  list h.md:4 ordered=true start=3\n    - «Lie down.»\n    - «Lift »«i:slowly»«.»\n"},
		{"bullets with - and *", "- a\n- b\n\n* c\n",
			"section h.md:4 id=introduction title=\n  list h.md:4 ordered=false start=0\n    - «a»\n    - «b»\n" +
				"  list h.md:7 ordered=false start=0\n    - «c»\n"},
		{"loose list", "1. a\n\n2. b\n   more\n",
			"section h.md:4 id=introduction title=\n  list h.md:4 ordered=true start=1\n    - «a»\n    - «b more»\n"},
		{"one-image figure, caption from the title", "![Alt text](builtin:prone-chin-rest \"The title\")\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"prone-chin-rest\" caption=«The title»\n" +
				"    panel h.md:4 label=\"\" caption=\"Alt text\" source=\"builtin:prone-chin-rest\"\n"},
		{"one-image figure, caption from the alt text", "![Lying *face* down](photos/prone-1.JPG)\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"prone-1\" caption=«Lying face down»\n" +
				"    panel h.md:4 label=\"\" caption=\"Lying face down\" source=\"photos/prone-1.JPG\"\n"},
		{"panels on one line and across a line break", "![A](a.png) ![B](b.jpeg)\n![C](builtin:c)\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"a\" caption=«A; B; C»\n" +
				"    panel h.md:4 label=\"a\" caption=\"A\" source=\"a.png\"\n" +
				"    panel h.md:4 label=\"b\" caption=\"B\" source=\"b.jpeg\"\n" +
				"    panel h.md:5 label=\"c\" caption=\"C\" source=\"builtin:c\"\n"},
		{"panel caption from the first image's title", "![A](builtin:a \"Both\") ![B](builtin:b)\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"a\" caption=«Both»\n" +
				"    panel h.md:4 label=\"a\" caption=\"A\" source=\"builtin:a\"\n" +
				"    panel h.md:4 label=\"b\" caption=\"B\" source=\"builtin:b\"\n"},
		{"Windows separators in an image path", "![x](photos\\sub\\cat.jpg)\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"cat\" caption=«x»\n" +
				"    panel h.md:4 label=\"\" caption=\"x\" source=\"photos/sub/cat.jpg\"\n"},
		{"escaped image path", "![x](my\\_pic.png)\n",
			"section h.md:4 id=introduction title=\n  figure h.md:4 number=1 id=\"my_pic\" caption=«x»\n" +
				"    panel h.md:4 label=\"\" caption=\"x\" source=\"my_pic.png\"\n"},
		{"figure references, forward and back", "See {fig:b} and {fig:a}.\n\n![](builtin:a)\n\n## S\n\n- Like {fig:a}\n\n![](builtin:b)\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «See Figure\u00a02 and Figure\u00a01.»\n" +
				"  figure h.md:6 number=1 id=\"a\" caption=\n    panel h.md:6 label=\"\" caption=\"\" source=\"builtin:a\"\n" +
				"section h.md:8 id=s title=«S»\n  list h.md:10 ordered=false start=0\n    - «Like Figure\u00a01»\n" +
				"  figure h.md:12 number=2 id=\"b\" caption=\n    panel h.md:12 label=\"\" caption=\"\" source=\"builtin:b\"\n"},
		{"figure reference in a heading, callout and styled text", "## As in {fig:a}\n\n> [!TIP]\n> See **{fig:a}**.\n\n![](builtin:a)\n",
			"section h.md:4 id=as-in-fig-a title=«As in Figure\u00a01»\n" +
				"  callout h.md:6 tip\n    paragraph h.md:7 «See »«b:Figure\u00a01»«.»\n" +
				"  figure h.md:9 number=1 id=\"a\" caption=\n    panel h.md:9 label=\"\" caption=\"\" source=\"builtin:a\"\n"},
		{"two figures with one id are fine when not referenced", "![](builtin:a)\n\n![](builtin:a)\n",
			"section h.md:4 id=introduction title=\n" +
				"  figure h.md:4 number=1 id=\"a\" caption=\n    panel h.md:4 label=\"\" caption=\"\" source=\"builtin:a\"\n" +
				"  figure h.md:6 number=2 id=\"a\" caption=\n    panel h.md:6 label=\"\" caption=\"\" source=\"builtin:a\"\n"},
		{"callout kinds", "> [!CAUTION]\n> c\n\n> [!warning]\n> w\n\n> [!Tip] t\n\n> [!NOTE]\n> n\n",
			"section h.md:4 id=introduction title=\n" +
				"  callout h.md:4 caution\n    paragraph h.md:5 «c»\n" +
				"  callout h.md:7 warning\n    paragraph h.md:8 «w»\n" +
				"  callout h.md:10 tip\n    paragraph h.md:10 «t»\n" +
				"  callout h.md:12 note\n    paragraph h.md:13 «n»\n"},
		{"callout with paragraphs and a list", "> [!NOTE]\n>\n> First.\n>\n> 1. a\n> 2. b\n>\n> Last *one*.\n",
			"section h.md:4 id=introduction title=\n  callout h.md:4 note\n    paragraph h.md:6 «First.»\n" +
				"    list h.md:8 ordered=true start=1\n      - «a»\n      - «b»\n    paragraph h.md:11 «Last »«i:one»«.»\n"},
		{"dose with every key", "## Ex\n\nDose: sets 2; reps 3–5; hold 5 slow breaths; rest 30 s; daily 2× a day; side each side\n",
			"section h.md:4 id=ex title=«Ex» dose@6\n  dose h.md:6 sets=\"2\" reps=\"3–5\" hold=\"5 slow breaths\" rest=\"30 s\" daily=\"2× a day\" side=\"each side\"\n"},
		{"dose: trailing semicolon, colons, any case, line break", "## Ex\n\nText.\n\n**DOSE:** Reps: 3;\nhold  2 breaths;\n\nAfter.\n",
			"section h.md:4 id=ex title=«Ex» dose@8\n  paragraph h.md:6 «Text.»\n" +
				"  dose h.md:8 sets=\"\" reps=\"3\" hold=\"2 breaths\" rest=\"\" daily=\"\" side=\"\"\n  paragraph h.md:11 «After.»\n"},
		{"a dose in a callout is text", "## Ex\n\n> [!NOTE]\n> Dose: reps 3\n",
			"section h.md:4 id=ex title=«Ex»\n  callout h.md:6 note\n    paragraph h.md:7 «Dose: reps 3»\n"},
		{"footnotes numbered by first use", "A[^b] B[^a] C[^b].\n\n[^a]: Alpha *x*.\n[^b]: Beta[^c].\n[^c]: Gamma.\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «A»«fn1:1»« B»«fn2:2»« C»«fn1:1»«.»\n" +
				"reference h.md:7 1: «Beta»«fn3:3»«.»\nreference h.md:6 2: «Alpha »«i:x»«.»\nreference h.md:8 3: «Gamma.»\n"},
		{"footnotes in footnotes come after the text's", "A[^a]\n\n[^a]: See[^c].\n\nB[^b]\n\n[^b]: Bee[^c].\n[^c]: Sea.\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «A»«fn1:1»\n  paragraph h.md:8 «B»«fn2:2»\n" +
				"reference h.md:6 1: «See»«fn3:3»«.»\nreference h.md:10 2: «Bee»«fn3:3»«.»\nreference h.md:11 3: «Sea.»\n"},
		{"footnote in a heading and a list", "## H[^x]\n\n- i[^y]\n\n[^y]: Y.\n[^x]: X.\n",
			"section h.md:4 id=h title=«H»«fn1:1»\n  list h.md:6 ordered=false start=0\n    - «i»«fn2:2»\n" +
				"reference h.md:9 1: «X.»\nreference h.md:8 2: «Y.»\n"},
		{"section ids", "## Cat & cow (easy)\n## Cat & cow (easy)\n## Cat & cow (easy) 2\n## Étirement du dos!\n## ???\n## ???\n",
			"section h.md:4 id=cat-cow-easy title=«Cat & cow (easy)»\n" +
				"section h.md:5 id=cat-cow-easy-2 title=«Cat & cow (easy)»\n" +
				"section h.md:6 id=cat-cow-easy-2-2 title=«Cat & cow (easy) 2»\n" +
				"section h.md:7 id=étirement-du-dos title=«Étirement du dos!»\n" +
				"section h.md:8 id=section title=«???»\nsection h.md:9 id=section-2 title=«???»\n"},
		{"an intro and a section called Introduction", "Hi.\n\n## Introduction\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «Hi.»\nsection h.md:6 id=introduction-2 title=«Introduction»\n"},
		{"strikethrough and task lists are text", "~~no~~\n\n- [ ] task\n- [x] done\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «~~no~~»\n" +
				"  list h.md:6 ordered=false start=0\n    - «[ ] task»\n    - «[x] done»\n"},
		{"a bracket that is not a callout or footnote", "Use [brackets] and [^ spaced].\n",
			"section h.md:4 id=introduction title=\n  paragraph h.md:4 «Use [brackets] and [^ spaced].»\n"},
		{"ATX heading with closing hashes", "## Title ##\n",
			"section h.md:4 id=title title=«Title»\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := parseBody(t, tt.body)
			if got := sectionsDump(h); got != tt.want {
				t.Errorf("body:\n%s\ngot:\n%s\nwant:\n%s", tt.body, got, tt.want)
			}
		})
	}
}

// TestParseDosePointer checks that Section.Dose is the block in Blocks,
// not a copy.
func TestParseDosePointer(t *testing.T) {
	h := parseBody(t, "## A\n\nDose: reps 1\n\n## B\n\nText.\n")
	if d := h.Sections[0].Dose; d == nil || Block(d) != h.Sections[0].Blocks[0] {
		t.Errorf("section A dose %p, blocks %v", d, h.Sections[0].Blocks)
	}
	if h.Sections[1].Dose != nil {
		t.Errorf("section B has a dose: %+v", h.Sections[1].Dose)
	}
}

// errCase is a source that Parse must reject with a message on line
// line that contains all of words.
type errCase struct {
	name  string
	src   string
	line  int
	words []string
}

// checkError asserts that err has a line "file:line: …" containing words.
func checkError(t *testing.T, err error, file string, tt errCase) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %s:%d: %q", file, tt.line, tt.words)
	}
	prefix := file + ": "
	if tt.line > 0 {
		prefix = file + ":" + strconv.Itoa(tt.line) + ": "
	}
	for msg := range strings.SplitSeq(err.Error(), "\n") {
		if !strings.HasPrefix(msg, prefix) {
			continue
		}
		ok := true
		for _, w := range tt.words {
			ok = ok && strings.Contains(msg, w)
		}
		if ok {
			return
		}
	}
	t.Errorf("error:\n%v\nwant a line starting %q containing %q", err, prefix, tt.words)
}

// TestParseErrors checks every construct the format rejects, and that the
// message names file:line and says what to write instead.
func TestParseErrors(t *testing.T) {
	fm := func(body string) string { return frontMatter + body }
	tests := []errCase{
		// Input checks.
		{"empty file", "", 0, []string{"file is empty; start with front matter (see README)"}},
		{"white space only", " \n\t\r\n", 0, []string{"file is empty"}},
		{"invalid UTF-8", "---\ntitle: T\n---\nab\xffc\n", 4, []string{"invalid UTF-8", "byte 3", "save the file as UTF-8"}},
		{"invalid UTF-8 in CRLF file", "---\r\ntitle: T\r\n---\r\n\r\n\xc3\n", 5, []string{"invalid UTF-8", "byte 1"}},
		{"NUL byte", "---\ntitle: T\x00\n---\n", 2, []string{"NUL byte", "byte 9"}},

		// Front matter.
		{"no front matter", "# Title\n", 1, []string{"must start with front matter", `"---"`}},
		{"front matter after a blank line", "\n---\ntitle: T\n---\n", 1, []string{"must start with front matter"}},
		{"front matter not closed", "---\ntitle: T\n\nText.\n", 1, []string{"not closed", `add a "---" line`}},
		{"only the opening line", "---\n", 1, []string{"not closed"}},
		{"YAML syntax error", "---\ntitle: T\nsubtitle: [open\n---\n", 3, []string{"front matter:", "did not find expected"}},
		{"YAML scanner error", "---\ntitle: T\nbad: : x\n---\n", 3, []string{"front matter:", "mapping values are not allowed"}},
		{"YAML tab", "---\ntitle: T\n\tsubtitle: x\n---\n", 3, []string{"front matter:", "tab"}},
		{"unknown key", "---\ntitle: T\ntitel: x\n---\n", 3, []string{"front matter:", `unknown key "titel"`, `did you mean "title"?`, "the keys are title, subtitle, author, language, reviewed, audience, keywords"}},
		{"unknown key without a near one", "---\ntitle: T\ncolour: red\n---\n", 3, []string{`unknown key "colour"`, "the keys are"}},
		{"duplicate key", "---\ntitle: T\nauthor: A\nauthor: B\n---\n", 4, []string{`"author" is given twice (also on line 3)`}},
		{"title missing", "---\nsubtitle: S\n---\n", 1, []string{"front matter:", "title is required", `"title: …"`}},
		{"title empty", "---\nsubtitle: S\ntitle:\n---\n", 3, []string{"title is required"}},
		{"title blank", "---\ntitle: '  '\n---\n", 2, []string{"title is required"}},
		{"empty front matter", "---\n---\nText.\n", 1, []string{"title is required"}},
		{"comments only", "---\n# nothing yet\n---\n", 1, []string{"title is required"}},
		{"title is a list", "---\ntitle: [a, b]\n---\n", 2, []string{`"title" must be a single value`}},
		{"keywords not a list", "---\ntitle: T\nkeywords: back, neck\n---\n", 3, []string{`"keywords" must be a list`}},
		{"keyword not a word", "---\ntitle: T\nkeywords: [a, {b: c}]\n---\n", 3, []string{`"keywords[2]" must be a single value`}},
		{"front matter not a mapping", "---\njust text\n---\n", 2, []string{"front matter:", `must be "key: value" lines`}},
		{"reviewed not a date", "---\ntitle: T\nreviewed: 1/11/2026\n---\n", 3, []string{`reviewed "1/11/2026" is not a date`, "YYYY-MM-DD"}},
		{"reviewed impossible date", "---\ntitle: T\nreviewed: 2026-13-01\n---\n", 3, []string{"not a date"}},
		{"language not a tag", "---\ntitle: T\nlanguage: English (US)\n---\n", 3, []string{`language "English (US)" is not a BCP 47 tag`, `"en"`}},
		{"comment instead of a value", "---\ntitle: T\nsubtitle: #1\n---\n", 3, []string{`"subtitle" is empty because "#" starts a YAML comment`, `subtitle: "#1"`}},

		// Headings.
		{"# heading", fm("Intro.\n\n# Big\n"), 6, []string{`"#" heading: put the title in the front matter ("title:") and start sections with "##"`}},
		{"#### heading", fm("#### Deep\n"), 4, []string{`"####" heading`, `use "##" for a section or "###" for a sub-heading`}},
		{"###### heading", fm("## S\n\n###### Deep\n"), 6, []string{`"######" heading`}},
		{"setext heading", fm("Title\n-----\n"), 4, []string{`underlined with "---" or "==="`, `write "## "`}},
		{"setext h1", fm("Para\n\nTitle\n===\n"), 6, []string{"underlined"}},
		{"empty section heading", fm("##\n"), 4, []string{`"##" heading is empty`}},

		// Raw HTML, code, rules, tables.
		{"HTML block", fm("Text.\n\n<div>\nx\n</div>\n"), 6, []string{"raw HTML is not supported; write the text as Markdown"}},
		{"HTML comment", fm("<!-- note -->\n"), 4, []string{"raw HTML is not supported"}},
		{"inline HTML", fm("Text\nwith <b>bold</b>.\n"), 5, []string{"raw HTML is not supported; write the text as Markdown"}},
		{"code span", fm("Run `x` now.\n"), 4, []string{"code spans", "write the text without backticks"}},
		{"fenced code", fm("Text.\n\n```\ncode\n```\n"), 6, []string{"code blocks are not supported"}},
		{"indented code", fm("Text.\n\n    code\n"), 6, []string{"code blocks are not supported", "remove the indent"}},
		{"horizontal rule", fm("A.\n\n---\n\nB.\n"), 6, []string{"horizontal rules are not supported", `"##"`}},
		{"horizontal rule stars", fm("***\n"), 4, []string{"horizontal rules are not supported"}},
		{"table", fm("Intro.\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n"), 6, []string{"tables are not supported", "list"}},
		{"table without outer pipes", fm("a | b\n--|--\n"), 4, []string{"tables are not supported"}},

		// Images.
		{"image in text", fm("See ![x](a.png) here.\n"), 4, []string{"an image inside other text is not supported", "paragraph of its own"}},
		{"image in a link", fm("[![x](a.png)](https://a.example)\n"), 4, []string{"an image inside other text"}},
		{"image in a list item", fm("- a\n- ![x](a.png)\n"), 5, []string{"an image inside other text"}},
		{"image in a heading", fm("## A ![x](a.png)\n"), 4, []string{"an image inside other text"}},
		{"image in a callout", fm("> [!NOTE]\n> Text.\n>\n> ![x](a.png)\n"), 7, []string{"an image inside other text"}},
		{"image first in a callout", fm("> [!NOTE]\n> ![x](a.png)\n"), 5, []string{"an image inside other text"}},
		{"image from the web", fm("![x](https://a.example/x.png)\n"), 4, []string{`image "https://a.example/x.png" is not a file`, "save it next to the handout"}},
		{"absolute image path", fm("![x](/home/k/x.png)\n"), 4, []string{"is absolute", "relative to the handout file"}},
		{"Windows image path", fm("![x](C:\\pics\\x.png)\n"), 4, []string{"is absolute"}},
		{"empty source", fm("![x]()\n"), 4, []string{"image has no source", "builtin:NAME"}},
		{"builtin without a name", fm("![x](builtin:)\n"), 4, []string{`a builtin drawing's name follows "builtin:"`}},
		{"bad panel line", fm("![a](a.png)\n![b](/b.png)\n"), 5, []string{`"/b.png"`}},

		// Figure references.
		{"unknown figure id", fm("![](builtin:cat)\n\n![](photos/cow.jpg)\n\nSee {fig:horse}.\n"), 8, []string{"{fig:horse} names no figure", "use one of the figure ids: cat, cow"}},
		{"figure id without figures", fm("See {fig:cat}.\n"), 4, []string{"{fig:cat} names no figure", "has none"}},
		{"empty figure id", fm("![](builtin:cat)\n\nSee {fig:}.\n"), 6, []string{"{fig:} names no figure"}},
		{"figure reference in a list item", fm("![](builtin:cat)\n\n- a\n- b {fig:dog}\n"), 7, []string{"{fig:dog} names no figure"}},
		{"ambiguous figure id", fm("![](builtin:cat)\n\n![](cat.png)\n\nSee {fig:cat}.\n"), 8, []string{"{fig:cat} is ambiguous", "Figure 1 (line 4) and Figure 2 (line 6)", `write "Figure 1" instead`}},

		// Lists.
		{"nested list", fm("- a\n  - b\n"), 5, []string{"nested lists are not supported"}},
		{"nested ordered list", fm("1. a\n\n   1. b\n"), 6, []string{"nested lists are not supported"}},
		{"two paragraphs in an item", fm("- a\n\n  b\n"), 6, []string{"a list item is one paragraph"}},
		{"empty item", fm("- a\n-\n- c\n"), 5, []string{"list item is empty"}},
		{"quote in an item", fm("- > [!NOTE]\n  > x\n"), 4, []string{"a quote here is not supported"}},
		{"code in an item", fm("- a\n\n      code\n"), 6, []string{"code blocks are not supported"}},
		{"heading in an item", fm("- ## x\n"), 4, []string{"a heading here is not supported"}},

		// Callouts.
		{"blockquote without a kind", fm("> Just a quote.\n"), 4, []string{"a quote must be a callout", "[!CAUTION], [!WARNING], [!TIP] or [!NOTE]"}},
		{"blockquote starting with a list", fm("> - a\n"), 4, []string{"a quote must be a callout"}},
		{"unknown callout kind", fm("Intro.\n\n> [!DANGER]\n> Careful.\n"), 6, []string{`callout kind "DANGER" is unknown; use [!CAUTION], [!WARNING], [!TIP] or [!NOTE]`}},
		{"GitHub's IMPORTANT kind", fm("> [!IMPORTANT]\n> x\n"), 4, []string{`callout kind "IMPORTANT" is unknown`}},
		{"empty callout", fm("> [!NOTE]\n"), 4, []string{"callout is empty"}},
		{"heading in a callout", fm("> [!NOTE]\n> Text.\n>\n> ## Head\n"), 7, []string{"a heading here is not supported"}},
		{"quote in a callout", fm("> [!NOTE]\n> Text.\n>\n> > inner\n"), 7, []string{"a quote here is not supported"}},
		{"code in a callout", fm("> [!TIP]\n> Text.\n>\n>     code\n"), 7, []string{"code blocks are not supported"}},
		{"nested list in a callout", fm("> [!TIP]\n> - a\n>   - b\n"), 6, []string{"nested lists are not supported"}},

		// Doses.
		{"dose in the introduction", fm("Dose: reps 3\n"), 4, []string{"a dose belongs to an exercise", `"##"`}},
		{"second dose", fm("## Ex\n\nDose: reps 3\n\nText.\n\nDose: hold 2\n"), 10, []string{"already has a dose (line 6)", `one "Dose:" line`}},
		{"unknown dose key", fm("## Ex\n\nDose: reps 3; repeat 2\n"), 6, []string{`dose key "repeat" is unknown`, "use sets, reps, hold, rest, load, daily, side"}},
		{"empty dose", fm("## Ex\n\nDose:\n"), 6, []string{`"Dose:" has nothing after it`, "Dose: reps 10"}},
		{"dose of semicolons", fm("## Ex\n\nDose: ; ;\n"), 6, []string{`"Dose:" has nothing after it`}},
		{"dose key without value", fm("## Ex\n\nDose: reps; hold 2\n"), 6, []string{`dose "reps" has no value`, `"reps 3"`}},
		{"dose key twice", fm("## Ex\n\nDose: reps 3; reps 4\n"), 6, []string{`dose gives "reps" twice`}},

		// Footnotes and links.
		{"footnote without text", fm("Claim.[^nope]\n"), 4, []string{"footnote [^nope] has no text", `"[^nope]: …"`}},
		{"footnote not referred to", fm("Text.\n\n[^lost]: Lost.\n"), 6, []string{"footnote [^lost] is not referred to", "write [^lost] where it applies, or delete it"}},
		{"footnote defined twice", fm("A.[^a]\n\n[^a]: One.\n\n[^a]: Two.\n"), 8, []string{"footnote [^a] is defined twice (lines 6 and 8); keep one"}},
		{"footnote with a list", fm("A.[^a]\n\n[^a]: Text.\n\n    - item\n"), 6, []string{"footnote [^a] must be one paragraph"}},
		{"empty footnote", fm("A.[^a]\n\n[^a]:\n"), 6, []string{"footnote [^a] is empty"}},
		{"relative link", fm("[more](more.html)\n"), 4, []string{`link target "more.html" is not a web address`, "https://"}},
		{"empty link", fm("Text.\n[more]()\n"), 5, []string{`link target "" is not a web address`}},
		{"javascript link", fm("[x](javascript:alert(1))\n"), 4, []string{"is not a web address"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Parse("handout.md", []byte(tt.src))
			if h != nil {
				t.Errorf("got a handout with the error:\n%s", dump(h))
			}
			checkError(t, err, "handout.md", tt)
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("one construct, several problems:\n%v", err)
			}
			var e *Error
			if !errors.As(err, &e) || e.Pos.File != "handout.md" {
				t.Errorf("error %v is not an *Error for handout.md", err)
			}
		})
	}
}
