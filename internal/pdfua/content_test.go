package pdfua

import (
	"reflect"
	"testing"
)

// TestLexerOps reads content streams with what fpdf and other writers
// put in them: marked-content operators with inline property lists,
// strings with parentheses and escapes, hex strings, arrays for TJ,
// inline images with binary data and comments.
func TestLexerOps(t *testing.T) {
	t.Parallel()
	stream := []byte("/P <</MCID 3 /ActualText (a \\(b\\) c)>> BDC BT /F1 12 Tf (x\\051y) Tj [(A) -120 <0042>] TJ ET EMC\n" +
		"% a comment with ( and <<\n" +
		"/Artifact BMC 0 0 m 10 10 l S EMC\n" +
		"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q /Im#31 Do")
	l := &lexer{b: stream}
	ops, err := l.ops()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range ops {
		names = append(names, o.name)
	}
	want := []string{"BDC", "BT", "Tf", "Tj", "TJ", "ET", "EMC", "BMC", "m", "l", "S", "EMC", "BI", "Q", "Do"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("operators %q, want %q", names, want)
	}
	props, _ := ops[0].operands[1].(map[string]any)
	if props["MCID"] != 3.0 || string(props["ActualText"].([]byte)) != "a (b) c" {
		t.Errorf("BDC properties %v", ops[0].operands)
	}
	if s := string(ops[3].operands[0].([]byte)); s != "x)y" {
		t.Errorf("Tj string %q, want %q", s, "x)y")
	}
	if tj := ops[4].operands[0].([]any); len(tj) != 3 || string(tj[2].([]byte)) != "\x00B" {
		t.Errorf("TJ array %v", tj)
	}
	if n := ops[14].operands[0]; n != name("Im1") {
		t.Errorf("Do operand %v, want the name Im1 (#31 decoded)", n)
	}
}

// TestLexerErrors: a broken stream is an error, not a hang or a panic.
func TestLexerErrors(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"(open string", "<</MCID 1", "[1 2", "<4", "BI /W 1 ID xx", ") Tj", "/P <<1 2>> BDC"} {
		l := &lexer{b: []byte(s)}
		if _, err := l.ops(); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

// TestContentScan checks the marked-content state on hand-written page
// content: what is inside an MCID or an artifact is fine, what is outside
// is counted, and nesting the two is reported.
func TestContentScan(t *testing.T) {
	t.Parallel()
	c := &checker{pages: []pageInfo{{mcids: map[int]bool{}}}, formUses: map[int]int{}, formMCIDs: map[int]bool{}, fonts: map[int]fontUse{}}
	s := &contentScan{c: c, page: 1, where: "page 1", forms: map[int]bool{}}
	s.scan([]byte("/P <</MCID 0>> BDC BT (a) Tj ET EMC "+
		"/Span BMC BT (b) Tj ET EMC "+ // a sequence without an MCID tags nothing
		"0 0 m 5 5 l S "+
		"/Artifact BMC 0 0 10 10 re f /P <</MCID 1>> BDC (c) Tj EMC EMC "+
		"/H1 <</MCID 2>> BDC /Artifact BMC 1 1 m 2 2 l S EMC EMC EMC"), nil, "")
	s.report()
	if u := s.untagged; u.text != 1 || u.paths != 1 || u.first != "Tj" {
		t.Errorf("untagged %+v, want 1 text (the Span's) first and 1 path", u)
	}
	if s.taggedInArtifact != 1 || s.artifactInTagged != 1 {
		t.Errorf("tagged in artifact %d, artifact in tagged %d; want 1 and 1", s.taggedInArtifact, s.artifactInTagged)
	}
	if !c.pages[0].mcids[0] || !c.pages[0].mcids[1] || !c.pages[0].mcids[2] {
		t.Errorf("MCIDs noted %v, want 0, 1, 2", c.pages[0].mcids)
	}
	var conds []string
	for _, p := range c.problems {
		conds = append(conds, p.Condition)
	}
	want := []string{"ISO 32000-1 14.6", "01-003", "01-004", "01-005"}
	if !reflect.DeepEqual(conds, want) {
		t.Errorf("problems %v, want %v (an EMC too many)", c.problems, want)
	}
}
