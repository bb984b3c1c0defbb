package serve

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// TestSelfSigned: the certificate is made once and kept (the key 0600);
// the next start uses the same one; a server with it speaks TLS.
func TestSelfSigned(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "settings")
	cert, fp, err := SelfSigned(dir, []string{"frontdesk.example"})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, keyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the key file: %v, %v; want mode 0600", fi, err)
	}
	_, fp2, err := SelfSigned(dir, nil)
	if err != nil || fp2 != fp {
		t.Fatalf("the second start: fingerprint %s, %v; want the first one, %s", fp2, err, fp)
	}
	leaf, _ := x509.ParseCertificate(cert.Certificate[0])
	if err := leaf.VerifyHostname("frontdesk.example"); err != nil {
		t.Errorf("the certificate is not for the name given: %v", err)
	}
	ts := startServer(t, Config{TLS: &tls.Config{Certificates: []tls.Certificate{cert}}, Password: "correct horse"})
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/health", nil)
	req.SetBasicAuth("", "correct horse")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET over TLS: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.TLS == nil {
		t.Errorf("GET over TLS: %d", resp.StatusCode)
	}
}
