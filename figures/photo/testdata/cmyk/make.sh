#!/bin/sh
# Makes the CMYK JPEGs TestPrepareCMYKFixtures reads, with two encoders
# that write plain CMYK (Adobe APP14 marker, transform 0, ink stored
# inverted as Photoshop does): Pillow (Debian's python3-pil; 9.4.0 made
# these) at quality 90 and libvips (libvips-tools; 8.14.1) at 75 with
# optimised Huffman tables (both use libjpeg-turbo: with the same settings
# they write the same bytes); and ImageMagick (6.9.11), which writes YCCK
# (transform 2). Each plain CMYK file is also saved with
# its APP14 marker cut out, as a metadata cleaner (exiftool -all=) leaves a
# Photoshop file: ImageMagick, Pillow and MuPDF still read it as inverted
# ink. Not run by the tests or CI; run it by hand from this folder.
#
# The picture: four stripes of ink, left to right cyan, magenta, yellow
# (each 100%) and 50% black.
set -eu
/usr/bin/python3 - <<'PY'
from PIL import Image
im = Image.new("CMYK", (64, 32))
for i, ink in enumerate([(255, 0, 0, 0), (0, 255, 0, 0), (0, 0, 255, 0), (0, 0, 0, 128)]):
    im.paste(ink, (16 * i, 0, 16 * i + 16, 32))
im.save("src.tif")
im.save("pillow.jpg", quality=90)
PY
vips jpegsave src.tif vips.jpg --Q 75 --optimize-coding --strip
convert src.tif -quality 90 imagemagick-ycck.jpg
# Cut out the APP14 segment (marker, length, "Adobe"...).
/usr/bin/python3 - <<'PY'
for name in ["pillow", "vips"]:
    d = open(name + ".jpg", "rb").read()
    i = d.find(b"\xff\xee")
    n = int.from_bytes(d[i + 2:i + 4], "big")
    assert d[i + 4:i + 9] == b"Adobe"
    open(name + "-no-adobe.jpg", "wb").write(d[:i] + d[i + 2 + n:])
PY
rm src.tif
