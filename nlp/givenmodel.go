package nlp

import (
	_ "embed"
	"encoding/binary"
	"math"
	"strings"
	"sync"
)

// The given-name model says how much a word reads like a person's name
// from its letters alone, so that "Kylian Mbappé" or "Wyndham Clark" is a
// person although no list holds Kylian or Wyndham. It is a logistic
// regression over hashed character n-grams, trained by TestTrainGivenModel
// (run it with -train-given to rewrite models/given.bin) on herald's own
// gazetteer: its given names and leaders' surnames against the other words
// it knows (places, organisations, titles, the attribution tables) and the
// everyday English words of models/english_words.txt.

// givenBuckets is the number of hashed n-gram features.
const givenBuckets = 1 << 14

// givenMinN and givenMaxN bound the n-gram lengths, boundary marks included.
const (
	givenMinN = 2
	givenMaxN = 4
)

//go:embed models/given.bin
var givenWeights []byte

//go:embed models/english_words.txt
var englishWords string

type givenModel struct {
	w      []float32
	bias   float32
	common map[string]bool // everyday English words
}

// givenLike reports a word that reads as a given name: the model says so
// and it is no everyday word.
func (m *givenModel) givenLike(key string) bool {
	return !m.common[key] && m.score(key) >= givenThreshold
}

// surnameLike reports a last word that may be a surname: not an everyday
// word or a plural ("Workers", "Panthers") unless the model finds it
// name-like all the same ("Brown", "Davis").
func (m *givenModel) surnameLike(key string) bool {
	p := m.score(key)
	if m.common[key] {
		return p >= 0.5
	}
	return !strings.HasSuffix(key, "s") || p >= 0.2
}

// givenThreshold is the model's score above which an unknown word reads as
// a given name.
const givenThreshold = 0.6

// parseWordList reads one word a line, skipping # comments.
func parseWordList(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}

// loadGivenModel decodes the embedded weights: givenBuckets float32 then
// the bias, little-endian. A model of the wrong size scores every word 0.
func loadGivenModel(b []byte) *givenModel {
	if len(b) != 4*(givenBuckets+1) {
		return &givenModel{}
	}
	m := &givenModel{w: make([]float32, givenBuckets)}
	for i := range m.w {
		m.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	m.bias = math.Float32frombits(binary.LittleEndian.Uint32(b[4*givenBuckets:]))
	return m
}

// defaultGivenModel is built on first use: commands that annotate nothing
// do not pay for decoding it.
var defaultGivenModel = sync.OnceValue(func() *givenModel {
	m := loadGivenModel(givenWeights)
	m.common = parseWordList(englishWords)
	return m
})

// givenFeatures calls f with the bucket of every n-gram of the folded word
// key, framed by ^ and $.
func givenFeatures(key string, f func(int)) {
	var buf [64]byte
	w := append(append(append(buf[:0], '^'), key...), '$')
	for n := givenMinN; n <= givenMaxN; n++ {
		for i := 0; i+n <= len(w); i++ {
			// FNV-1a of n and the n-gram
			h := uint32(2166136261)
			h = (h ^ uint32(n)) * 16777619
			for _, c := range w[i : i+n] {
				h = (h ^ uint32(c)) * 16777619
			}
			f(int(h % givenBuckets))
		}
	}
}

// score returns the probability that the folded word key is a given name.
func (m *givenModel) score(key string) float64 {
	if m.w == nil || len(key) < 2 || len(key) > 40 {
		return 0
	}
	z := float64(m.bias)
	givenFeatures(key, func(b int) { z += float64(m.w[b]) })
	return 1 / (1 + math.Exp(-z))
}

// encode is the inverse of loadGivenModel.
func (m *givenModel) encode() []byte {
	b := make([]byte, 4*(givenBuckets+1))
	for i, v := range m.w {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	binary.LittleEndian.PutUint32(b[4*givenBuckets:], math.Float32bits(m.bias))
	return b
}
