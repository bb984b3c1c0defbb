#!/bin/sh
# Makes the fixtures TestFixtures decodes: JPEGs as libjpeg-turbo's cjpeg
# writes them (Debian package libjpeg-turbo-progs; these were made with
# 2.1.5), in every layout the scaled decoder supports and a few it leaves
# to image/jpeg ("unsupported" in the name). The picture is ImageMagick's
# seeded plasma at an odd size, so edge blocks are partial. Not run by the
# tests or CI; run it by hand from this folder to remake them.
set -eu
convert -seed 7 -size 203x131 plasma: src.ppm
convert src.ppm -colorspace gray pgm:src.pgm
cjpeg -quality 90 -sample 1x1 src.ppm >444.jpg
cjpeg -quality 90 -sample 2x1 src.ppm >422.jpg
cjpeg -quality 90 -sample 2x2 src.ppm >420.jpg
cjpeg -quality 90 -sample 1x2 src.ppm >440.jpg
cjpeg -quality 90 -sample 2x2 -optimize src.ppm >420-optimised.jpg
cjpeg -quality 90 -sample 2x2 -restart 1 src.ppm >420-restart-every-mcu.jpg
cjpeg -quality 90 -sample 2x1 -restart 1B src.ppm >422-restart-every-row.jpg
cjpeg -quality 98 -sample 1x1 -restart 5 src.ppm >444-q98-restart-5.jpg
cjpeg -quality 80 src.pgm >gray.jpg
cjpeg -quality 80 -restart 2 src.pgm >gray-restart-2.jpg
cjpeg -quality 90 -progressive src.ppm >progressive-unsupported.jpg
cjpeg -quality 90 -arithmetic src.ppm >arithmetic-unsupported.jpg
cjpeg -quality 90 -sample 4x1 src.ppm >411-unsupported.jpg
cjpeg -quality 90 -rgb src.ppm >rgb-unsupported.jpg
rm src.ppm src.pgm
