package sync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// maxResponse bounds a response body: a page of entries with their content.
const maxResponse = 64 << 20

// httpClient runs requests and turns failures into errors that name the
// source, the request and the reason.
type httpClient struct {
	name string
	hc   *http.Client
}

// do runs req; a status outside 2xx is an error (ErrAuth for 401 and 403),
// else the body is decoded into out (when not nil) as JSON, or returned.
func (c *httpClient) do(req *http.Request, out any) ([]byte, http.Header, error) {
	req.Header.Set("User-Agent", "herald (+https://github.com/herald-reader/herald)")
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return nil, nil, ctxErr
		}
		return nil, nil, fmt.Errorf("source %s: %s %s: cannot reach the server: %s", c.name, req.Method, req.URL.Path, sanitize.Line(rootCause(err)))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, nil, fmt.Errorf("source %s: %s %s: reading the response: %s", c.name, req.Method, req.URL.Path, sanitize.Line(err.Error()))
	}
	if len(body) > maxResponse {
		return nil, nil, fmt.Errorf("source %s: %s %s: response larger than %d MiB", c.name, req.Method, req.URL.Path, maxResponse>>20)
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, nil, fmt.Errorf("source %s: %w (HTTP %d from %s): check the username, password or token", c.name, ErrAuth, resp.StatusCode, req.URL.Path)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, nil, &statusError{code: resp.StatusCode,
			msg: fmt.Sprintf("source %s: %s %s: HTTP %s%s", c.name, req.Method, req.URL.Path, resp.Status, serverMessage(body))}
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return nil, nil, fmt.Errorf("source %s: %s %s: unexpected response: %s", c.name, req.Method, req.URL.Path, sanitize.Line(err.Error()))
		}
	}
	return body, resp.Header, nil
}

// serverMessage is the error a server put in its body, for the message.
func serverMessage(body []byte) string {
	var m struct {
		ErrorMessage string `json:"error_message"`
	}
	msg := ""
	if json.Unmarshal(body, &m) == nil && m.ErrorMessage != "" {
		msg = m.ErrorMessage
	} else if s := strings.TrimSpace(string(body)); len(s) > 0 && len(s) < 200 {
		msg = s
	}
	if msg == "" {
		return ""
	}
	return ": " + sanitize.Line(msg)
}

// rootCause drops the "Get URL:" wrapping of net/http's errors.
func rootCause(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		err = u
	}
}

func newRequest(ctx context.Context, method, url string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, fmt.Errorf("bad request URL %s: %w", url, err)
	}
	return req, nil
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func isAuth(err error) bool { return errors.Is(err, ErrAuth) }

// flexString reads a JSON string or number (servers differ on continuations).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = flexString(n.String())
	return nil
}

// statusError is a response outside 2xx (other than 401 and 403).
type statusError struct {
	code int
	msg  string
}

func (e *statusError) Error() string { return e.msg }

// isStatus reports whether err is a response with one of these statuses.
func isStatus(err error, codes ...int) bool {
	var se *statusError
	if !errors.As(err, &se) {
		return false
	}
	for _, c := range codes {
		if se.code == c {
			return true
		}
	}
	return false
}
