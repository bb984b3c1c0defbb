package serve

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentSecurityPolicy lets a page use the server's own scripts, styles,
// pictures and API, and nothing else: no inline script, no other site,
// no framing by another page. blob: is the preview: the PDF the page
// fetched, shown in a frame from a blob: URL the page made (its origin is
// the page's own).
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; " +
	"connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries. Everything is
// no-store: a page or a PDF may carry a patient's name, and a clinic's
// shared computer must not keep it in its cache (the embedded assets are
// small and served from memory anyway).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// allowedHosts are the Host header values the server answers to: its
// bound address and port, localhost on loopback, the machine's own
// addresses and name when it listens on all of them, and the names
// configured. Any other Host is a page of another site whose name was
// pointed at this machine (DNS rebinding).
func allowedHosts(addr *net.TCPAddr, names []string) map[string]bool {
	port := strconv.Itoa(addr.Port)
	ok := map[string]bool{}
	add := func(host string) {
		host = strings.ToLower(strings.Trim(host, "[]"))
		ok[net.JoinHostPort(host, port)] = true
	}
	switch {
	case addr.IP.IsLoopback():
		add(addr.IP.String())
		add("localhost")
	case addr.IP.IsUnspecified():
		add("localhost")
		add("127.0.0.1")
		add("::1")
		if h, err := os.Hostname(); err == nil {
			add(h)
		}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if ipn, ok := a.(*net.IPNet); ok {
					add(ipn.IP.String())
				}
			}
		}
	default:
		add(addr.IP.String())
	}
	for _, n := range names {
		add(n)
	}
	return ok
}

// checkHost refuses a request whose Host header is not one of the
// server's own (allowedHosts).
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.ToLower(r.Host)
		if !strings.Contains(host, ":") || strings.HasSuffix(host, "]") {
			host = net.JoinHostPort(strings.Trim(host, "[]"), defaultPort(r))
		}
		if !s.hosts[host] {
			writeError(w, http.StatusMisdirectedRequest, "", "this server does not answer to that host name; open the address handout serve printed, or start it with --host NAME")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func defaultPort(r *http.Request) string {
	if r.TLS != nil {
		return "443"
	}
	return "80"
}

// sameOrigin refuses a request that changes or produces anything (any
// method but GET and HEAD) unless the browser says it comes from one of
// the server's own pages: Sec-Fetch-Site same-origin, or an Origin that is
// this server. A page of another site the clinic's browser has open
// cannot make the server render, upload or write (CSRF). A request with
// neither header (curl) must send Origin itself.
func (s *Server) sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
			writeError(w, http.StatusForbidden, "", "refused: the request comes from another site's page")
			return
		}
		origin := r.Header.Get("Origin")
		if origin == "" && r.Header.Get("Sec-Fetch-Site") == "" {
			writeError(w, http.StatusForbidden, "", "refused: a request that makes or changes something must say its Origin (this server's own address)")
			return
		}
		if origin != "" && !s.ownOrigin(origin, r) {
			writeError(w, http.StatusForbidden, "", "refused: the request comes from another site's page")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ownOrigin reports whether origin is this server as the request reached
// it: the same scheme, and a host the server answers to.
func (s *Server) ownOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if u.Scheme != scheme {
		return false
	}
	host := strings.ToLower(u.Host)
	if u.Port() == "" {
		host = net.JoinHostPort(strings.Trim(host, "[]"), defaultPort(r))
	}
	return s.hosts[host] && strings.EqualFold(host, hostWithPort(r))
}

func hostWithPort(r *http.Request) string {
	host := strings.ToLower(r.Host)
	if !strings.Contains(host, ":") || strings.HasSuffix(host, "]") {
		return net.JoinHostPort(strings.Trim(host, "[]"), defaultPort(r))
	}
	return host
}

// authenticate asks every request for the password, when there is one
// (HTTP basic authentication; the user name is not checked). The
// comparison takes the same time whatever the guess, and each client
// address may fail loginBurst times, then once per loginEvery.
func (s *Server) authenticate(next http.Handler) http.Handler {
	if s.cfg.Password == "" {
		return next
	}
	want := sha256.Sum256([]byte(s.cfg.Password))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := clientAddr(r)
		if wait := s.logins.blocked(client); wait > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds()+1)))
			writeError(w, http.StatusTooManyRequests, "", "too many wrong passwords; wait a minute and try again")
			return
		}
		_, pw, ok := r.BasicAuth()
		got := sha256.Sum256([]byte(pw))
		if !ok || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			if ok {
				s.logins.failed(client)
			}
			w.Header().Set("WWW-Authenticate", `Basic realm="handout", charset="UTF-8"`)
			writeError(w, http.StatusUnauthorized, "", "the password is needed")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Wrong passwords a client address may give at once, and how often one
// more is allowed after that: a token bucket per address.
const (
	loginBurst = 5
	loginEvery = 12 * time.Second
)

// loginLimiter counts each client address's wrong passwords.
type loginLimiter struct {
	mu      sync.Mutex
	buckets map[string]*loginBucket
}

type loginBucket struct {
	tokens float64
	at     time.Time
}

func newLoginLimiter() *loginLimiter { return &loginLimiter{buckets: map[string]*loginBucket{}} }

// refill returns addr's bucket filled up for the time gone by.
func (l *loginLimiter) refill(addr string, now time.Time) *loginBucket {
	b := l.buckets[addr]
	if b == nil {
		b = &loginBucket{tokens: loginBurst, at: now}
		l.buckets[addr] = b
	}
	b.tokens = min(loginBurst, b.tokens+float64(now.Sub(b.at))/float64(loginEvery))
	b.at = now
	return b
}

// blocked returns how long addr must wait before its next try (0: none).
func (l *loginLimiter) blocked(addr string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(addr, time.Now())
	if b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) * float64(loginEvery))
}

// failed takes one try from addr.
func (l *loginLimiter) failed(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refill(addr, time.Now()).tokens--
	if len(l.buckets) > 10_000 { // an address scan: forget the full buckets
		for a, b := range l.buckets {
			if b.tokens >= loginBurst {
				delete(l.buckets, a)
			}
		}
	}
}

// recoverPanics answers a request whose handler panicked (a bug) with
// 500 and the API's JSON error, so that the page says what happened
// instead of losing the connection, and writes the request and the
// stack to log (function names and lines: a Go stack shows a string
// argument as its address and length, never its text). It never writes
// the panic's value, which may quote what was being drawn: a patient's
// name. http.ErrAbortHandler, a handler stopping on purpose, goes on.
func recoverPanics(next http.Handler, log io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &recorder{ResponseWriter: w, status: http.StatusOK} // its wrote: whether a 500 can still be sent
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			fmt.Fprintf(log, "%s internal error (a %T panic) in %s %s; please report it with this stack:\n%s",
				time.Now().UTC().Format(time.RFC3339), v, r.Method, r.URL.Path, debug.Stack())
			if !tw.wrote {
				writeError(tw, http.StatusInternalServerError, "", "an internal error stopped the server making this (please report it: the server's log says where)")
			}
		}()
		next.ServeHTTP(tw, r)
	})
}

// logRequests writes one line per request: method, path, status,
// duration and size. Never the query, a header, a form or a body: they
// may hold a patient's name.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		fmt.Fprintf(s.cfg.Log, "%s %s %s %d %s %dB\n", start.UTC().Format(time.RFC3339), r.Method, r.URL.Path,
			rec.status, time.Since(start).Round(time.Microsecond), rec.size)
	})
}

// recorder remembers a response's status and size for the log.
type recorder struct {
	http.ResponseWriter
	status int
	size   int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.size += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
