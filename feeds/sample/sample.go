// Package sample embeds herald's built-in sample feed: a handful of original
// world-politics articles so that a first run has something to read and
// highlight even with no network.
package sample

import "embed"

// FS holds the sample feeds. The fetcher serves each file under a URL of the
// form "herald:NAME", so world.xml is fetched as "herald:world.xml".
//
//go:embed *.xml
var FS embed.FS
