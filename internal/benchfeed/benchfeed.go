// Package benchfeed serves synthetic news feeds for benchmarks and for the
// comparison script: every feed has 20 items of 2–5 KB of news-like English
// (leaders, countries, quotes), generated deterministically from the feed's
// number, gzipped, with an ETag that a repeated request gets a 304 for.
package benchfeed

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"math/rand"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ItemsPerFeed is the number of items of every feed.
const ItemsPerFeed = 20

// Server serves /feed/N (N from 0) as RSS 2.0.
type Server struct {
	Latency time.Duration // waited before every answer
	// Generation changes every feed's items (new GUIDs and text): a
	// refresh after a bump sees ItemsPerFeed new articles per feed.
	Generation int
	// Size is each item's text in bytes before markup; 0: 2,000 to 5,000.
	Size int

	mu    sync.Mutex
	cache map[[2]int][]byte // (feed, generation) -> gzipped body
}

func (s *Server) etag(gen int) string { return fmt.Sprintf(`"bench-g%d"`, gen) }

// ServeHTTP answers /feed/N.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.Latency > 0 {
		time.Sleep(s.Latency)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil || n < 0 {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	gen := s.Generation
	s.mu.Unlock()
	etag := s.etag(gen)
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := s.body(n, gen)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(body)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var plain bytes.Buffer
	plain.ReadFrom(zr)
	w.Write(plain.Bytes())
}

// Warm generates the bodies of feeds 0..n-1 at the current generation, so
// that a benchmark does not time the server's work.
func (s *Server) Warm(n int) {
	s.mu.Lock()
	gen := s.Generation
	s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.body(i, gen)
	}
}

// Bump moves every feed to its next generation of items.
func (s *Server) Bump() {
	s.mu.Lock()
	s.Generation++
	s.mu.Unlock()
}

func (s *Server) body(n, gen int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.cache[[2]int{n, gen}]; ok {
		return b
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(Feed(n, gen, s.Size))
	zw.Close()
	if s.cache == nil {
		s.cache = map[[2]int][]byte{}
	}
	s.cache[[2]int{n, gen}] = buf.Bytes()
	return buf.Bytes()
}

// Feed is the RSS document of feed n at generation gen; size is as
// Server.Size.
func Feed(n, gen, size int) []byte {
	rng := rand.New(rand.NewSource(int64(n)*7919 + int64(gen)*104729 + 1))
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench outlet %d</title><link>https://outlet%d.example/</link><description>Synthetic news</description>
`, n, n)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(gen) * 24 * time.Hour)
	for i := 0; i < ItemsPerFeed; i++ {
		id := fmt.Sprintf("https://outlet%d.example/g%d/story/%d", n, gen, i)
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			html.EscapeString(Title(rng)), id, id,
			base.Add(-time.Duration(i*37+n%60)*time.Minute).Format(time.RFC1123Z),
			html.EscapeString(Article(rng, itemSize(rng, size))))
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

var (
	leaders = []struct{ full, short string }{
		{"Emmanuel Macron", "Macron"}, {"Olaf Scholz", "Scholz"}, {"Xi Jinping", "Xi"},
		{"Vladimir Putin", "Putin"}, {"Volodymyr Zelensky", "Zelensky"}, {"Narendra Modi", "Modi"},
		{"Luiz Inácio Lula da Silva", "Lula"}, {"Keir Starmer", "Starmer"}, {"Giorgia Meloni", "Meloni"},
		{"Recep Tayyip Erdogan", "Erdogan"},
	}
	people = []string{"Maria Lopez", "John Carter", "Aiko Tanaka", "Peter Novak", "Fatima Hassan", "David Brown"}
	places = []string{"France", "Germany", "China", "Russia", "Ukraine", "India", "Brazil", "Britain", "Italy",
		"Turkey", "Japan", "Canada", "Poland", "Egypt", "Mexico"}
	nouns = []string{"government", "talks", "economy", "budget", "election", "ministers", "trade", "border",
		"agreement", "sanctions", "parliament", "market", "inflation", "energy", "security", "summit",
		"workers", "farmers", "prices", "reforms", "court", "army", "ports", "schools", "hospitals"}
	verbs = []string{"expects", "rejected", "announced", "discussed", "warned about", "approved", "delayed",
		"criticised", "supports", "reviewed", "questioned", "welcomed"}
	adjs = []string{"new", "difficult", "important", "long", "early", "regional", "national", "public",
		"foreign", "local", "strong", "weak", "final", "second"}
	cues = []string{"said", "told reporters", "added", "said on Tuesday", "wrote"}
)

func itemSize(rng *rand.Rand, size int) int {
	if size > 0 {
		return size
	}
	return 2000 + rng.Intn(3000)
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.Intn(len(xs))] }

// Title is a headline.
func Title(rng *rand.Rand) string {
	l := leaders[rng.Intn(len(leaders))]
	return fmt.Sprintf("%s %s %s %s in %s", l.short, pick(rng, verbs), pick(rng, adjs), pick(rng, nouns), pick(rng, places))
}

// Article is about size bytes of paragraphs: plain sentences, sentences
// naming leaders and countries, and quotes attributed to a named speaker.
func Article(rng *rand.Rand, size int) string {
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString("<p>")
		for s := 0; s < 3+rng.Intn(3); s++ {
			l := leaders[rng.Intn(len(leaders))]
			// About one sentence in four names a leader or quotes
			// someone: some 5 statements and 12 mentions in 3 KB.
			switch rng.Intn(16) {
			case 0:
				fmt.Fprintf(&sb, "%s %s the %s %s with %s on %s. ", l.full, pick(rng, verbs), pick(rng, adjs),
					pick(rng, nouns), pick(rng, places), pick(rng, nouns))
			case 1, 2:
				fmt.Fprintf(&sb, "“The %s %s the %s,” %s %s. ", pick(rng, nouns), pick(rng, verbs), pick(rng, nouns),
					l.short, pick(rng, cues))
			case 3:
				fmt.Fprintf(&sb, "%s, a spokesperson in %s, said the %s %s %s was %s. ", pick(rng, people),
					pick(rng, places), pick(rng, adjs), pick(rng, nouns), pick(rng, verbs), pick(rng, adjs))
			default:
				fmt.Fprintf(&sb, "The %s %s %s the %s %s after the %s. ", pick(rng, adjs), pick(rng, nouns),
					pick(rng, verbs), pick(rng, adjs), pick(rng, nouns), pick(rng, nouns))
			}
		}
		sb.WriteString("</p>")
	}
	return sb.String()
}
