package serve

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"handout/render"
)

// static holds the pages' scripts and styles, served from memory.
//
//go:embed assets
var static embed.FS

// asset is one file the server sends as it is, with its gzip form for
// clients that take it.
type asset struct {
	typ        string
	body, gzip []byte
}

func newAsset(typ string, body []byte) *asset {
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	a := &asset{typ: typ, body: body}
	if z.Len() < len(body) {
		a.gzip = z.Bytes()
	}
	return a
}

// loadAssets reads the embedded scripts and styles.
func loadAssets() (map[string]*asset, error) {
	out := map[string]*asset{}
	entries, err := fs.ReadDir(static, "assets")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		b, err := fs.ReadFile(static, "assets/"+e.Name())
		if err != nil {
			return nil, err
		}
		out[e.Name()] = newAsset(mime.TypeByExtension(path.Ext(e.Name())), b)
	}
	return out, nil
}

// serveAsset writes a, compressed when the client accepts gzip.
func serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.typ)
	h.Add("Vary", "Accept-Encoding")
	body := a.body
	if a.gzip != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = a.gzip
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// asset is GET /assets/NAME: a script or a style sheet.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	serveAsset(w, r, a)
}

// thumbnail is GET /thumbs/NAME.svg: a built-in drawing as SVG, made once
// per process.
func (s *Server) thumbnail(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("name"), ".svg")
	if !ok {
		http.NotFound(w, r)
		return
	}
	if a, ok := s.thumbs.Load(name); ok {
		serveAsset(w, r, a.(*asset))
		return
	}
	svg, err := render.DrawingSVG(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	a, _ := s.thumbs.LoadOrStore(name, newAsset("image/svg+xml", svg))
	serveAsset(w, r, a.(*asset))
}

// logo is GET /clinic/logo: the clinic's logo as the profile names it.
func (s *Server) logo(w http.ResponseWriter, r *http.Request) {
	logo := s.cfg.Clinic.Logo
	if len(logo) == 0 {
		http.NotFound(w, r)
		return
	}
	typ := http.DetectContentType(logo)
	if typ != "image/png" && typ != "image/jpeg" && typ != "image/webp" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Write(logo)
}
