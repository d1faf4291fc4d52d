package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// shortenMessage fits a status message in w cells without losing its
// meaning: the paths and URLs in it are cut from the middle first (keeping
// where they start and the file name), and only then is the end cut. The
// reason, which comes last in "doing X: path: reason", survives.
func shortenMessage(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	words := strings.Split(s, " ")
	for {
		over := ansi.StringWidth(strings.Join(words, " ")) - w
		if over <= 0 {
			return strings.Join(words, " ")
		}
		// the path-like word with the most room to give
		best, bestRoom := -1, 0
		for i, word := range words {
			if room := len([]rune(word)) - minPathLen(word); isPathLike(word) && room > bestRoom {
				best, bestRoom = i, room
			}
		}
		if best < 0 {
			return elideMiddle(words, w)
		}
		words[best] = cutPath(words[best], len([]rune(words[best]))-min(over, bestRoom))
	}
}

// elideMiddle drops the words between the last path and the last two words
// (the reason) until the message fits, then cuts its middle.
func elideMiddle(words []string, w int) string {
	from := 1
	for i, word := range words {
		if isPathLike(word) {
			from = i + 1
		}
	}
	if from < len(words)-2 {
		words = append(append(append([]string(nil), words[:from]...), "…"), words[from:]...)
		for ansi.StringWidth(strings.Join(words, " ")) > w && from+1 < len(words)-2 {
			words = append(words[:from+1], words[from+2:]...)
		}
	}
	return cutMiddle(strings.Join(words, " "), w)
}

// minPathLen is as short as cutPath makes a path: its start (the scheme
// or first characters), "…" and its last element.
func minPathLen(word string) int {
	r := []rune(word)
	tail := len(r) - lastSlash(r)
	return min(len(r), tail+10)
}

func lastSlash(r []rune) int {
	for i := len(r) - 1; i > 0; i-- {
		if r[i] == '/' || r[i] == '\\' {
			return i
		}
	}
	return 0
}

// cutPath shortens a path or URL to n runes, keeping its last element.
func cutPath(word string, n int) string {
	r := []rune(word)
	if len(r) <= n {
		return word
	}
	tail := r[lastSlash(r):]
	head := n - 1 - len(tail)
	if head < 1 {
		return cutMiddle(word, n)
	}
	return string(r[:head]) + "…" + string(tail)
}

func isPathLike(word string) bool {
	return strings.ContainsAny(word, "/\\") && !strings.HasSuffix(word, "/")
}

// cutMiddle shortens s to n cells with "…" in the middle, keeping more of
// the end than of the start.
func cutMiddle(s string, n int) string {
	r := []rune(s)
	if ansi.StringWidth(s) <= n {
		return s
	}
	if n < 3 {
		return string(r[:n])
	}
	head := (n - 1) / 3
	tail := n - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// chipLabel is a filter chip, at most w cells wide.
func chipLabel(label string, w int) string {
	return "[" + ansi.Truncate(label, max(4, w-2), "…") + "]"
}
