// Package photo prepares a clinic's photos and logos for the page, once:
// recognised by content (JPEG, PNG, WebP), refused before any large
// allocation when hostile, decoded (baseline JPEGs at a half, quarter or
// eighth of their size by internal/scaledjpeg), turned upright from EXIF,
// CMYK made RGB, resampled in integer arithmetic (the same bytes on every
// machine), and encoded as JPEG or PNG for the box the layout draws them
// in, or embedded as they are when nothing needs to change. A Preparer
// keeps what it made in memory, in a cache folder, and can be seeded with
// images prepared ahead.
package photo
