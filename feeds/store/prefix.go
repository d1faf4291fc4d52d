package store

import (
	"bytes"
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// A search's last word is a prefix. FTS5 answers a prefix query by merging
// the hit lists of every term the prefix starts before it returns the
// first hit, even for a page of 200 or a rowid range: 130 ms for a common
// five-letter prefix at 300,000 articles. The same terms ORed are read
// lazily, newest first, and stop at the page's end (2 ms). So a prefix
// longer than the prefix index's three letters is replaced by the terms it
// starts, listed from the index's vocabulary (articles_fts_terms) when
// there are few enough of them.

// maxPrefixTerms is the most terms a prefix is expanded to; a prefix
// starting more is left to FTS5.
const maxPrefixTerms = 64

// prefixTerms caches the expansion of prefixes for as long as the
// full-text index is unchanged: its structure record, which every write
// to the index rewrites, is read (one row) and compared before each use.
type prefixTerms struct {
	mu        sync.Mutex
	structure []byte
	terms     map[string][]string // prefix → terms; nil: too many
}

// match is ftsQuery(search) with its final prefix, if any, expanded to
// the terms it starts.
func (s *Store) match(search string) (string, error) {
	m := ftsQuery(search)
	if !strings.HasSuffix(m, `"*`) {
		return m, nil
	}
	at := strings.LastIndexByte(m[:len(m)-2], '"')
	prefix := m[at+1 : len(m)-2]
	if len(prefix) <= 3 || !isASCII(prefix) {
		// Three letters: the prefix index answers directly. Other
		// scripts: the tokenizer's folding decides which terms match.
		return m, nil
	}
	terms, err := s.prefixTerms(strings.ToLower(prefix))
	if err != nil || terms == nil {
		return m, err
	}
	var sb strings.Builder
	sb.WriteString(m[:at])
	if len(terms) == 0 {
		// Nothing starts so: the whole word matches nothing just as fast.
		sb.WriteString(`"` + prefix + `"`)
		return sb.String(), nil
	}
	if at > 0 {
		sb.WriteString("AND ") // FTS5 ANDs phrases implicitly, not groups
	}
	sb.WriteByte('(')
	for i, t := range terms {
		if i > 0 {
			sb.WriteString(" OR ")
		}
		sb.WriteString(`"` + strings.ReplaceAll(t, `"`, `""`) + `"`)
	}
	sb.WriteByte(')')
	return sb.String(), nil
}

// prefixTerms lists the index's terms that start with prefix (lower-case
// ASCII), or nil if there are more than maxPrefixTerms.
func (s *Store) prefixTerms(prefix string) ([]string, error) {
	var structure []byte
	err := s.queryRow(`SELECT block FROM articles_fts_data WHERE id = 10`).Scan(&structure)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, s.wrap(err)
	}
	c := &s.prefixes
	c.mu.Lock()
	if !bytes.Equal(structure, c.structure) || c.terms == nil {
		c.structure, c.terms = structure, map[string][]string{}
	}
	terms, ok := c.terms[prefix]
	c.mu.Unlock()
	if ok {
		return terms, nil
	}
	// The prefix is ASCII letters and digits: raising its last byte by
	// one bounds every term it starts.
	end := prefix[:len(prefix)-1] + string(prefix[len(prefix)-1]+1)
	rows, err := s.query(`SELECT term FROM articles_fts_terms WHERE term >= ? AND term < ? LIMIT ?`,
		prefix, end, maxPrefixTerms+1)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	terms = []string{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, s.wrap(err)
		}
		terms = append(terms, t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err)
	}
	if len(terms) > maxPrefixTerms {
		terms = nil
	}
	c.mu.Lock()
	if bytes.Equal(structure, c.structure) && c.terms != nil {
		c.terms[prefix] = terms
	}
	c.mu.Unlock()
	return terms, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
