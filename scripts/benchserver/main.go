// Command benchserver serves the synthetic feeds of internal/benchfeed
// (20 items of 2–5 KB each, gzipped, with ETags) for comparing herald with
// other readers on the same local server; see scripts/compare-newsboat.sh.
//
//	go run ./scripts/benchserver -addr 127.0.0.1:8399 -latency 50ms
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/herald-reader/herald/internal/benchfeed"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8399", "address to listen on")
	latency := flag.Duration("latency", 50*time.Millisecond, "wait before every answer")
	size := flag.Int("size", 0, "bytes of text per item (0: 2,000 to 5,000)")
	flag.Parse()
	s := &benchfeed.Server{Latency: *latency, Size: *size}
	log.Printf("serving %s/feed/N", *addr)
	log.Fatal(http.ListenAndServe(*addr, s))
}
