package export

// Export files are named and written safely: names built from
// user-controlled text can never leave the export directory, a file is never
// seen half-written, and an existing file is never overwritten.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// MaxNameBytes caps the length of a file name (well under the 255 bytes most
// file systems allow, leaving room for a collision suffix).
const MaxNameBytes = 160

// maxSuffix bounds the collision suffixes tried (-2 … -maxSuffix).
const maxSuffix = 10000

// fallbackStem is the name used when nothing usable is left of a name.
const fallbackStem = "export"

// Name builds a markdown file name from a date and filter parts:
// Name(d, "leader", "Keir Starmer", "country", "France") is
// "2025-11-25-leader-keir-starmer-country-france.md". Each part is reduced to
// lower-case letters and digits joined by '-' (diacritics removed), so the
// result has no path separators, dots, control characters or leading dash,
// is at most MaxNameBytes long and is never empty. A zero date is left out.
func Name(date time.Time, parts ...string) string { return NameExt(date, ".md", parts...) }

// NameExt is Name with another extension (".jsonl", ".csv").
func NameExt(date time.Time, ext string, parts ...string) string {
	var words []string
	if !date.IsZero() {
		words = append(words, date.Format("2006-01-02"))
	}
	for _, p := range parts {
		if s := slug(p); s != "" {
			words = append(words, s)
		}
	}
	stem := strings.Join(words, "-")
	stem = strings.TrimRight(truncate(stem, MaxNameBytes-len(ext)), "-")
	if stem == "" {
		stem = fallbackStem
	}
	return stem + ext
}

// slug lowers s, drops diacritics and turns every run of characters that are
// not letters or digits into one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return norm.NFC.String(b.String())
}

// Clean makes name safe as a single file name inside a directory while
// keeping it recognisable (case and punctuation stay): path separators become
// '-', control and format characters (escape sequences, bidi overrides, NUL)
// and whole escape sequences are removed, leading dots, dashes and spaces and trailing dots and spaces
// are trimmed, and the length is capped at MaxNameBytes keeping a short
// extension. It is never empty, "." or "..".
func Clean(name string) string {
	var b strings.Builder
	for _, r := range sanitize.Line(name) {
		switch {
		case r == '/' || r == '\\':
			b.WriteByte('-')
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// dropped: NUL, ESC, C1 controls, invalid UTF-8, bidi controls
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimLeft(b.String(), ".- ")
	s = strings.TrimRight(s, ". ")
	if len(s) > MaxNameBytes {
		stem, ext := splitExt(s)
		if len(ext) > 16 {
			stem, ext = s, ""
		}
		s = strings.TrimRight(truncate(stem, MaxNameBytes-len(ext)), ". ") + ext
	}
	if s == "" || strings.Trim(s, ".") == "" {
		return fallbackStem
	}
	return s
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// splitExt splits "name.md" into "name" and ".md"; a leading dot is no
// extension.
func splitExt(name string) (stem, ext string) {
	ext = filepath.Ext(name)
	if ext == name || ext == "." {
		return name, ""
	}
	return strings.TrimSuffix(name, ext), ext
}

// candidate is the n-th name tried for name: the name itself, then
// "stem-2.ext", "stem-3.ext", …
func candidate(name string, n int) string {
	if n <= 1 {
		return name
	}
	stem, ext := splitExt(name)
	// Clean capped name at MaxNameBytes; the suffix stays far below the
	// 255-byte limit of file systems.
	return fmt.Sprintf("%s-%d%s", stem, n, ext)
}

// WriteFile writes data to a new file named name (after Clean) in dir, creating
// dir (0755) if needed, and returns the path written. The data goes to a
// temporary file in dir that is synced and then hard-linked to the final
// name, so the file appears complete or not at all; when the name is taken,
// "-2", "-3", … is added before the extension. An existing file is never
// replaced, even by a concurrent writer: the link fails instead.
func WriteFile(dir, name string, data []byte) (string, error) {
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating export directory: %w", err)
	}
	name = Clean(name)
	tmp, err := writeTemp(dir, data, 0o644)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for n := 1; n <= maxSuffix; n++ {
		final, err := inside(dir, candidate(name, n))
		if err != nil {
			return "", err
		}
		err = os.Link(tmp, final)
		if err == nil {
			syncDir(dir)
			return final, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		// Hard links are not supported everywhere (some network and FAT
		// file systems): claim the name with O_EXCL, then rename the
		// complete temporary file over our own placeholder.
		ok, err := claimAndRename(tmp, final)
		if err != nil {
			return "", err
		}
		if ok {
			syncDir(dir)
			return final, nil
		}
	}
	return "", fmt.Errorf("%s: no free name after %d attempts", filepath.Join(dir, name), maxSuffix)
}

// claimAndRename creates final exclusively and renames tmp over it. It
// reports false when final already exists.
func claimAndRename(tmp, final string) (bool, error) {
	f, err := os.OpenFile(final, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	f.Close()
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(final)
		return false, err
	}
	return true, nil
}

// inside joins dir and name and checks that the result stays in dir.
func inside(dir, name string) (string, error) {
	p := filepath.Join(dir, name)
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel != name || filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("export name %q leaves the directory %s", name, dir)
	}
	return p, nil
}

// WriteAtomic replaces the file at path with data: written to a temporary
// file beside it, synced, then renamed over it, so readers see the old or
// the new content and never a mix. An existing file keeps its permissions
// (perm is used for a new file); a symbolic link is followed, so the file it
// points to is replaced and the link stays.
func WriteAtomic(path string, data []byte, perm os.FileMode) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		perm = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// writeTemp writes data to a new hidden temporary file in dir, synced and
// closed, with mode perm, and returns its path.
func writeTemp(dir string, data []byte, perm os.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".herald-*.tmp")
	if err != nil {
		return "", fmt.Errorf("creating a temporary file in %s: %w", dir, err)
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", fmt.Errorf("writing %s: %w", name, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("writing %s: %w", name, err)
	}
	return name, nil
}

// syncDir flushes a directory entry change to disk; best effort, since not
// every platform can sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
