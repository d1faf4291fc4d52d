package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
	"time"
)

// Full-text fetches follow links a feed chose. A hostile feed could point
// them at a service on the user's machine or network (a router's admin
// page, a database's HTTP port) and have herald store and show the answer.
// So article pages may reach an internal address (loopback, private,
// link-local, unique-local, unspecified, multicast) only when it is the
// very endpoint the feed itself was fetched from. The check is made on the
// address being connected to, after name resolution and on every redirect,
// so neither a numeric spelling (0x7f000001, [::ffff:127.0.0.1]) nor a name
// that resolves, or later re-resolves, to an internal address gets through.
// Feeds the user configured may be local: this guard is for their links.

// blockedError is a connection the guard refused.
type blockedError struct{ addr string }

func (e *blockedError) Error() string {
	return fmt.Sprintf("refused to connect to %s: an internal address that is not the feed's own", e.addr)
}

// internalAddr reports an address that is not on the public internet.
func internalAddr(a netip.Addr) bool {
	a = a.Unmap()
	if a.Is6() {
		// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address.
		b := a.As16()
		switch {
		case netip.MustParsePrefix("64:ff9b::/96").Contains(a):
			return internalAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case netip.MustParsePrefix("2002::/16").Contains(a):
			if internalAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})) {
				return true
			}
		}
	}
	if a.Is4() {
		b := a.As4()
		switch {
		case b[0] == 0, // "this network", 0.0.0.0 reaches the local host
			b[0] == 100 && b[1]&0xc0 == 64, // 100.64.0.0/10, carrier-grade NAT
			b[0] == 198 && b[1]&0xfe == 18, // 198.18.0.0/15, benchmarking
			b[0] >= 240:                    // reserved and broadcast
			return true
		}
	}
	return !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() ||
		a.IsMulticast()
}

// endpoints resolves rawURL's host to the ip:port endpoints it names: the
// ones a feed's links may reach even when internal.
func endpoints(ctx context.Context, rawURL string) map[netip.AddrPort]bool {
	out := map[netip.AddrPort]bool{}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return out
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	p, err := netip.ParseAddrPort(net.JoinHostPort(u.Hostname(), port))
	if err == nil {
		out[netip.AddrPortFrom(p.Addr().Unmap(), p.Port())] = true
		return out
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", u.Hostname())
	if err != nil {
		return out
	}
	n, err := net.LookupPort("tcp", port)
	if err != nil {
		return out
	}
	for _, a := range addrs {
		out[netip.AddrPortFrom(a.Unmap(), uint16(n))] = true
	}
	return out
}

// guardedClient returns a client for the article pages of the feed at
// feedURL: same limits as the feed client, but connections to internal
// addresses other than the feed's own endpoints are refused. Each feed's
// pass gets its own client, so no connection is shared between feeds; the
// caller closes its idle connections when done.
func (f *Fetcher) guardedClient(ctx context.Context, feedURL string) *http.Client {
	allowed := endpoints(ctx, feedURL)
	var proxies sync.Map // host:port of proxies in use: the user's, not the feed's
	dialer := &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		ControlContext: func(_ context.Context, _, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return &blockedError{address}
			}
			ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
			if internalAddr(ap.Addr()) && !allowed[ap] {
				return &blockedError{address}
			}
			return nil
		},
	}
	plain := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	t := newTransport(f.opts)
	t.Proxy = func(req *http.Request) (*url.URL, error) {
		p, err := http.ProxyFromEnvironment(req)
		if p != nil && err == nil {
			// Behind a proxy the guard cannot see the address the proxy
			// connects to: judge the URL's host by its name instead.
			if err := checkHostByName(req.Context(), req.URL, allowed); err != nil {
				return nil, err
			}
			proxies.Store(p.Host, true)
		}
		return p, err
	}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if _, ok := proxies.Load(addr); ok {
			return plain.DialContext(ctx, network, addr)
		}
		return dialer.DialContext(ctx, network, addr)
	}
	return &http.Client{Transport: t, CheckRedirect: checkRedirect}
}

// checkHostByName resolves u's host and refuses it when any of its
// addresses is internal and not allowed.
func checkHostByName(ctx context.Context, u *url.URL, allowed map[netip.AddrPort]bool) error {
	for ap := range endpoints(ctx, u.String()) {
		if internalAddr(ap.Addr()) && !allowed[ap] {
			return &blockedError{ap.String()}
		}
	}
	return nil
}

// isBlocked reports an error caused by the guard.
func isBlocked(err error) (*blockedError, bool) {
	var be *blockedError
	ok := errors.As(err, &be)
	return be, ok
}
