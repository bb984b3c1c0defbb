package content

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// languageRE is the shape of a BCP 47 tag ("en", "es-MX", "zh-Hant"); the
// tag itself is not looked up.
var languageRE = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// parseMeta decodes and checks the front matter.
func parseMeta(fm *source, p *problems) Meta {
	const prefix = "front matter: "
	var m Meta
	doc := decodeYAML(fm.text, fm.firstLine-1, prefix, &m, p)
	if doc == nil {
		return m
	}
	m.Title = strings.TrimSpace(m.Title)
	m.Subtitle = strings.TrimSpace(m.Subtitle)
	m.Author = strings.TrimSpace(m.Author)
	m.Language = strings.TrimSpace(m.Language)
	m.Reviewed = strings.TrimSpace(m.Reviewed)
	m.Audience = strings.TrimSpace(m.Audience)
	m.Style = strings.TrimSpace(m.Style)
	for i, k := range m.Keywords {
		m.Keywords[i] = strings.TrimSpace(k)
	}
	m.Lines = map[string]int{}
	for _, f := range []struct {
		key, val string
		limit    int
	}{
		{"title", m.Title, MaxTitleChars}, {"subtitle", m.Subtitle, MaxSubtitleChars},
		{"author", m.Author, MaxNameChars}, {"audience", m.Audience, MaxSubtitleChars},
		{"language", m.Language, MaxLineChars}, {"reviewed", m.Reviewed, MaxLineChars},
		{"style", m.Style, MaxLineChars},
	} {
		if line := doc.line(f.key); line > 0 {
			m.Lines[f.key] = line
		}
		if msg := checkLength(f.key, f.val, f.limit); msg != "" {
			p.add(doc.line(f.key), "%s%s", prefix, msg)
		}
	}
	if msg := checkCount("keywords", len(m.Keywords), MaxKeywords, "are kept as keywords"); msg != "" {
		p.add(doc.line("keywords"), "%s%s", prefix, msg)
	}
	for i, k := range m.Keywords {
		key := fmt.Sprintf("keywords[%d]", i+1)
		if msg := checkLength(key, k, MaxLineChars); msg != "" {
			p.add(doc.line(key), "%s%s", prefix, msg)
		}
	}
	if m.Title == "" {
		line := doc.line("title")
		if line == 0 {
			line = 1 // the opening "---"
		}
		p.add(line, `%stitle is required; add a line "title: …" with the handout's title`, prefix)
	}
	if m.Reviewed != "" {
		if _, err := time.Parse(time.DateOnly, m.Reviewed); err != nil {
			p.add(doc.line("reviewed"), "%sreviewed %q is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", prefix, m.Reviewed)
		}
	}
	if m.Language != "" && !languageRE.MatchString(m.Language) {
		p.add(doc.line("language"), `%slanguage %q is not a BCP 47 tag; write e.g. "en" or "es-MX"`, prefix, m.Language)
	}
	return m
}
