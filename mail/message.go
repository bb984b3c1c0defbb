package mail

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	netmail "net/mail"
	"path"
	"regexp"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
	"golang.org/x/text/unicode/norm"
)

// defaultSubject and defaultBody name the clinic and nothing about the
// patient's condition or exercises: a message can be read over a shoulder,
// forwarded, or land in the wrong mailbox.
const (
	defaultSubject = `Your handout from {{.Clinic}}`
	defaultBody    = `Hello,

Attached is the handout from your visit{{if .Date}} on {{.Date}}{{end}}, as a PDF file.
{{- if .Protected}}
It opens with the password you were given at the clinic.
{{- end}}

If you have a question, reply to this message{{if .Phone}} or call us at {{.Phone}}{{end}}.

{{.Clinic}}
`
)

// Data is what the subject and body templates can use. It holds no
// handout titles, conditions or exercises, so a template cannot put them in
// a message by accident.
type Data struct {
	Name      string // the patient's name as in the list ("" if none)
	Date      string // the visit date, YYYY-MM-DD ("" if none)
	Clinic    string // the clinic's name
	Phone     string // the clinic's phone
	Email     string // the clinic's email
	Website   string // the clinic's website
	Protected bool   // the attachment needs a password
}

// templates are the parsed subject and body templates.
type templates struct {
	subject, body *template.Template
}

// parseTemplates parses the settings' templates (or the defaults).
// An unknown field is an error when the templates are parsed and tried on
// sample data, not halfway through a send.
func parseTemplates(s *Settings) (*templates, error) {
	subj, body := s.Subject, s.Body
	if subj == "" {
		subj = defaultSubject
	}
	if body == "" {
		body = defaultBody
	}
	t := &templates{}
	var err error
	if t.subject, err = template.New("subject").Option("missingkey=error").Parse(subj); err != nil {
		return nil, fmt.Errorf("subject template: %w", err)
	}
	if t.body, err = template.New("body").Option("missingkey=error").Parse(body); err != nil {
		return nil, fmt.Errorf("body template: %w", err)
	}
	if _, _, err := t.render(Data{Name: "N", Date: "2026-01-01", Clinic: "C", Protected: true}); err != nil {
		return nil, err
	}
	return t, nil
}

// render fills in the templates. The subject is one line.
func (t *templates) render(d Data) (subject, body string, err error) {
	var sb, bb strings.Builder
	if err := t.subject.Execute(&sb, d); err != nil {
		return "", "", fmt.Errorf("subject template: %w", err)
	}
	if err := t.body.Execute(&bb, d); err != nil {
		return "", "", fmt.Errorf("body template: %w", err)
	}
	return strings.Join(strings.Fields(sb.String()), " "), bb.String(), nil
}

// Item is one patient's message: the packet to attach and where it
// goes. Only ID may appear in logs, errors, the journal or file names.
type Item struct {
	ID    string // the row id
	To    string // the patient's address
	Data  Data
	File  string // the packet on disk; attached under its base name
	Label string // where the row came from, for errors ("patients.csv:17"); may be ""
}

// pdfContentType is the attachment's MIME type.
const pdfContentType = gomail.ContentType("application/pdf")

// compose builds the MIME message for it with attachment pdf (the
// bytes read from it.File, so that what is hashed is what is sent).
func compose(s *Settings, t *templates, it Item, name string, pdf []byte) (*gomail.Msg, error) {
	subject, body, err := t.render(it.Data)
	if err != nil {
		return nil, err
	}
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	from, err := netmail.ParseAddress(s.From)
	if err != nil {
		return nil, fmt.Errorf("from %q: %w", s.From, err)
	}
	if from.Name == "" {
		// A bare address (the clinic profile's email, by default) would
		// show in the patient's inbox as an address only.
		from.Name = it.Data.Clinic
	}
	m.FromMailAddress(from)
	to, err := netmail.ParseAddress(it.To)
	if err != nil {
		// The address is not quoted: errors go to the terminal and logs.
		return nil, errors.New("the email address is not valid; correct it in the list")
	}
	// The name is the patient's: in To: it travels with every copy and
	// forward of the message and through every server's logs. The address
	// alone is what delivery needs; settings may ask for the name.
	to.Name = ""
	if s.ToName {
		to.Name = it.Data.Name
	}
	m.ToMailAddress(to)
	if s.ReplyTo != "" {
		if err := m.ReplyTo(s.ReplyTo); err != nil {
			return nil, fmt.Errorf("reply_to: %w", err)
		}
	}
	m.Subject(subject)
	m.SetDate()
	m.SetMessageIDWithValue(messageID(from.Address))
	m.SetUserAgent("handout")
	m.SetBodyString(gomail.TypeTextPlain, body)
	contentType, disposition := attachmentHeaders(name)
	withNameHeaders := func(f *gomail.File) {
		// go-mail fills in only the headers a file does not have, and
		// multipart.Writer writes a part's header values as they are, so
		// these go out folded as attachmentHeaders folds them.
		f.Header.Set("Content-Type", contentType)
		f.Header.Set("Content-Disposition", disposition)
	}
	if err := m.AttachReader(name, bytes.NewReader(pdf), gomail.WithFileContentType(pdfContentType), withNameHeaders); err != nil {
		return nil, fmt.Errorf("attaching the packet: %w", err)
	}
	return m, nil
}

