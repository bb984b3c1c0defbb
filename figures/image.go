package figures

// Image is a prepared raster picture: the only bytes fpdf ever receives.
type Image struct {
	Key      string // hex SHA-256 of Data: fpdf caches images by name, so name them by content
	Data     []byte // baseline JPEG or 8-bit PNG (no interlace, no 16-bit, alpha only if KeepAlpha; a paletted PNG of few colours may use 1, 2 or 4 bits, which fpdf embeds as is)
	Format   string // "jpg" or "png" (fpdf's ImageType names)
	PxW, PxH int
}
