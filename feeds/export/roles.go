package export

import (
	"sync"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// Roles maps each leader's id to their first title in g ("Prime Minister
// of the United Kingdom"), for the attribution after a speaker's name.
func Roles(g gazetteer.Data) map[string]string {
	roles := make(map[string]string, len(g.Leaders))
	for _, l := range g.Leaders {
		if len(l.Titles) > 0 && l.Titles[0] != "" {
			roles[l.ID] = l.Titles[0]
		}
	}
	return roles
}

var defaultRoles = sync.OnceValue(func() map[string]string {
	g, err := gazetteer.Load()
	if err != nil {
		return nil
	}
	return Roles(*g)
})

// DefaultRoles is Roles of the embedded gazetteer. The map is shared: do
// not change it.
func DefaultRoles() map[string]string { return defaultRoles() }
