package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

type wantFeed struct{ url, title, tags string }

func importFixture(name string) string { return filepath.Join("testdata", "import", name) }

const baseImportConfig = "# mine\n[[feeds]]\nurl = \"https://mine.example/rss\"\n"

// importedFeeds imports a fixture into a fresh config and returns the feeds
// after the one the config had.
func importedFeeds(t *testing.T, args ...string) ([]FeedConfig, string) {
	t.Helper()
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, baseImportConfig)
	code, out, errOut := runFeedsCLI(t, append([]string{"--config", cfg, "feeds", "import"}, args...)...)
	if code != exitOK {
		t.Fatalf("import %v: exit %d: %s", args, code, errOut)
	}
	lc, err := LoadConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lc.Feeds[1:], out
}

func checkFeeds(t *testing.T, got []FeedConfig, want []wantFeed) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d feeds, want %d: %+v", len(got), len(want), got)
		return
	}
	for i, w := range want {
		g := got[i]
		if g.URL != w.url || g.Title != w.title || strings.Join(g.Tags, ",") != w.tags {
			t.Errorf("feed %d = {%s %q %q}, want {%s %q %q}", i, g.URL, g.Title, strings.Join(g.Tags, ","), w.url, w.title, w.tags)
		}
	}
}

func TestFeedsImportFormats(t *testing.T) {
	tests := []struct {
		file  string
		want  []wantFeed
		notes []string
	}{
		{"feedly.opml", []wantFeed{
			{"http://feeds.bbci.co.uk/news/world/rss.xml", "BBC News - World", "World"},
			{"https://www.theguardian.com/world/rss", "World news | The Guardian", "World,Europe"},
			{"https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera – Breaking News, World News and Video from Al Jazeera", "World"},
			{"https://www.politico.eu/feed/", "POLITICO", "Europe"},
			{"https://warontherocks.com/feed/", "", "Analysis"},
		}, []string{"https://www.theguardian.com/world/rss (line 14): listed before, at line 10; its tags are merged"}},
		{"inoreader.xml", []wantFeed{
			{"https://www.theguardian.com/politics/rss", "Politics | The Guardian", "Politics"},
			{"https://feeds.npr.org/1004/rss.xml", "NPR Topics: World", "Politics,Uncategorized"},
			{"https://www.lemonde.fr/rss/une.xml", "Le Monde.fr - Actualités et Infos en France et dans le monde", "Politics"},
			{"https://www.dw.com/rss/rss-en-world", "", "Uncategorized"},
			{"http://kyivindependent.com/news-archive/rss/", "Kyiv Independent", "Ukraine"},
		}, nil},
		{"netnewswire.opml", []wantFeed{
			{"https://daringfireball.net/feeds/main", "Daring Fireball", "Blogs"},
			{"https://www.reutersagency.com/feed/?best-topics=political-general&post_type=best", "Reuters: World", "News"},
			{"https://www.theatlantic.com/feed/channel/politics/", "The Atlantic — Politics", "News"},
			{"https://blog.example.org/atom.xml", "", "Blogs"},
		}, []string{
			`netnewswire.opml:12: outline "Broken subscription" has no xmlUrl`,
			`netnewswire.opml:14: outline "Empty folder" has no xmlUrl`,
		}},
		{"newsboat-urls", []wantFeed{
			{"https://www.theguardian.com/world/rss", "The Guardian: World", "world,europe,guardian"},
			{"http://feeds.bbci.co.uk/news/world/rss.xml", "", "world,BBC News"},
			{"https://feeds.npr.org/1004/rss.xml", `NPR "World"`, "radio"},
			{"https://www.aljazeera.com/xml/rss/all.xml", "", "world"},
			{"https://warontherocks.com/feed/", "", ""},
			{"http://kyivindependent.com/news-archive/rss/", "Kyiv Independent", "ukraine"},
		}, []string{"2 query: lines skipped", "1 exec: lines skipped", "1 filter: lines skipped"}},
		{"newsboat-export.opml", []wantFeed{
			{"https://www.theguardian.com/world/rss", "The Guardian: World", ""},
			{"http://feeds.bbci.co.uk/news/world/rss.xml", "BBC News - World", ""},
			{"https://feeds.npr.org/1004/rss.xml", `NPR "World"`, ""},
			{"https://warontherocks.com/feed/", "", ""},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, out := importedFeeds(t, importFixture(tt.file))
			checkFeeds(t, got, tt.want)
			for _, n := range tt.notes {
				if !strings.Contains(out, n) {
					t.Errorf("output lacks %q:\n%s", n, out)
				}
			}
		})
	}
}

