package ui

import (
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// The analyst fixture adds two annotated articles to the golden fixture,
// so that leaders and countries appear in more than one article:
//
//	Macron:   articles 1 and 6      Germany: articles 1 and 6
//	Merz:     articles 1 and 7      Ukraine: articles 1 and 7
//	Zelensky: article 7             France:  article 1
const (
	berlinTitle = "Macron in Berlin for talks on European defence"
	berlinText  = berlinTitle + `

President Emmanuel Macron arrived in Germany on Friday for talks on defence.
“Europe must stand together and pay for its own security,” Macron said.`

	kyivTitle = "Merz promises Zelensky more air defence"
	kyivText  = kyivTitle + `

Chancellor Friedrich Merz spoke with President Volodymyr Zelensky about Ukraine on Thursday.
“We will keep helping for as long as it takes,” Merz said.
“Every system saves lives,” Zelensky said.`
)

var zelensky = &nlp.Speaker{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Leader: true}

func analystLib(t testing.TB) *fakeLib {
	lib := fixtureLib(t)
	lib.arts = append(lib.arts,
		store.Article{ArticleSummary: summary(6, 2, "Capital Wire", berlinTitle, time.Hour, false, false), Text: berlinText, Hash: "h6"},
		store.Article{ArticleSummary: summary(7, 1, "World Desk", kyivTitle, 5*time.Hour, false, false), Text: kyivText, Hash: "h7"},
	)
	lib.anns[6] = newDoc(t, berlinText).
		entity(nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true, "Emmanuel Macron", 0).
		entity(nlp.KindCountry, "germany", "Germany", false, "Germany", 0).
		entity(nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true, "Macron", 2).
		quote("Europe must stand together and pay for its own security,", macron).
		build()
	lib.anns[7] = newDoc(t, kyivText).
		entity(nlp.KindPerson, "friedrich-merz", "Friedrich Merz", true, "Friedrich Merz", 0).
		entity(nlp.KindPerson, "volodymyr-zelensky", "Volodymyr Zelensky", true, "Volodymyr Zelensky", 0).
		entity(nlp.KindCountry, "ukraine", "Ukraine", false, "Ukraine", 0).
		entity(nlp.KindPerson, "friedrich-merz", "Friedrich Merz", true, "Merz", 2).
		entity(nlp.KindPerson, "volodymyr-zelensky", "Volodymyr Zelensky", true, "Zelensky", 2).
		quote("We will keep helping for as long as it takes,", merz).
		quote("Every system saves lives,", zelensky).
		build()
	return lib
}
