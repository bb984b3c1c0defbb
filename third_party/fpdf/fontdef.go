// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"encoding/json"
	"fmt"
)

// FontDefinition is a one-byte font's definition (the JSON file MakeFont
// writes) parsed once, with its font file, for a program that writes many
// documents in the same fonts: AddFontFromBytes parses the definition and
// works out the font's ID (a JSON encoding and SHA-1 of the whole width
// table) again in every document, and AddFontDefinition does not. A
// FontDefinition is only read once made, so documents written at the same
// time may share one. (handout patch 11, PATCHES.md)
type FontDefinition struct {
	def  fontDefType // with its ID (i), as addFontFromBytes makes it
	file []byte      // the font file (the .z file MakeFont writes)
}

// ParseFontDefinition parses a font definition and keeps its font file,
// as AddFontFromBytes takes them, for AddFontDefinition. The font file's
// bytes are kept, not copied, and must not change afterwards.
func ParseFontDefinition(jsonFileBytes, zFileBytes []byte) (*FontDefinition, error) {
	var def fontDefType
	if err := json.Unmarshal(jsonFileBytes, &def); err != nil {
		return nil, fmt.Errorf("font definition: %w", err)
	}
	id, err := generateFontID(def)
	if err != nil {
		return nil, fmt.Errorf("font definition: %w", err)
	}
	def.i = id
	// Its ToUnicode CMap, plain and compressed, is the same in every
	// document: made here once, not by putfonts in each (handout patch 9).
	if len(def.Uv) > 0 {
		def.cmap = toUnicodeCMap(def.Uv)
		mem := xmem.compress(def.cmap)
		def.cmapZ = mem.copy()
		mem.release()
	}
	return &FontDefinition{def: def, file: zFileBytes}, nil
}

// AddFontDefinition adds a font parsed by ParseFontDefinition under family
// and style, as AddFontFromBytes would add its definition and font file:
// the document written is the same byte for byte. See AddFontFromBytes for
// family and style.
func (f *Fpdf) AddFontDefinition(familyStr, styleStr string, def *FontDefinition) {
	if f.err != nil {
		return
	}
	if def == nil {
		f.err = fmt.Errorf("AddFontDefinition: no definition")
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	f.addFontDef(fontkey, def.def, def.file)
}
