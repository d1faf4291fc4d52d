package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// FetchError is the reason a feed (or an article page) could not be fetched
// or parsed. Its message always names the URL. Both fields are sanitised:
// servers choose status lines, redirect targets and parser complaints.
type FetchError struct {
	URL    string
	Status int    // HTTP status when the server answered, else 0
	Reason string // what went wrong, for people
	cause  error
}

func (e *FetchError) Error() string { return e.URL + ": " + e.Reason }

// Unwrap gives errors.Is access to the underlying cause (for example
// context.DeadlineExceeded).
func (e *FetchError) Unwrap() error { return e.cause }

func fetchErr(url string, cause error, format string, args ...any) *FetchError {
	return &FetchError{URL: sanitize.Line(url), Reason: sanitize.Line(fmt.Sprintf(format, args...)), cause: cause}
}

func statusErr(url string, resp *http.Response) *FetchError {
	return &FetchError{URL: sanitize.Line(url), Status: resp.StatusCode, Reason: sanitize.Line("HTTP " + resp.Status)}
}

// describe turns a transport error into a short reason.
func describe(err error, timeout time.Duration) string {
	var re *redirectError
	var ne net.Error
	var dnsErr *net.DNSError
	if be, ok := isBlocked(err); ok {
		return be.Error()
	}
	switch {
	case errors.As(err, &re):
		return re.msg
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("timed out after %s", timeout)
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &dnsErr):
		return "cannot resolve host " + dnsErr.Name
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("timed out after %s", timeout)
	}
	return err.Error()
}