// asciiDomain matches a domain of ASCII letters, digits and hyphens: what
// can stand right of the "@" of a Message-ID as it is.
var asciiDomain = regexp.MustCompile(`^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$`)

// messageID returns a new Message-ID, without its angle brackets, for a
// message from address from: 26 random letters and digits (crypto/rand's
// Text, 130 bits) at the sender's domain. Not go-mail's SetMessageID: it
// puts the machine's host name right of the "@", and its random part
// comes from an alphabet with '.', so about 4% of its IDs have a dot at
// the end or two in a row, which RFC 5322 does not allow (and some
// servers and spam filters hold against a message). A domain that is not
// plain ASCII (an internationalised one) cannot be used as it is; the
// reserved domain handout.invalid stands in, still naming no machine.
func messageID(from string) string {
	domain := from[strings.LastIndexByte(from, '@')+1:]
	if !asciiDomain.MatchString(domain) {
		domain = "handout.invalid"
	}
	return rand.Text() + "@" + domain
}

// maxHeaderLine is the longest header line written, CRLF not counted: RFC
// 5322's recommended limit.
const maxHeaderLine = 78

// attachmentHeaders returns the Content-Type and Content-Disposition of
// the PDF attached under the file name name, the name as a parameter of
// each (name= and filename=), one parameter per line.
func attachmentHeaders(name string) (contentType, disposition string) {
	return string(pdfContentType) + nameParams("name", name), "attachment" + nameParams("filename", name)
}

// nameParams returns the parameters giving file name name as attr, each
// on a line of its own (";" CRLF SP), no line over maxHeaderLine. A short
// printable ASCII name is one quoted attr="name". Any other gets an ASCII
// stand-in first (attr="Diaz.pdf", for clients that know nothing else),
// then the name itself as RFC 2231 parameters: attr*0*=UTF-8”D%C3%ADaz.pdf,
// continued as attr*1*=… where it is long, each piece whole characters.
// Not RFC 2047 inside the quotes, as go-mail writes it: RFC 2047 forbids
// encoded words in a quoted string, and go-mail's lines were as long as
// the name made them.
func nameParams(attr, name string) string {
	plain := asciiName(name, maxHeaderLine-len(` `+attr+`="";`))
	params := ";\r\n " + attr + `="` + plain + `"`
	if plain == name {
		return params
	}
	var b strings.Builder
	b.WriteString(params)
	piece, n := "UTF-8''", 0
	flush := func() {
		fmt.Fprintf(&b, ";\r\n %s*%d*=%s", attr, n, piece)
		piece, n = "", n+1
	}
	for _, r := range name {
		enc := percentEncode(r)
		if len(fmt.Sprintf(" %s*%d*=;", attr, n))+len(piece)+len(enc) > maxHeaderLine {
			flush()
		}
		piece += enc
	}
	flush()
	return b.String()
}

// percentEncode returns r as RFC 2231 writes it in an extended parameter:
// itself if it is an attr-char (RFC 5987's set: letters, digits and
// !#$&+-.^_`|~), else its UTF-8 bytes as %XX.
func percentEncode(r rune) string {
	if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$&+-.^_`|~", r)) {
		return string(r)
	}
	var b strings.Builder
	for _, c := range []byte(string(r)) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// asciiName returns a stand-in for file name name that can stand in a
// quoted string: accents dropped (Díaz → Diaz), anything else that is not
// printable ASCII, '"' or '\\' replaced by '_', and cut to max bytes,
// keeping the extension, so the line stays short.
func asciiName(name string, max int) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r): // the accent of a decomposed letter
		case r < ' ' || r > '~' || r == '"' || r == '\\':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) > max {
		ext := path.Ext(s)
		if len(ext) > max/2 {
			ext = ""
		}
		s = strings.TrimRight(s[:max-len(ext)], " -_.") + ext // "cuello.pdf", not "cuello-.pdf"
	}
	return s
}
