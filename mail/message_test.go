package mail

import (
	"bytes"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handout/mail/mailtest"
)

// msgIDRe is RFC 5322's msg-id without obsolete forms or comments:
// "<" dot-atom-text "@" (dot-atom-text / no-fold-literal) ">".
var msgIDRe = regexp.MustCompile("^<(" + dotAtom + ")@(" + dotAtom + `|\[[!-Z^-~]*\])>$`)

const dotAtom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"

// checkHeaders checks the top-level headers of message data sent to it:
// the patient's name is in none of them (raw or decoded), To is the address
// alone, From is the clinic's name and address, and the Message-ID is a
// valid RFC 5322 msg-id of random letters and digits at the From domain.
// It returns the Message-ID.
func checkHeaders(t *testing.T, data []byte, it Item, from string) string {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", it.ID, err)
	}
	if raw, _, _ := bytes.Cut(data, []byte("\r\n\r\n")); bytes.Contains(raw, []byte(it.Data.Name)) {
		t.Errorf("%s: the headers name the patient:\n%s", it.ID, raw)
	}
	dec := new(mime.WordDecoder)
	for k, vs := range msg.Header {
		for _, v := range vs {
			if d, _ := dec.DecodeHeader(v); strings.Contains(d, it.Data.Name) {
				t.Errorf("%s: %s: %q names the patient", it.ID, k, v)
			}
		}
	}
	if got := msg.Header.Get("To"); got != "<"+it.To+">" {
		t.Errorf("%s: To: %q, want the address alone", it.ID, got)
	}
	if got, _ := msg.Header.AddressList("From"); len(got) != 1 || got[0].String() != from {
		t.Errorf("%s: From: %v, want %s", it.ID, got, from)
	}
	id := msg.Header.Get("Message-Id")
	checkMessageID(t, id, "clinic.example")
	return id
}

// checkMessageID checks that id is a valid msg-id, random letters and
// digits at domain (not the machine's host name).
func checkMessageID(t *testing.T, id, domain string) {
	t.Helper()
	m := msgIDRe.FindStringSubmatch(id)
	if m == nil {
		t.Errorf("Message-ID %q is not a valid RFC 5322 msg-id", id)
		return
	}
	if !regexp.MustCompile(`^[A-Za-z0-9]{20,}$`).MatchString(m[1]) || m[2] != domain {
		t.Errorf("Message-ID %q: want 20 or more letters and digits at %s", id, domain)
	}
}

// TestMessageIDs composes thousands of messages: every Message-ID is
// valid, at the From domain, and none repeats.
func TestMessageIDs(t *testing.T) {
	s := &Settings{From: "frontdesk@clinic.example"}
	tmpl, err := parseTemplates(s)
	if err != nil {
		t.Fatal(err)
	}
	it := Item{ID: "P1", To: "pat@mail.example", Data: Data{Name: "Zelda Canarytest", Clinic: "Drummond Chiropractic"}}
	seen := map[string]bool{}
	for range 3000 {
		m, err := compose(s, tmpl, it, "packet.pdf", []byte("%PDF-1.4"))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		msg, err := netmail.ReadMessage(&b)
		if err != nil {
			t.Fatal(err)
		}
		id := msg.Header.Get("Message-Id")
		checkMessageID(t, id, "clinic.example")
		if seen[id] {
			t.Fatalf("Message-ID %s twice", id)
		}
		seen[id] = true
		if t.Failed() {
			break
		}
	}
	if host, err := os.Hostname(); err == nil {
		for id := range seen {
			if strings.HasSuffix(id, "@"+host+">") {
				t.Fatalf("Message-ID %s is at the host name", id)
			}
		}
	}
}

