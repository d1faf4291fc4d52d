package export

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

var day = time.Date(2025, 11, 25, 9, 30, 0, 0, time.UTC)

func TestName(t *testing.T) {
	tests := []struct {
		name  string
		date  time.Time
		parts []string
		want  string
	}{
		{"filters", day, []string{"leader", "Keir Starmer", "country", "France"}, "2025-11-25-leader-keir-starmer-country-france.md"},
		{"diacritics", day, []string{"leader", "Recep Tayyip Erdoğan"}, "2025-11-25-leader-recep-tayyip-erdogan.md"},
		{"no filters", day, nil, "2025-11-25.md"},
		{"zero date", time.Time{}, []string{"feed", "BBC News: World"}, "feed-bbc-news-world.md"},
		{"nothing at all", time.Time{}, []string{"", "../..", "\x00"}, "export.md"},
		{"traversal", day, []string{"../../etc/passwd"}, "2025-11-25-etc-passwd.md"},
		{"absolute", day, []string{"/abs/path"}, "2025-11-25-abs-path.md"},
		{"escape sequence", day, []string{"\x1b]0;pwned\x07x", "\x1b[31mred"}, "2025-11-25-0-pwned-x-31mred.md"},
		{"leading dash", time.Time{}, []string{"--rm -rf"}, "rm-rf.md"},
		{"non-latin kept", day, []string{"Зеленський"}, "2025-11-25-зеленськии.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Name(tt.date, tt.parts...)
			if got != tt.want {
				t.Errorf("Name = %q, want %q", got, tt.want)
			}
			assertSafeName(t, got)
		})
	}
}

func TestNameLengthCapped(t *testing.T) {
	long := strings.Repeat("Ursula von der Leyen ", 40)
	got := Name(day, "leader", long, "country", long)
	if len(got) > MaxNameBytes {
		t.Errorf("len(Name) = %d, want <= %d", len(got), MaxNameBytes)
	}
	if !strings.HasSuffix(got, ".md") || strings.HasSuffix(got, "-.md") {
		t.Errorf("Name = %q: want a clean .md ending", got)
	}
	multi := Name(day, strings.Repeat("ü", 200))
	if !utf8.ValidString(multi) || len(multi) > MaxNameBytes {
		t.Errorf("multibyte name cut badly: %q (%d bytes)", multi, len(multi))
	}
}

func assertSafeName(t *testing.T, name string) {
	t.Helper()
	if name == "" || name == "." || name == ".." {
		t.Fatalf("unsafe name %q", name)
	}
	if strings.ContainsAny(name, "/\\\x00") {
		t.Errorf("name %q has a separator or NUL", name)
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-") {
		t.Errorf("name %q starts with a dot or dash", name)
	}
	for _, r := range name {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			t.Errorf("name %q has control character %U", name, r)
		}
	}
	if len(name) > MaxNameBytes {
		t.Errorf("name %q is %d bytes", name, len(name))
	}
}

func TestCleanHostileNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"notes.md", "notes.md"},
		{"Starmer & Macron.md", "Starmer & Macron.md"},
		{"../../etc/passwd", "-etc-passwd"[1:]},
		{"/abs/file.md", "abs-file.md"},
		{"..", "export"},
		{".", "export"},
		{"...", "export"},
		{"", "export"},
		{"a\x00b.md", "ab.md"},
		{"\x1b[2Jclear.md", "clear.md"},
		{"evil\u202egnp.md", "evilgnp.md"},
		{".hidden", "hidden"},
		{"-n", "n"},
		{`..\..\windows`, "windows"},
		{"trailing. . ", "trailing"},
	}
	for _, tt := range tests {
		got := Clean(tt.in)
		if got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		assertSafeName(t, got)
	}
	long := Clean(strings.Repeat("x", 500) + ".md")
	if len(long) > MaxNameBytes || !strings.HasSuffix(long, ".md") {
		t.Errorf("long name = %q (%d bytes): want capped with .md kept", long, len(long))
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports", "nested")
	name := Name(day, "leader", "Keir Starmer")
	var paths []string
	for i := 0; i < 4; i++ {
		p, err := WriteFile(dir, name, []byte{byte('a' + i)})
		if err != nil {
			t.Fatalf("Write %d: %v", i, err)
		}
		paths = append(paths, p)
	}
	wantBases := []string{
		"2025-11-25-leader-keir-starmer.md",
		"2025-11-25-leader-keir-starmer-2.md",
		"2025-11-25-leader-keir-starmer-3.md",
		"2025-11-25-leader-keir-starmer-4.md",
	}
	for i, p := range paths {
		if filepath.Base(p) != wantBases[i] || filepath.Dir(p) != dir {
			t.Errorf("write %d went to %s, want %s", i, p, filepath.Join(dir, wantBases[i]))
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != string(rune('a'+i)) {
			t.Errorf("%s holds %q (%v), want %q: an earlier export was overwritten", p, got, err, string(rune('a'+i)))
		}
	}
	assertNoTemporaries(t, dir)
}

func TestWriteKeepsForeignFile(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "report.md")
	if err := os.WriteFile(existing, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := WriteFile(dir, "report.md", []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if p != filepath.Join(dir, "report-2.md") {
		t.Errorf("path = %s, want report-2.md", p)
	}
	if b, _ := os.ReadFile(existing); string(b) != "precious" {
		t.Errorf("existing file now holds %q", b)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode = %v (%v), want 0644", fi.Mode().Perm(), err)
	}
}

func TestWriteConcurrentWritersGetDistinctFiles(t *testing.T) {
	dir := t.TempDir()
	const n = 16
	var wg sync.WaitGroup
	paths := make([]string, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			paths[i], errs[i] = WriteFile(dir, "same.md", []byte{byte(i)})
		}(i)
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, p := range paths {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v", i, errs[i])
		}
		if seen[p] {
			t.Errorf("two writers got %s", p)
		}
		seen[p] = true
		if b, err := os.ReadFile(p); err != nil || len(b) != 1 || b[0] != byte(i) {
			t.Errorf("%s holds %v (%v), want [%d]", p, b, err, i)
		}
	}
	assertNoTemporaries(t, dir)
}

func TestWriteTraversalStaysInside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "exports")
	hostile := []string{
		"../../etc/passwd", "../escape.md", "/abs/x.md", "..", ".", "",
		"a/../../b.md", "nul\x00byte.md", "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\.md",
		`..\..\win.md`, "\n\r\t",
	}
	for _, name := range hostile {
		p, err := WriteFile(dir, name, []byte("x"))
		if err != nil {
			t.Errorf("Write(%q): %v", name, err)
			continue
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || filepath.Dir(p) != dir || strings.HasPrefix(rel, "..") {
			t.Errorf("Write(%q) wrote %s, outside %s", name, p, dir)
		}
		assertSafeName(t, filepath.Base(p))
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "exports" {
		t.Errorf("files appeared beside the export dir: %v", entries)
	}
}

func TestWriteAtomicReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.toml")
	if err := WriteAtomic(p, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v, want 0600", fi.Mode().Perm())
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(p, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "two" || fi.Mode().Perm() != 0o640 {
		t.Errorf("after replace: %q mode %v, want \"two\" mode 0640", b, fi.Mode().Perm())
	}
	assertNoTemporaries(t, dir)
}

func TestWriteAtomicFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "dotfiles", "herald.toml")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "config.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := WriteAtomic(link, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q, want new", b)
	}
}

func assertNoTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"../../etc/passwd", "..", "a\x00b", "\x1b[31m", "/x", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSafeName(t, Clean(s))
		assertSafeName(t, Name(day, s))
	})
}
