//go:build ignore

package main

import "fmt"

// formatMatrix writes the same small feeds in every format, at item counts 1
// and 20, so that a difference between formats shows up as one failing row.
func formatMatrix() {
	for _, n := range []int{1, 20} {
		slug := fmt.Sprintf("matrix-%d", n)
		ok(fmt.Sprintf("matrix-rss20-%d.xml", n), n, stdRSS(slug, n), fmt.Sprintf("RSS 2.0, %d items", n))
		ok(fmt.Sprintf("matrix-rss10-%d.rdf", n), n, rss10(n, ""), fmt.Sprintf("RSS 1.0, %d items", n))
		ok(fmt.Sprintf("matrix-rss092-%d.xml", n), n, rss09x("0.92", "", n, true), fmt.Sprintf("RSS 0.92, %d items", n))
		ok(fmt.Sprintf("matrix-atom10-%d.xml", n), n, stdAtom(slug, n), fmt.Sprintf("Atom 1.0, %d items", n))
		ok(fmt.Sprintf("matrix-atom03-%d.xml", n), n, atom03(n, "escaped"), fmt.Sprintf("Atom 0.3, %d items", n))
		ok(fmt.Sprintf("matrix-json11-%d.json", n), n, jsonFeed("https://jsonfeed.org/version/1.1", n, true), fmt.Sprintf("JSON Feed 1.1, %d items", n))
		ok(fmt.Sprintf("matrix-json10-%d.json", n), n, jsonFeed("https://jsonfeed.org/version/1", n, false), fmt.Sprintf("JSON Feed 1.0, %d items", n))
	}
}
