#!/bin/sh
# Makes the photos render/testdata/photos.md uses (ImageMagick 6.9, cwebp 1.2.4,
# exiftool; Debian packages imagemagick, webp, libimage-exiftool-perl).
# Not run by the tests or CI. Each stands for a kind of file clinics have;
# a red band marks the top of every picture, so a wrong turn shows.
set -eu
picture() { # WIDTH HEIGHT SEED OUT: plasma "photo" with a red band on top
	convert -seed "$3" -size "$1x$2" plasma:tan-steelblue -blur 0x6 \
		-fill 'rgb(200,30,30)' -draw "rectangle 0,0 $1,$(($2 / 6))" \
		-fill 'rgb(40,40,40)' -draw "circle $(($1 / 2)),$(($2 * 3 / 5)) $(($1 / 2)),$(($2 * 4 / 5))" "$4"
}
# A phone photo held sideways: stored turned a quarter left, EXIF says 6.
picture 2000 1500 1 upright.png
convert upright.png -rotate -90 -quality 80 sideways.jpg
exiftool -q -overwrite_original -n -Orientation=6 sideways.jpg
# A picture saved from a web page.
picture 800 600 2 web.png
cwebp -quiet -q 75 web.png -o web.webp
# From a print shop: CMYK.
picture 1200 800 3 shop.png
convert shop.png -colorspace CMYK -quality 80 print-shop-cmyk.jpg
# A screenshot with a transparent border.
convert -size 600x400 xc:'rgb(240,240,235)' -fill 'rgb(200,30,30)' -draw 'rectangle 0,0 600,60' \
	-fill 'rgb(31,90,102)' -draw 'rectangle 60,120 540,340' \
	-bordercolor none -border 40 screenshot.png
rm upright.png web.png shop.png
