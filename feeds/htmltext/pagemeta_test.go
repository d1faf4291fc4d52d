package htmltext

import (
	"testing"
	"time"
)

func TestMetaPublished(t *testing.T) {
	tests := []struct {
		name, page string
		want       time.Time
	}{
		{"open graph", `<html><head><meta property="article:published_time" content="2025-10-04T09:30:00+02:00"></head><body><p>x</p></body></html>`,
			time.Date(2025, 10, 4, 7, 30, 0, 0, time.UTC)},
		{"meta name", `<head><META NAME="pubdate" CONTENT="2024-02-29"></head>`, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"time element", `<article><time datetime="2023-05-01T12:00:00Z">May 1</time><p>Text</p></article>`,
			time.Date(2023, 5, 1, 12, 0, 0, 0, time.UTC)},
		{"meta wins over time", `<meta name="date" content="2022-01-02"><time datetime="2021-01-01">`, time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"unparsable", `<meta name="date" content="last Tuesday"><p>x</p>`, time.Time{}},
		{"none", `<p>Just text</p>`, time.Time{}},
	}
	for _, tt := range tests {
		if got := Meta(tt.page).Published; !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMetaTitle(t *testing.T) {
	for page, want := range map[string]string{
		`<head><title>Talks &amp; more | Site</title><meta property="og:title" content="Talks resume"></head>`: "Talks resume",
		`<head><title>  Talks &amp; more‮  </title></head>`:                                                    "Talks & more",
		`<p>no title</p>`: "",
	} {
		if got := Meta(page).Title; got != want {
			t.Errorf("%q: title %q, want %q", page, got, want)
		}
	}
}
