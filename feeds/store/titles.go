package store

// EachTitle calls fn with the id, feed and title of every article, in no
// particular order, reading nothing else: a check over all titles (the
// reader's mute rules) costs one pass over the article rows and no
// summaries. An error from fn stops the pass and is returned.
func (s *Store) EachTitle(fn func(id, feedID int64, title string) error) error {
	rows, err := s.query(`SELECT id, feed_id, title FROM articles`)
	if err != nil {
		return s.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, feedID int64
		var title string
		if err := rows.Scan(&id, &feedID, &title); err != nil {
			return s.wrap(err)
		}
		if err := fn(id, feedID, title); err != nil {
			return err
		}
	}
	return s.wrapNil(rows.Err())
}
