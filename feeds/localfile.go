package feeds

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// readFile reads a file: feed under the same limits as an HTTP body: only
// a regular file, at most MaxBodyBytes, within the request timeout, and
// abandoned as soon as ctx ends. A FIFO, a device (/dev/zero, /dev/tty) or
// a file the kernel makes up as it is read (/proc, /sys) is refused before
// a byte is read: each can block for ever, never end, or steal the
// terminal's input.
func (f *Fetcher) readFile(ctx context.Context, rawURL, path string) (body, error) {
	if reason := notAFeedFile(path); reason != "" {
		return body{}, fetchErr(rawURL, nil, "%s", reason)
	}
	// O_NONBLOCK: should the path become a FIFO after the check above,
	// opening it still returns at once instead of waiting for a writer.
	file, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return body{}, fetchErr(rawURL, err, "%s", fileReason(err))
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return body{}, fetchErr(rawURL, err, "%s", fileReason(err))
	}
	if reason := notRegular(st.Mode()); reason != "" {
		return body{}, fetchErr(rawURL, nil, "%s", reason)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	data, err := f.readCapped(rawURL, ctxReader{ctx, file}, 0)
	if err != nil {
		return body{}, err
	}
	return body{data: data, url: rawURL}, nil
}

// notAFeedFile says why path cannot be a feed file, or "" when it may be.
func notAFeedFile(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return fileReason(err)
	}
	if reason := notRegular(st.Mode()); reason != "" {
		return reason
	}
	if runtime.GOOS == "linux" || runtime.GOOS == "android" {
		real, err := filepath.EvalSymlinks(path)
		if err == nil {
			real, _ = filepath.Abs(real)
		}
		for _, dir := range []string{"/proc/", "/sys/", "/dev/"} {
			if err == nil && strings.HasPrefix(real, dir) {
				return "is a file of the kernel (" + strings.TrimSuffix(dir, "/") + "), not a feed file"
			}
		}
	}
	return ""
}

func notRegular(m os.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "is a directory, not a feed file"
	case m&os.ModeNamedPipe != 0:
		return "is a named pipe (FIFO), not a feed file"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "is a device, not a feed file"
	case m&os.ModeSocket != 0:
		return "is a socket, not a feed file"
	}
	return "is not a regular file"
}

// ctxReader fails reads once ctx has ended, so that a slow disk or network
// file system cannot outlast the timeout or a cancelled refresh.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p[:min(len(p), 256<<10)])
}
