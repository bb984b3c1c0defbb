package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// yamlDoc is a YAML mapping checked against the yaml tags of a struct:
// decoding it cannot then fail on an unknown key or a wrong shape, and
// every key's file line is known for later checks of its value.
type yamlDoc struct {
	root     *yaml.Node
	lines    map[string]int // file line of each key, by path ("colors.primary", "hours[2].days")
	p        *problems
	prefix   string // what the messages are about, e.g. "front matter: "
	offset   int    // file line of the YAML's first line, minus one
	lastLine int    // number of the YAML's last line (1 if it is empty)
}

// decodeYAML parses src (which starts on file line offset+1), checks it
// against the fields of *v and decodes it into v. It reports problems to p
// and returns nil when there were any.
//
// Unknown keys are reported by a check of our own instead of the decoder's
// KnownFields option because we can then name the line of every key, list
// the keys that are allowed and suggest the nearest one.
func decodeYAML(src []byte, offset int, prefix string, v any, p *problems) *yamlDoc {
	d := &yamlDoc{lines: map[string]int{}, p: p, prefix: prefix, offset: offset,
		lastLine: max(1, bytes.Count(bytes.TrimSuffix(src, []byte("\n")), []byte("\n"))+1)}
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return d // nothing but comments: every field is empty
		}
		line, msg := yamlErrorLine(err)
		p.wrap(d.fileLine(line), err, "%s%s", prefix, msg)
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		p.add(d.fileLine(next.Line), `%sonly one YAML document is allowed; remove the "---" line`, prefix)
		return nil
	}
	if len(doc.Content) == 0 {
		return d
	}
	d.root = doc.Content[0]
	before := len(p.errs)
	d.check(d.root, reflect.TypeOf(v).Elem(), "")
	if len(p.errs) > before {
		return nil
	}
	if err := d.root.Decode(v); err != nil {
		line, msg := yamlErrorLine(err)
		p.wrap(d.fileLine(line), err, "%s%s", prefix, msg)
		return nil
	}
	return d
}

// fileLine turns a line of the YAML text into a line of the file. A line
// past the end (an error at the end of the text) is the last line.
func (d *yamlDoc) fileLine(line int) int {
	return min(max(line, 1), d.lastLine) + d.offset
}

// line reports the file line of the key at path, or 0 when it is absent.
func (d *yamlDoc) line(path string) int { return d.lines[path] }

// yamlLineRE finds the line number in a YAML parser or decoder message.
var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?(?:unmarshal errors:\s*)?line (\d+): `)

// isYAMLParserError reports whether msg comes from the YAML parser, as
// opposed to its scanner. yaml.v3 prints the parser's 0-based line numbers
// as they are, and omits line 0, so a parser error's line is one more than
// it says.
func isYAMLParserError(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected key",
		"did not find expected node content",
		"found duplicate %TAG directive",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// yamlErrorLine splits the YAML error err into its 1-based line (0 if it
// names none) and the rest of its message.
func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	line := 0
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil {
		line, _ = strconv.Atoi(msg[m[2]:m[3]])
		msg = msg[m[1]:]
	}
	msg = strings.TrimSpace(strings.TrimPrefix(msg, "yaml: "))
	if isYAMLParserError(msg) {
		line++
	}
	return line, msg
}

// check reports where n does not fit the Go type t; path names n.
func (d *yamlDoc) check(n *yaml.Node, t reflect.Type, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value; required fields are checked later
	}
	line := d.fileLine(n.Line)
	name := "the text"
	if path != "" {
		name = strconv.Quote(path)
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.p.add(line, `%s%s must be a single value; write it on the same line as the key, quoted if it contains ": " or "#"`, d.prefix, name)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.p.add(line, `%s%s must be a list: one "- item" line per item, or [item, item]`, d.prefix, name)
			return
		}
		for i, item := range n.Content {
			itemPath := fmt.Sprintf("%s[%d]", path, i+1)
			d.lines[itemPath] = d.fileLine(item.Line)
			d.check(item, t.Elem(), itemPath)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.p.add(line, `%s%s must be "key: value" lines`, d.prefix, name)
			return
		}
		d.checkMap(n, t, path)
	case reflect.Struct:
		if n.Kind == yaml.ScalarNode && reflect.PointerTo(t).Implements(shorthandType) {
			return // a bare id for {id: …}
		}
		if n.Kind != yaml.MappingNode {
			d.p.add(line, `%s%s must be "key: value" lines`, d.prefix, name)
			return
		}
		d.checkMapping(n, t, path)
	}
}

// checkMapping checks each key of the mapping n against the struct type t.
func (d *yamlDoc) checkMapping(n *yaml.Node, t reflect.Type, path string) {
	fields, names := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		full := key
		if path != "" {
			full = path + "." + key
		}
		line := d.fileLine(k.Line)
		ft, known := fields[key]
		switch {
		case k.Kind != yaml.ScalarNode:
			d.p.add(line, "%sa key must be a plain word; use one of %s", d.prefix, strings.Join(names, ", "))
			continue
		case !known:
			hint := ""
			if near := nearest(key, names); near != "" {
				hint = fmt.Sprintf(`did you mean %q? `, near)
			}
			d.p.add(line, "%sunknown key %q; %sthe keys are %s", d.prefix, full, hint, strings.Join(names, ", "))
			continue
		case d.lines[full] != 0:
			d.p.add(line, "%s%q is given twice (also on line %d); keep one", d.prefix, full, d.lines[full])
			continue
		}
		d.lines[full] = line
		if c := k.LineComment + v.LineComment; v.Tag == "!!null" && len(c) > 1 && c[1] != ' ' {
			// "primary: #1F5A7A" is a key with a comment, not a colour;
			// "subtitle: # to do" is a comment the author meant.
			d.p.add(line, `%s%q is empty because "#" starts a YAML comment; put the value in quotes: %s: "%s"`,
				d.prefix, full, key, c)
			continue
		}
		d.check(v, ft, full)
	}
}

// checkMap checks each entry of the mapping n against the map type t,
// whose keys are the author's (a language tag, say), not a struct's: the
// caller checks what they name; here each is a plain word, given once,
// and its value fits t's element type.
func (d *yamlDoc) checkMap(n *yaml.Node, t reflect.Type, path string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		full := path + "." + k.Value
		line := d.fileLine(k.Line)
		switch {
		case k.Kind != yaml.ScalarNode || k.Value == "":
			d.p.add(line, "%sa key of %q must be a plain word", d.prefix, path)
			continue
		case d.lines[full] != 0:
			d.p.add(line, "%s%q is given twice (also on line %d); keep one", d.prefix, full, d.lines[full])
			continue
		}
		d.lines[full] = line
		d.check(v, t.Elem(), full)
	}
}

// idShorthand is implemented by a list entry that may be written as its
// id alone ("- chin-tuck") instead of "key: value" lines ("- id: chin-tuck").
// Its UnmarshalYAML takes both.
type idShorthand interface{ idShorthand() }

var shorthandType = reflect.TypeFor[idShorthand]()

// yamlFields lists the yaml keys of the struct type t with their types, and
// their names in declaration order for messages.
func yamlFields(t reflect.Type) (map[string]reflect.Type, []string) {
	fields := map[string]reflect.Type{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	return fields, names
}

// nearest returns the name in names that a typo most likely meant, or "".
func nearest(s string, names []string) string {
	best, bestDist := "", 3 // more than two edits away is not a typo
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), n); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
