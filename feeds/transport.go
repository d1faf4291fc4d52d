package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	acceptFeeds  = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
	acceptPages  = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
	maxRedirects = 5
)

type getOptions struct {
	accept             string
	etag, lastModified string
	client             *http.Client // nil: the Fetcher's own
	// keepGzip leaves a gzipped body compressed (body.gzipped) for the
	// caller to inflate when it needs the bytes: a refresh whose store
	// falls behind holds each waiting feed at a fifth of its size. Both
	// are capped at MaxBodyBytes.
	keepGzip bool
}

// body is what a successful get returns.
type body struct {
	data               []byte
	notModified        bool
	etag, lastModified string
	contentType        string // media type only, lower case
	rawContentType     string // the header as sent, charset included
	url                string // final URL after redirects
	gzipped            bool   // data is still gzip-compressed (getOptions.keepGzip)
}

// inflate decompresses a gzipped body (the one place herald does), under
// the same cap as the download.
func (f *Fetcher) inflate(rawURL string, b body) (body, error) {
	if !b.gzipped {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b.data))
	if err != nil {
		return body{}, fetchErr(rawURL, err, "bad gzip body: %s", describe(err, f.opts.Timeout))
	}
	defer zr.Close()
	// Compressed news text is about a fifth of its size.
	b.data, err = f.readCapped(rawURL, zr, 5*int64(len(b.data)))
	b.gzipped = false
	return b, err
}

func newTransport(o Options) *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          max(100, 2*o.Concurrency),
		MaxIdleConnsPerHost:   o.Concurrency,
		// herald asks for gzip itself and decompresses under its own cap.
		DisableCompression: true,
	}
}

type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// checkRedirect allows at most maxRedirects hops, to http and https only,
// and names a loop as such.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return &redirectError{fmt.Sprintf("redirect to a %s: URL refused (only http and https)", s)}
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return &redirectError{fmt.Sprintf("redirect loop (back to %s)", req.URL)}
		}
	}
	if len(via) > maxRedirects {
		return &redirectError{fmt.Sprintf("more than %d redirects", maxRedirects)}
	}
	return nil
}

// get reads rawURL under the Fetcher's limits: http(s) with validators and
// gzip, file: URLs and plain paths from disk, herald: names from Embedded.
func (f *Fetcher) get(ctx context.Context, rawURL string, o getOptions) (body, error) {
	u, err := url.Parse(rawURL)
	switch {
	case isPlainPath(rawURL):
		return f.readFile(ctx, rawURL, expandHome(rawURL))
	case err != nil:
		return body{}, fetchErr(rawURL, err, "not a valid URL: %v", err)
	case u.Scheme == "http" || u.Scheme == "https":
		return f.getHTTP(ctx, rawURL, o)
	case u.Scheme == "file":
		if u.Host != "" && u.Host != "localhost" {
			return body{}, fetchErr(rawURL, nil, "file URL on another host (%s)", u.Host)
		}
		p := u.Path
		if p == "" {
			p = u.Opaque // file:relative/path
		}
		return f.readFile(ctx, rawURL, filepath.FromSlash(p))
	case u.Scheme == "herald":
		name := u.Opaque
		if name == "" {
			name = strings.TrimPrefix(u.Host+u.Path, "/")
		}
		return f.readEmbedded(rawURL, name)
	}
	return body{}, fetchErr(rawURL, nil, "unsupported URL scheme %q (only http, https and file)", u.Scheme)
}

// isPlainPath reports a path rather than a URL: no scheme, or a Windows
// drive letter.
func isPlainPath(s string) bool {
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "~") {
		return true
	}
	if len(s) >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/') {
		return true
	}
	i := strings.IndexByte(s, ':')
	return i < 0
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

func (f *Fetcher) getHTTP(ctx context.Context, rawURL string, o getOptions) (body, error) {
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return body{}, fetchErr(rawURL, err, "bad request: %v", err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", o.accept)
	req.Header.Set("Accept-Encoding", "gzip")
	if o.etag != "" {
		req.Header.Set("If-None-Match", o.etag)
	}
	if o.lastModified != "" {
		req.Header.Set("If-Modified-Since", o.lastModified)
	}
	client := f.client
	if o.client != nil {
		client = o.client
	}
	resp, err := client.Do(req)
	if err != nil {
		return body{}, fetchErr(rawURL, err, "%s", describe(err, f.opts.Timeout))
	}
	defer resp.Body.Close()

	b := body{
		etag:           resp.Header.Get("ETag"),
		lastModified:   resp.Header.Get("Last-Modified"),
		contentType:    mediaType(resp.Header.Get("Content-Type")),
		rawContentType: resp.Header.Get("Content-Type"),
		url:            resp.Request.URL.String(),
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		b.notModified = true
		return b, nil
	default:
		return body{}, statusErr(rawURL, resp)
	}

	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		b.gzipped = true
	default:
		return body{}, fetchErr(rawURL, nil, "unsupported Content-Encoding %q", enc)
	}
	b.data, err = f.readCapped(rawURL, resp.Body, resp.ContentLength)
	if err != nil {
		return body{}, err
	}
	if o.keepGzip {
		return b, nil
	}
	return f.inflate(rawURL, b)
}

// readCapped reads r to the end, failing once it yields more than
// MaxBodyBytes. sizeHint, when positive, is the expected size: the buffer
// starts there instead of doubling its way up (and keeping up to twice
// what it holds).
func (f *Fetcher) readCapped(rawURL string, r io.Reader, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 {
		buf.Grow(int(min(sizeHint, f.opts.MaxBodyBytes) + bytes.MinRead))
	}
	_, err := buf.ReadFrom(io.LimitReader(r, f.opts.MaxBodyBytes+1))
	if err != nil {
		return nil, fetchErr(rawURL, err, "reading body: %s", describe(err, f.opts.Timeout))
	}
	if int64(buf.Len()) > f.opts.MaxBodyBytes {
		return nil, fetchErr(rawURL, nil, "body exceeds %d bytes", f.opts.MaxBodyBytes)
	}
	return buf.Bytes(), nil
}

func (f *Fetcher) readEmbedded(rawURL, name string) (body, error) {
	if f.opts.Embedded == nil || !fs.ValidPath(name) {
		return body{}, fetchErr(rawURL, fs.ErrNotExist, "no embedded feed named %q", name)
	}
	file, err := f.opts.Embedded.Open(name)
	if err != nil {
		return body{}, fetchErr(rawURL, err, "no embedded feed named %q", name)
	}
	defer file.Close()
	data, err := f.readCapped(rawURL, file, 0)
	if err != nil {
		return body{}, err
	}
	return body{data: data, url: rawURL}, nil
}

func fileReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return mt
}
