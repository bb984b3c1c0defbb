package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TLSMode is how a test server offers TLS.
type TLSMode int

const (
	noTLS TLSMode = iota
	// Implicit is TLS from the first byte (port 465, tls: implicit).
	Implicit
	// StartTLS is a plain session that the client upgrades with STARTTLS
	// (port 587, tls: starttls).
	StartTLS
)

// StartTLSServer starts a Server that offers TLS as mode says, with a
// certificate for 127.0.0.1 and localhost signed by a CA made for this
// test alone, so no client trusts it unless told to (see CAFile). It stops
// when the test ends.
func StartTLSServer(t testing.TB, mode TLSMode) *Server {
	t.Helper()
	if mode != Implicit && mode != StartTLS {
		t.Fatalf("mailtest: StartTLSServer(%d): use Implicit or StartTLS", mode)
	}
	return start(t, mode)
}

// CAFile writes the PEM certificate of the CA that signed a TLS server's
// certificate to a file in a temporary folder and returns its path.
func (ts *Server) CAFile(t testing.TB) string {
	t.Helper()
	if ts.caPEM == nil {
		t.Fatal("mailtest: CAFile of a server without TLS")
	}
	p := filepath.Join(t.TempDir(), "test-ca.pem")
	if err := os.WriteFile(p, ts.caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// serverTLS makes a CA and a server certificate it signs, both valid for
// an hour, and returns the server's TLS configuration and the CA's PEM.
func serverTLS(t testing.TB) (*tls.Config, []byte) {
	t.Helper()
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatalf("mailtest: generating a key: %v", err)
		}
		return k
	}
	// A minute back, for a clock that the certificate check reads a
	// moment apart.
	notBefore := time.Now().Add(-time.Minute)
	template := func(serial int64, name string) *x509.Certificate {
		return &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
			NotBefore: notBefore, NotAfter: notBefore.Add(time.Hour)}
	}

	caKey := newKey()
	ca := template(1, "handout mailtest CA")
	ca.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	ca.BasicConstraintsValid, ca.IsCA = true, true
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatalf("mailtest: making the CA certificate: %v", err)
	}
	if ca, err = x509.ParseCertificate(caDER); err != nil {
		t.Fatalf("mailtest: reading the CA certificate: %v", err)
	}

	key := newKey()
	leaf := template(2, "localhost")
	leaf.KeyUsage = x509.KeyUsageDigitalSignature
	leaf.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	leaf.DNSNames = []string{"localhost"}
	leaf.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatalf("mailtest: making the server certificate: %v", err)
	}
	cfg := &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{leafDER}, PrivateKey: key}},
		MinVersion:   tls.VersionTLS12,
	}
	return cfg, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
}
