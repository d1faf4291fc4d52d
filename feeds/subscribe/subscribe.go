// Package subscribe turns what a user gives as a feed address into a feed:
// it normalises URLs (feed://, case, missing scheme), tells when two URLs
// name the same feed, and finds a web page's feed through its
// <link rel="alternate"> tags.
package subscribe

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
)

// Normalize returns the feed URL for raw: "feed://host/x" and
// "feed:https://host/x" become http and https URLs, the scheme and host are
// lower-cased, "example.com/rss" gets https://, and an absolute file path
// becomes a file: URL. Paths and queries are kept as they are.
func Normalize(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("empty URL")
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "feed:http://"), strings.HasPrefix(lower, "feed:https://"):
		s = s[len("feed:"):]
	case strings.HasPrefix(lower, "feed://"):
		s = "http://" + s[len("feed://"):]
	case strings.HasPrefix(s, "/"):
		return (&url.URL{Scheme: "file", Path: filepath.Clean(s)}).String(), nil
	case !strings.Contains(s, "://") && !strings.HasPrefix(lower, "file:") && !strings.HasPrefix(lower, "herald:") && looksLikeHost(s):
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %v", raw, errors.Unwrap(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "", fmt.Errorf("%q has no host", raw)
		}
		u.Host = strings.ToLower(u.Host)
	case "file", "herald":
	case "":
		return "", fmt.Errorf("%q is not an absolute URL", raw)
	default:
		return "", fmt.Errorf("%q: unsupported URL scheme %q (http, https, feed or file)", raw, u.Scheme)
	}
	return u.String(), nil
}

// looksLikeHost reports whether s starts with something like a host name:
// "example.com", "localhost:8080".
func looksLikeHost(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return host == "localhost" || (strings.Contains(host, ".") && !strings.ContainsAny(host, " \\"))
}

// Key identifies a feed URL for duplicate checks: http and https, the case
// of the scheme and host, a default port, a trailing slash and a fragment
// do not make another feed.
func Key(raw string) string {
	s := strings.TrimSpace(raw)
	if n, err := Normalize(s); err == nil {
		s = n
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return strings.TrimSuffix(s, "/")
	}
	if u.Scheme == "https" || u.Scheme == "http" {
		if p := u.Port(); (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") {
			u.Host = u.Hostname()
		}
		u.Scheme = "http"
	}
	u.Fragment, u.RawFragment = "", ""
	return strings.TrimSuffix(u.String(), "/")
}
