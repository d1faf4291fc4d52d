package nlp

import (
	"encoding/binary"
	"sync"
	"unsafe"
)

// stmtScratch holds the working buffers of one findStatements call. They
// are pooled: allocation dominated the statement profile. The Annotator
// stays safe for concurrent use, as each call takes its own scratch.
type stmtScratch struct {
	paras  []textSpan
	block  []textSpan
	quotes []quoteSpan
	owner  []int
	paraQ  []int
	qAttr  []attribution
	out    []stmt
	ind    []stmt
	chain  []int
	toks   []tok
	hist   []mention
	low    []byte
	stack  []openMark
	res    resolver
}

var stmtPool = sync.Pool{New: func() any { return new(stmtScratch) }}

func getStmtScratch() *stmtScratch { return stmtPool.Get().(*stmtScratch) }

// putStmtScratch returns sc to the pool unless one huge text grew it; the
// string fields the buffers hold are cleared so no text stays pinned.
func putStmtScratch(sc *stmtScratch) {
	if cap(sc.low) > maxPooled {
		return
	}
	clear(sc.qAttr)
	clear(sc.out)
	clear(sc.ind)
	clear(sc.stack[:cap(sc.stack)])
	sc.paras, sc.block, sc.quotes, sc.owner, sc.paraQ = sc.paras[:0], sc.block[:0], sc.quotes[:0], sc.owner[:0], sc.paraQ[:0]
	sc.qAttr, sc.out, sc.toks, sc.hist, sc.low, sc.stack = sc.qAttr[:0], sc.out[:0], sc.toks[:0], sc.hist[:0], sc.low[:0], sc.stack[:0]
	sc.ind, sc.chain = sc.ind[:0], sc.chain[:0]
	stmtPool.Put(sc)
}

// lowerInto is asciiLower writing into buf; the string it returns aliases
// buf, so it must not outlive the scratch that owns buf (cues taken from it
// are cloned before they leave the package).
func lowerInto(buf []byte, s string) (string, []byte) {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s, buf
	}
	buf = append(buf[:0], s...)
	// eight bytes at a time: a byte from 'A' to 'Z' gains 0x20
	for ; i+8 <= len(buf); i += 8 {
		x := binary.LittleEndian.Uint64(buf[i:])
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		low7 := x &^ highs
		ge := low7 + (0x80-'A')*ones     // high bit set where a byte is >= 'A'
		gt := low7 + (0x80-'Z'-1)*ones   // high bit set where a byte is > 'Z'
		upper := (ge &^ gt) &^ x & highs // and the byte is ASCII
		binary.LittleEndian.PutUint64(buf[i:], x|upper>>2)
	}
	for ; i < len(buf); i++ {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), buf
}
