#!/usr/bin/env bash
# subset.sh rebuilds the embedded Noto Sans faces in this folder from Debian's
# fonts-noto-core package. See README.md for why each step exists.
# Usage: bash fonts/subset.sh   (needs: apt-get install -y fonts-noto-core fonttools)
set -euo pipefail

src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
python=${PYTHON:-/usr/bin/python3} # Debian's python3, which has fontTools
out=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The scripts and symbols handouts may use. Keep in step with README.md.
unicodes=(
	U+0020-007E # Basic Latin
	U+00A0-00FF # Latin-1 Supplement: nbsp © ° × ½ ¿ ¡ ñ á
	U+0100-017F # Latin Extended-A: Polish ą ć ę ł ń ś ź ż
	U+0180-024F # Latin Extended-B: Romanian ș ț
	U+02B9-02DD # Modifier letters: Ukrainian apostrophe ʼ, accents ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
	U+0370-03FF # Greek and Coptic
	U+1EA0-1EF9 # Vietnamese: the letters with two marks (ầ ặ ữ) and with a dot below (ạ ọ)
	U+0400-04FF # Cyrillic
	U+2000-206F # General Punctuation: – — ‘ ’ “ ” • … ‰ and the special spaces
	U+20A0-20BF # Currency Symbols: € ₽ ₴
	U+2103      # ℃
	U+2113      # ℓ
	U+2116      # №
	U+2122      # ™
	U+2153-215E # Fractions ⅓ ⅔ ⅛ (½ ¼ ¾ are Latin-1)
	U+2190-2199 # Arrows ← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙, copied from Noto Sans Symbols
	U+FFFD      # Replacement character
)
unicodes=$(printf '%s,' "${unicodes[@]}" | sed 's/,$//')

# arrows copies the arrows U+2190-2199 from Noto Sans Symbols (same designers,
# same 1000 units/em, also OFL 1.1) into a Noto Sans face, which lacks them in
# this release. Their hinting instructions are dropped: they call functions of
# the Symbols font's fpgm, not Noto Sans's.
arrows() { # base.ttf symbols.ttf out.ttf
	"$python" - "$@" <<'PY'
import sys
from fontTools.ttLib import TTFont
base, sym, out = sys.argv[1:]
f = TTFont(base, recalcTimestamp=False)
s = TTFont(sym)
scmap = s.getBestCmap()
order = f.getGlyphOrder()
for cp in range(0x2190, 0x219A):
    if cp in f.getBestCmap():
        continue
    src = scmap[cp]
    g = s["glyf"][src]
    if g.isComposite():
        sys.exit("arrows: U+%04X is a composite glyph; copy its components too" % cp)
    if hasattr(g, "program"):
        g.program.fromBytecode(b"")
    name = "uni%04X" % cp
    order.append(name)
    f["glyf"].glyphs[name] = g
    f["hmtx"].metrics[name] = s["hmtx"].metrics[src]
    for t in f["cmap"].tables:
        if t.isUnicode():
            t.cmap[cp] = name
f.setGlyphOrder(order)
f["glyf"].glyphOrder = order
f["maxp"].numGlyphs = len(order)
f.save(out)
PY
}

for face in Regular Bold Italic BoldItalic; do
	case $face in
	Bold*) sym=$src/NotoSansSymbols-Bold.ttf ;;
	*) sym=$src/NotoSansSymbols-Regular.ttf ;;
	esac
	arrows "$src/NotoSans-$face.ttf" "$sym" "$tmp/NotoSans-$face.ttf"
	pyftsubset "$tmp/NotoSans-$face.ttf" \
		--unicodes="$unicodes" \
		--layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,DSIG \
		--no-hinting \
		--no-glyph-names \
		--notdef-outline \
		--name-IDs=0,1,2,3,4,5,6,7,11,13,14 \
		--output-file="$out/NotoSans-$face.ttf"
done
ls -l "$out"/NotoSans-*.ttf