func TestFeedsImportStdin(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, baseImportConfig)
	data, err := os.ReadFile(importFixture("newsboat-urls"))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	var errb strings.Builder
	code := run([]string{"--config", cfg, "feeds", "import", "-"}, strings.NewReader(string(data)), &out, &errb)
	if code != exitOK || !strings.Contains(out.String(), "6 feeds added to "+cfg) {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if data, _ := os.ReadFile(cfg); !strings.Contains(string(data), "# Imported from standard input on ") {
		t.Errorf("config:\n%s", data)
	}
}

// TestFeedsImportRoundTrip imports every fixture, exports, and imports the
// export into an empty config: the same feeds, titles and tags come back.
func TestFeedsImportRoundTrip(t *testing.T) {
	for _, file := range []string{"feedly.opml", "inoreader.xml", "netnewswire.opml", "newsboat-urls", "newsboat-export.opml"} {
		t.Run(file, func(t *testing.T) {
			dir := feedsEnv(t)
			cfg := writeTestConfig(t, dir, baseImportConfig)
			if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", importFixture(file)); code != exitOK {
				t.Fatalf("import: %s", errOut)
			}
			code, exported, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "export")
			if code != exitOK {
				t.Fatalf("export: %s", errOut)
			}
			other := filepath.Join(dir, "other")
			os.MkdirAll(other, 0o755)
			cfg2 := writeTestConfig(t, other, "[[feeds]]\nurl = \"https://mine.example/rss\"\n")
			var out, errb strings.Builder
			if code := run([]string{"feeds", "import", "-", "--config", cfg2}, strings.NewReader(exported), &out, &errb); code != exitOK {
				t.Fatalf("re-import: %s", errb.String())
			}
			a, _ := LoadConfig(cfg)
			b, _ := LoadConfig(cfg2)
			// The export groups feeds by folder: compare in URL order.
			byURL := func(x, y FeedConfig) int { return strings.Compare(x.URL, y.URL) }
			slices.SortFunc(a.Feeds, byURL)
			slices.SortFunc(b.Feeds, byURL)
			if len(a.Feeds) < 5 || !sameFeeds(a.Feeds, b.Feeds) {
				t.Errorf("after the round trip:\n%+v\nwas:\n%+v", b.Feeds, a.Feeds)
			}
		})
	}
}

func TestFeedsImportLocalFiles(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, baseImportConfig)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	fifo := filepath.Join(dir, "feed.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.xml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	urls := "https://remote.example/rss\nfile://" + good + " local\nfile://" + fifo + "\nfile:///dev/zero\nfile://" + link + "\nfile:///proc/self/status\n"
	list := filepath.Join(dir, "urls")
	os.WriteFile(list, []byte(urls), 0o644)

	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", list)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "file://"+good+" (line 2): a local file: add local feeds with --allow-local") {
		t.Errorf("without --allow-local:\n%s", out)
	}
	lc, _ := LoadConfig(cfg)
	if len(lc.Feeds) != 2 {
		t.Errorf("without --allow-local: feeds %+v", lc.Feeds)
	}

	code, out, errOut = runFeedsCLI(t, "--config", cfg, "feeds", "import", "--allow-local", list)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"added    file://" + good + " [local]",
		"1 local files added, read on every refresh: file://" + good,
		"feed.fifo (line 3): not a regular file",
		"file:///dev/zero (line 4): /dev/zero is a system file",
		"zero.xml (line 5): /dev/zero is a system file",
		"file:///proc/self/status (line 6):",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--allow-local: output lacks %q:\n%s", want, out)
		}
	}
	lc, _ = LoadConfig(cfg)
	if len(lc.Feeds) != 3 || lc.Feeds[2].URL != "file://"+good {
		t.Errorf("--allow-local: feeds %+v", lc.Feeds)
	}
}

func TestFeedsImportErrorsAreSanitised(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, baseImportConfig)
	bad := filepath.Join(dir, "bad.opml")
	os.WriteFile(bad, []byte("<opml version=\"2.0\"><body>\n<outline text=\"a\"></outline\u202e\u009b31m></body></opml>"), 0o644)
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", bad)
	if code != exitFailure || !strings.Contains(errOut, "bad.opml:2: ") {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	if strings.ContainsAny(out+errOut, "\u202e\u009b\x1b") {
		t.Errorf("raw input reached the terminal: %q", errOut)
	}
}
