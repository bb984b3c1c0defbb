// Package serve is handout's web page for the front desk (handout serve):
// a server on the clinic's own machine that builds a patient's programme
// with a live preview of the PDF, makes a batch of packets from an
// uploaded list, and shows the clinic's profile. Every page and asset is
// embedded; nothing is fetched from elsewhere. The server calls render
// (the front door) to make documents and batch for a list, nothing
// below them. docs/api.md documents its HTTP API.
package serve

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"handout/render"
)

// Config is how a server runs, as the command line gives it.
type Config struct {
	Clinic     render.Clinic
	ClinicPath string // the profile's file, "" for the built-in sample clinic
	LibraryDir string // the clinic's library folder ("" for none): --library, else the profile's library:
	// Hosts are names besides the bound address that the Host header may
	// carry (a DNS name of the clinic's machine): any other is refused
	// (DNS rebinding).
	Hosts []string
	// Password, when set, is asked of every request (HTTP basic
	// authentication, any user name). Binding beyond loopback requires it.
	Password string
	TLS      *tls.Config // nil: plain HTTP (loopback only)
	Log      io.Writer   // one line per request: method, path, status, duration, size
	// Renders is how many documents are made at once (default: the CPUs),
	// Queue how many requests may wait for one (default 32); past that a
	// request gets 503 with Retry-After.
	Renders, Queue int
	// BatchKeep is how long a batch's packets wait for their download
	// before they are deleted (default 10 minutes).
	BatchKeep time.Duration
	TempDir   string // where batches' private folders are made ("": the system's)
}

// Server is the web page's server. Make one with New; Serve runs it.
type Server struct {
	cfg     Config
	engine  *render.Engine
	catalog atomic.Pointer[render.Catalog]
	hosts   map[string]bool // Host header values accepted; set by Serve from the listener
	slots   chan struct{}   // a token per render running
	waiting atomic.Int64    // requests queued for a slot
	thumbs  sync.Map        // drawing name → *asset (SVG)
	batches *batchStore
	logins  *loginLimiter
	assets  map[string]*asset
	pages   *pages
}

// New checks cfg, loads the library and the fonts, and returns a server.
func New(cfg Config) (*Server, error) {
	if cfg.Renders <= 0 {
		cfg.Renders = runtime.GOMAXPROCS(0)
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 32
	}
	if cfg.BatchKeep <= 0 {
		cfg.BatchKeep = 10 * time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	eng, err := render.NewEngine("")
	if err != nil {
		return nil, err
	}
	cat, err := render.NewCatalog(cfg.LibraryDir)
	if err != nil {
		return nil, err
	}
	if cfg.Clinic.Profile != nil {
		cat.Fallback = cfg.Clinic.Profile.LanguageFallback
		cat.Language = cfg.Clinic.Profile.Language
	}
	assets, err := loadAssets()
	if err != nil {
		return nil, err
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, engine: eng, slots: make(chan struct{}, cfg.Renders),
		batches: newBatchStore(cfg.TempDir, cfg.BatchKeep), logins: newLoginLimiter(),
		assets: assets, pages: pg, hosts: map[string]bool{}}
	s.catalog.Store(cat)
	return s, nil
}

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully: requests in progress get up to 10 seconds to finish, and
// every batch's folder is removed.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.hosts = allowedHosts(ln.Addr().(*net.TCPAddr), s.cfg.Hosts)
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // an upload of a long list on a slow network
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		TLSConfig:         s.cfg.TLS,
		ErrorLog:          nil,
	}
	errc := make(chan error, 1)
	go func() {
		if s.cfg.TLS != nil {
			errc <- srv.ServeTLS(ln, "", "")
			return
		}
		errc <- srv.Serve(ln)
	}()
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = srv.Shutdown(shut)
		cancel()
	}
	s.batches.removeAll()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// URL is the address to open for a listener's address.
func URL(addr net.Addr, tls bool) string {
	scheme := "http"
	if tls {
		scheme = "https"
	}
	a := addr.(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		if h, err := os.Hostname(); err == nil {
			host = h
		}
	}
	return fmt.Sprintf("%s://%s", scheme, net.JoinHostPort(host, fmt.Sprint(a.Port)))
}

// Handler is the server's routes behind its guards: the log, a bug's
// panic answered as 500, the security headers, the Host check, the password and the origin check,
// in that order.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.buildPage)
	mux.HandleFunc("GET /batch", s.batchPage)
	mux.HandleFunc("GET /clinic", s.clinicPage)
	mux.HandleFunc("GET /clinic/logo", s.logo)
	mux.HandleFunc("GET /assets/{name}", s.asset)
	mux.HandleFunc("GET /thumbs/{name}", s.thumbnail)
	mux.HandleFunc("GET /api/health", s.health)
	mux.HandleFunc("GET /api/exercises", s.exercises)
	mux.HandleFunc("GET /api/protocols", s.protocols)
	mux.HandleFunc("POST /api/protocols", s.saveProtocol)
	mux.HandleFunc("POST /api/render", s.render)
	mux.HandleFunc("POST /api/chart-note", s.chartNote)
	mux.HandleFunc("POST /api/batch", s.batch)
	mux.HandleFunc("GET /api/batch/{token}", s.batchDownload)
	var h http.Handler = mux
	h = s.sameOrigin(h)
	h = s.authenticate(h)
	h = s.checkHost(h)
	h = securityHeaders(h)
	h = recoverPanics(h, s.cfg.Log)
	return s.logRequests(h)
}

// errBusy is a render that found no slot free and the queue full.
var errBusy = errors.New("busy")

// acquire waits for a render slot, queued behind at most cfg.Queue other
// requests; release it when the render is done. A full queue, or a wait
// the client gave up on, is errBusy or ctx's error.
func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	default:
	}
	if s.waiting.Add(1) > int64(s.cfg.Queue) {
		s.waiting.Add(-1)
		return nil, errBusy
	}
	defer s.waiting.Add(-1)
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-wait.Done():
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, errBusy
	}
}
