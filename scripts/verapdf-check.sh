#!/usr/bin/env bash
# scripts/verapdf-check.sh checks PDFs against PDF/UA-1 with veraPDF, the
# PDF Association's reference validator, which CI does not have (it needs
# Java). With no arguments it makes the golden PDFs (render's TestGolden,
# HANDOUT_KEEP_PDF) and checks them all; otherwise it checks the PDFs
# named. Run from anywhere in the repository:
#
#   bash scripts/verapdf-check.sh               # the golden PDFs
#   bash scripts/verapdf-check.sh out.pdf ...   # these PDFs
#
# Exit status: veraPDF's own: 0 when every file conforms, 1 when one does
# not, 8 for an encrypted file (veraPDF does not open those: check the
# plain one). -v lists the rules a file fails. handout's own checks find
# no problem in any golden (docs/accessibility.md), but veraPDF has not
# been run on them: CI has no Java, and no result is recorded yet.
set -euo pipefail

if ! command -v verapdf >/dev/null; then
	cat >&2 <<'MSG'
verapdf is not on PATH. To get it (it needs Java 11 or newer):
  - macOS:   brew install verapdf
  - conda:   conda install -c conda-forge verapdf
  - any:     the installer from https://verapdf.org/software/ (choose the
             command-line application), then put its folder on PATH.
Then run this script again. docs/accessibility.md lists what handout's own
checks (go test ./render) cover without it.
MSG
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
	echo "making the golden PDFs in $out" >&2
	(cd "$root" && HANDOUT_KEEP_PDF="$out" go test -count=1 -run '^TestGolden$' ./render >/dev/null) ||
		{ echo "go test -run TestGolden ./render failed: fix that first" >&2; exit 1; }
	files=("$out"/*.pdf)
fi
verapdf --flavour ua1 --format text -v "${files[@]}"
