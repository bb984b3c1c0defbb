package render

import (
	"io"

	"handout/content"
	"handout/figures/pose"
)

// Builtin is a built-in handout or drawing as `handout list` shows it.
type Builtin struct {
	Name  string
	About string // a handout's title, a drawing's one-line description
}

// BuiltinHandoutNames lists the built-in handouts by name, sorted: the
// NAMEs of builtin:NAME.
func BuiltinHandoutNames() []string { return content.BuiltinHandoutNames() }

// BuiltinHandouts lists the built-in handouts with their titles.
func BuiltinHandouts() ([]Builtin, error) {
	var out []Builtin
	for _, n := range content.BuiltinHandoutNames() {
		h, err := content.BuiltinHandout(n, "")
		if err != nil {
			return nil, err
		}
		out = append(out, Builtin{Name: n, About: h.Meta.Title})
	}
	return out, nil
}

// BuiltinProtocolNames lists the built-in library's protocols by id, the
// NAMEs of protocol:NAME.
func BuiltinProtocolNames() []string {
	lib := builtinLibrary()
	if lib == nil {
		return nil
	}
	var names []string
	for _, p := range lib.Protocols() {
		names = append(names, p.ID)
	}
	return names
}

// BuiltinFigureNames lists the built-in drawings a handout can use as
// ![caption](builtin:NAME), in the order of the handout they were made for.
func BuiltinFigureNames() []string { return pose.BuiltinNames() }

// BuiltinFigures lists the built-in drawings with their descriptions.
func BuiltinFigures() []Builtin {
	var out []Builtin
	for _, n := range pose.BuiltinNames() {
		out = append(out, Builtin{Name: n, About: pose.BuiltinDescription(n)})
	}
	return out
}

// WriteFigurePNG draws the named built-in drawing as a PNG widthPx pixels
// wide, to check a pose by eye.
func WriteFigurePNG(w io.Writer, name string, widthPx int) error {
	d, err := pose.Builtin(name)
	if err != nil {
		return err
	}
	return pose.WritePNG(w, d, widthPx)
}
