package nlp

import (
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

var trainGiven = flag.Bool("train-given", false, "retrain the given-name model and write models/given.bin")

// givenExample is one training word and whether it is a given name.
type givenExample struct {
	key   string
	given bool
}

// givenTrainingSet labels every word the default index knows: its given
// names and leaders' surnames against its places, organisations, titles,
// the words of the attribution tables and everyday English words. Sorted,
// so training is deterministic.
func givenTrainingSet(a *Annotator) []givenExample {
	label := map[string]bool{}
	plain := func(k string) bool {
		if len(k) < 2 {
			return false
		}
		for i := 0; i < len(k); i++ {
			if k[i] < 'a' || k[i] > 'z' {
				return false
			}
		}
		return true
	}
	neg := func(k string) {
		if _, seen := label[k]; !seen && plain(k) {
			label[k] = false
		}
	}
	for k, e := range a.idx.lex {
		if (e.flags&lexGiven != 0 || len(e.surnameOf) > 0 && len(e.phrases) == 0 && len(e.roles) == 0 &&
			e.flags&(lexNotName|lexOrgWord) == 0) && plain(k) {
			label[k] = true
		}
	}
	for k, e := range a.idx.lex {
		for _, p := range e.phrases {
			for _, w := range p.keys {
				neg(w)
			}
		}
		for _, r := range e.roles {
			for _, w := range r.keys {
				neg(w)
			}
		}
		if e.flags&^(lexGiven|lexMale|lexFemale|lexAmbiguousGiven|lexCommonSurname) != 0 {
			neg(k)
		}
	}
	for k := range a.stm.words {
		neg(k)
	}
	for w := range parseWordList(englishWords) {
		neg(w)
	}
	out := make([]givenExample, 0, len(label))
	for k, g := range label {
		out = append(out, givenExample{k, g})
	}
	slices.SortFunc(out, func(x, y givenExample) int {
		if x.key < y.key {
			return -1
		}
		if x.key > y.key {
			return 1
		}
		return 0
	})
	return out
}

// trainGivenModel fits the logistic regression by stochastic gradient
// descent, each class weighted by the other's share.
func trainGivenModel(set []givenExample) *givenModel {
	m := &givenModel{w: make([]float32, givenBuckets)}
	pos := 0
	for _, ex := range set {
		if ex.given {
			pos++
		}
	}
	wPos, wNeg := float64(len(set))/(2*float64(pos)), float64(len(set))/(2*float64(len(set)-pos))
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(set))
	for i := range order {
		order[i] = i
	}
	feats := make([]int, 0, 64)
	const epochs, l2 = 25, 1e-6
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		lr := 0.2 / (1 + 0.2*float64(ep))
		for _, i := range order {
			ex := set[i]
			feats = feats[:0]
			givenFeatures(ex.key, func(b int) { feats = append(feats, b) })
			z := float64(m.bias)
			for _, b := range feats {
				z += float64(m.w[b])
			}
			p := 1 / (1 + math.Exp(-z))
			y, cw := 0.0, wNeg
			if ex.given {
				y, cw = 1, wPos
			}
			g := lr * cw * (y - p)
			for _, b := range feats {
				m.w[b] += float32(g - lr*l2*float64(m.w[b]))
			}
			m.bias += float32(g)
		}
	}
	return m
}

// The model is trained on nine words in ten and must label the tenth well;
// the shipped weights are the ones this training produces from all words.
func TestTrainGivenModel(t *testing.T) {
	set := givenTrainingSet(Default())
	var train, held []givenExample
	for i, ex := range set {
		if i%10 == 0 {
			held = append(held, ex)
		} else {
			train = append(train, ex)
		}
	}
	m := trainGivenModel(train)
	tp, fp, fn, right := 0, 0, 0, 0
	for _, ex := range held {
		got := m.score(ex.key) >= 0.5
		switch {
		case got && ex.given:
			tp++
		case got:
			fp++
		case ex.given:
			fn++
		}
		if got == ex.given {
			right++
		}
	}
	acc := float64(right) / float64(len(held))
	prec, rec := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("%d words (%d held out): accuracy %.3f, precision %.3f, recall %.3f", len(set), len(held), acc, prec, rec)
	// surnames count as names and many read like everyday words, so the
	// bar is set for the use: a first hint, which context must confirm
	if acc < 0.83 || prec < 0.62 || rec < 0.65 {
		t.Errorf("held-out accuracy %.3f, precision %.3f, recall %.3f: want ≥ 0.83, 0.62, 0.65", acc, prec, rec)
	}
	full := trainGivenModel(set)
	if *trainGiven {
		if err := os.WriteFile("models/given.bin", full.encode(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	// the shipped weights must be this training's: a word added to a table
	// moves them a little, a stale or foreign model disagrees widely
	shipped := loadGivenModel(givenWeights)
	differ := 0
	for _, ex := range set {
		if (shipped.score(ex.key) >= givenThreshold) != (full.score(ex.key) >= givenThreshold) {
			differ++
		}
	}
	if float64(differ) > 0.01*float64(len(set)) {
		t.Errorf("models/given.bin decides %d of %d words otherwise than training does now: run go test ./nlp -run TestTrainGivenModel -train-given", differ, len(set))
	}
}
