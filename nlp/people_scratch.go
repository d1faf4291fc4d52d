package nlp

import "sync"

// peopleScratch holds the per-article tables of a peopleResolver. They are
// pooled, maps cleared rather than remade: their allocation was a large
// share of the entity profile. Each findEntities call takes its own.
type peopleScratch struct {
	owner    []*cluster
	clusters []*cluster
	byKey    map[string]*cluster
	byLeader map[int32]*cluster
	byLast   map[string][]*cluster
	byFirst  map[string][]*cluster
	countryN map[string]int
	countryO []string
	holders  map[string]int32
	lists    []*cluster  // lists of one cluster are carved from this slab
	arena    [][]cluster // clusters are carved from these blocks
	nblk     int         // blocks in use
	used     int         // clusters taken from block nblk-1
}

const clusterBlock = 32

// maxPooledClusters keeps one article with thousands of names from pinning
// its tables.
const maxPooledClusters = 4096

var peoplePool = sync.Pool{New: func() any {
	return &peopleScratch{
		byKey: map[string]*cluster{}, byLeader: map[int32]*cluster{},
		byLast: map[string][]*cluster{}, byFirst: map[string][]*cluster{},
		countryN: map[string]int{}, holders: map[string]int32{},
	}
}}

func getPeopleScratch() *peopleScratch { return peoplePool.Get().(*peopleScratch) }

// putPeopleScratch clears every table, so that no text stays pinned, and
// returns ps to the pool.
func putPeopleScratch(ps *peopleScratch) {
	if len(ps.clusters) > maxPooledClusters {
		return
	}
	clear(ps.owner)
	clear(ps.clusters)
	clear(ps.countryO)
	clear(ps.byKey)
	clear(ps.byLeader)
	clear(ps.byLast)
	clear(ps.byFirst)
	clear(ps.countryN)
	clear(ps.holders)
	clear(ps.lists)
	ps.lists = ps.lists[:0]
	for _, b := range ps.arena[:ps.nblk] {
		clear(b)
	}
	ps.owner, ps.clusters, ps.countryO = ps.owner[:0], ps.clusters[:0], ps.countryO[:0]
	ps.nblk, ps.used = 0, 0
	peoplePool.Put(ps)
}

// newCluster returns a zeroed cluster from the arena.
func (ps *peopleScratch) newCluster() *cluster {
	if ps.nblk == 0 || ps.used == clusterBlock {
		if ps.nblk == len(ps.arena) {
			ps.arena = append(ps.arena, make([]cluster, clusterBlock))
		}
		ps.nblk++
		ps.used = 0
	}
	c := &ps.arena[ps.nblk-1][ps.used]
	ps.used++
	return c
}

// oneList returns a list holding c alone, from the pooled slab: most names
// have one bearer, and a list of their own was an allocation each. A second
// bearer's append moves the list out of the slab.
func (ps *peopleScratch) oneList(c *cluster) []*cluster {
	if len(ps.lists) == cap(ps.lists) {
		ps.lists = make([]*cluster, 0, max(64, 2*cap(ps.lists)))
	}
	ps.lists = append(ps.lists, c)
	n := len(ps.lists)
	return ps.lists[n-1 : n : n]
}