// TestToName: with to_name: true the patient's name is in To, as the
// settings ask; a sender with a name of its own keeps it.
func TestToName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "smtp.yaml")
	if err := os.WriteFile(path, []byte("host: smtp.clinic.example\nfrom: Front Desk <frontdesk@clinic.example>\nto_name: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := LoadSettings(path, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := parseTemplates(s)
	if err != nil {
		t.Fatal(err)
	}
	it := Item{ID: "P1", To: "zelda@mail.example", Data: Data{Name: "Zelda Canarytest", Clinic: "Drummond Chiropractic"}}
	m, err := compose(s, tmpl, it, "packet.pdf", []byte("%PDF-1.4"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	msg, err := netmail.ReadMessage(&b)
	if err != nil {
		t.Fatal(err)
	}
	if to, err := msg.Header.AddressList("To"); err != nil || len(to) != 1 || to[0].Name != "Zelda Canarytest" || to[0].Address != it.To {
		t.Errorf("To: %v %v, want the name with to_name: true", to, err)
	}
	if from, err := msg.Header.AddressList("From"); err != nil || len(from) != 1 || from[0].Name != "Front Desk" {
		t.Errorf("From: %v %v, want the settings' own name", from, err)
	}
}

// TestSentHeaders sends three messages and writes three as a dry run (whose
// sender is the clinic profile's bare address): no header names the
// patient, From carries the clinic's name, Message-IDs are valid and at
// the From domain.
func TestSentHeaders(t *testing.T) {
	ts := mailtest.StartServer(t)
	items := testItems(t, 3, 1_000)
	runSend(t, newTestSender(t, testSettings(t, ts), t.TempDir(), false), items, 0)
	byTo := map[string]Item{}
	for _, it := range items {
		byTo[it.To] = it
	}
	received := ts.Received()
	if len(received) != len(items) {
		t.Fatalf("%d messages received", len(received))
	}
	for _, m := range received {
		checkHeaders(t, m.Data, byTo[m.To[0]], `"Drummond Chiropractic" <frontdesk@clinic.example>`)
	}

	s, err := LoadDryRunSettings("", func(string) string { return "" }, "office@clinic.example")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	snd, err := NewSender(s, nil, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	runSend(t, snd, items, 0)
	for _, it := range items {
		data, err := os.ReadFile(filepath.Join(dir, it.ID+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		checkHeaders(t, data, it, `"Drummond Chiropractic" <office@clinic.example>`)
	}
}

// TestAttachmentName composes messages whose attachments have long,
// non-ASCII and awkward names: the name is written as RFC 2231 parameters
// (filename*0*=UTF-8”…, continued) after a plain ASCII filename= for old
// clients; it parses back whole with mime.ParseMediaType, and no line of
// the message is longer than 78 characters.
func TestAttachmentName(t *testing.T) {
	s := &Settings{From: "frontdesk@clinic.example"}
	tmpl, err := parseTemplates(s)
	if err != nil {
		t.Fatal(err)
	}
	it := Item{ID: "P1", To: "pat@mail.example", Data: Data{Clinic: "Drummond Chiropractic"}}
	for name, fallback := range map[string]string{
		"2026-11-25-P0042.pdf": "2026-11-25-P0042.pdf",
		"Díaz.pdf":             "Diaz.pdf",
		"2026-11-25-Ñandú-Díaz-ejercicios-para-la-espalda-y-el-cuello-con-toalla-y-pelota-muy-largo.pdf": "2026-11-25-Nandu-Diaz-ejercicios-para-la-espalda-y-el-cuello.pdf",
		strings.Repeat("a", 90) + ".pdf": strings.Repeat("a", 61) + ".pdf",
		`say "hi" \ o'k%.pdf`:            `say _hi_ _ o'k%.pdf`,
		"練習 ½ 😀.pdf":                     "__ _ _.pdf",
	} {
		m, err := compose(s, tmpl, it, name, []byte("%PDF-1.4"))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		for i, line := range strings.Split(string(data), "\r\n") {
			if len(line) > 78 {
				t.Errorf("%q: line %d has %d characters: %s", name, i+1, len(line), line)
			}
		}
		_, _, _, got, _ := mailtest.CheckMIME(t, data)
		if got != name {
			t.Errorf("attachment %q parses back as %q", name, got)
		}
		msg, err := netmail.ReadMessage(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
		if err != nil {
			t.Fatal(err)
		}
		mr := multipart.NewReader(msg.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			if !strings.HasPrefix(p.Header.Get("Content-Type"), "application/pdf") {
				continue
			}
			_, ct, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
			if err != nil || ct["name"] != name {
				t.Errorf("Content-Type of %q: %v %v", name, ct, err)
			}
			plain := regexp.MustCompile(`(?:^|;)\s*filename="((?:[^"\\]|\\.)*)"`).FindStringSubmatch(p.Header.Get("Content-Disposition"))
			if plain == nil || plain[1] != fallback {
				t.Errorf("%q: Content-Disposition %q: want the ASCII fallback filename=%q", name, p.Header.Get("Content-Disposition"), fallback)
			}
		}
	}
}
