#!/bin/sh
# Makes the WebP files the figures tests read (cwebp from Debian's webp
# package; these were made with libwebp 1.2.4, ImageMagick 6.9). Not run by
# the tests or CI: Go has a WebP decoder (golang.org/x/image/webp) but no
# encoder. The picture is the tests' quadrants: red top left, green top
# right, blue bottom left, yellow bottom right.
set -eu
convert -size 100x75 xc:'rgb(220,30,30)' xc:'rgb(30,180,40)' +append top.png
convert -size 100x75 xc:'rgb(30,40,220)' xc:'rgb(230,210,30)' +append bottom.png
convert top.png bottom.png -append quadrants.png
# A photo saved from a web page: lossy.
cwebp -quiet -q 80 quadrants.png -o lossy.webp
# A screenshot or logo with a transparent border: lossless with alpha.
convert quadrants.png -bordercolor none -border 20 bordered.png
cwebp -quiet -lossless -exact bordered.png -o lossless-alpha.webp
# Cut short, as a half-finished download.
head -c 200 lossy.webp >truncated.webp
rm top.png bottom.png quadrants.png bordered.png
