package figures

// PhotoSize reports the size src is seen at, in pixels: its stored size
// turned by its EXIF orientation. It reads headers only, never the
// picture data, so a layout can place a photo by its aspect ratio before
// the photo is prepared for the box it gets. What Prepare refuses from
// the headers alone (not a supported format, too many pixels, a damaged
// header) is refused here too, as an *Error named name.
func PhotoSize(name string, src []byte) (w, h int, err error) {
	pl, err := photoInspect(src)
	if err != nil {
		return 0, 0, cacheNamed(err, name)
	}
	w, h = pl.upright()
	return w, h, nil
}
