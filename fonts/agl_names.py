#!/usr/bin/python3
"""agl_names.py names the glyphs in onebyte/*.map from the Adobe Glyph List.

Usage: /usr/bin/python3 fonts/agl_names.py   (needs: apt-get install -y fonttools)

Each code keeps its code point; only the name changes, and it is a function
of the code point alone, so the same character has the same name in every
map (MakeFont writes /Differences where a map's name differs from
cp1252.map's). The name is the AGL for New Fonts' (aglfn.txt) when it has
one other than uniXXXX; else an afiiNNNNN name of the AGL (glyphlist.txt:
Cyrillic, U+2015, U+2116; in the AGL since 1.2, so known to old readers
too); else the AGL's first in alphabetical order (nbspace, sfthyphen,
Tcedilla, twosuperior). Only names that the AGL maps to this one code
point are taken: "Omega" is U+2126 OHM SIGN there, so Greek Ω is
Omegagreek, Δ Deltagreek and μ mugreek. A code without a character to draw
(the C1 controls of ISO 8859-2) is .notdef. A character the AGL has no
name for would be uniXXXX, which the AGL specification lets readers
decode; none of these maps has one. See README.md, "One-byte fonts".
"""
import collections
import pathlib
import re
import unicodedata

from fontTools import agl

here = pathlib.Path(__file__).resolve().parent

byCode = collections.defaultdict(list)  # code point -> AGL names mapping to it alone
for line in agl._aglText.splitlines():
    if line.startswith("#") or not line.strip():
        continue
    name, uvs = line.split(";")
    uvs = uvs.split()
    if len(uvs) == 1:
        byCode[int(uvs[0], 16)].append(name)
aglfn = {}
for line in agl._aglfnText.splitlines():
    if line.startswith("#") or not line.strip():
        continue
    uv, name, _ = line.split(";")
    aglfn[int(uv, 16)] = name


def glyph_name(uv):
    names = sorted(byCode.get(uv, []))
    if aglfn.get(uv) in names:
        return aglfn[uv]
    for n in names:
        if n.startswith("afii"):
            return n
    if names:
        return names[0]
    if unicodedata.category(chr(uv)) == "Cc":
        return ".notdef"
    return "uni%04X" % uv


line_re = re.compile(r"^!([0-9A-F]{2}) U\+([0-9A-F]{4}) (\S+)$")
for enc in ["cp1252", "iso-8859-2", "cp1251", "cp1253"]:
    path = here / "onebyte" / (enc + ".map")
    out = []
    for line in path.read_text().splitlines():
        m = line_re.match(line)
        if not m:
            raise SystemExit("%s: bad line %r" % (path, line))
        code, uv, name = int(m[1], 16), int(m[2], 16), m[3]
        if code >= 0x80:  # ASCII and below keep fpdf's names
            name = glyph_name(uv)
        out.append("!%02X U+%04X %s" % (code, uv, name))
    path.write_text("\n".join(out) + "\n")
