#!/usr/bin/env bash
# make_onebyte.sh writes onebyte/NotoSans-ENC-FACE.{json,z}: the four faces
# subset to each one-byte encoding below, as fpdf font definitions. Why:
# fpdf parses, measures, hashes and subsets a UTF-8 font anew for every
# document (about 40% of a handout's render time); a one-byte font is a
# small prebuilt definition it embeds as is. Text the encodings cannot
# carry still uses the UTF-8 faces. See README.md.
# Usage: bash fonts/make_onebyte.sh   (needs: apt-get install -y fonttools)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for enc in cp1252 iso-8859-2 cp1251 cp1253; do
	# The code points of the encoding, from fpdf's map ("!E9 U+00E9 eacute").
	unicodes=$(sed -n 's/^!\([0-9A-F][0-9A-F]\) U+\([0-9A-F]*\) .*/U+\2/p' "$here/onebyte/$enc.map" |
		grep -v '^U+00[01]' | paste -sd, -)
	for face in Regular Bold Italic BoldItalic; do
		sub=$tmp/NotoSans-$enc-$face.ttf
		pyftsubset "$here/NotoSans-$face.ttf" --unicodes="$unicodes" \
			--layout-features='' --no-hinting --notdef-outline --output-file="$sub"
		# A PostScript name of its own, so a reader never mistakes one
		# encoding's subset for another's.
		"$python" - "$sub" "NotoSans-$face-$enc" <<'PY'
import sys
from fontTools.ttLib import TTFont
path, name = sys.argv[1:]
f = TTFont(path, recalcTimestamp=False)
for rec in f["name"].names:
    if rec.nameID == 6:
        rec.string = name
f.save(path)
PY
		(cd "$here/.." && go run fonts/gen_onebyte.go -ttf "$sub" -map "$here/onebyte/$enc.map" -out "$here/onebyte" 2>/dev/null)
	done
done
ls -l "$here/onebyte"
