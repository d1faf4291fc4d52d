#!/bin/sh
# Compares `herald fetch` with newsboat's reload on the same local server:
# N feeds of 20 items of 2–5 KB (internal/benchfeed), gzip, ETags, 50 ms
# latency; newsboat at reload-threads 32. Runs alternate; each run starts
# from an empty store (a first fetch), then one refresh where every feed
# answers 304. Prints wall time and peak RSS per run and the medians.
#
#   scripts/compare-newsboat.sh [RUNS] [FEEDS...]     (default: 3 runs, 500 and 2000 feeds)
set -eu
runs=${1:-3}
shift 2>/dev/null || true
sizes=${*:-"500 2000"}
command -v newsboat >/dev/null || { echo "newsboat is not installed (apt-get install newsboat)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
(cd "$root" && go build -o "$work/herald" . && go build -o "$work/benchserver" ./scripts/benchserver)
port=${PORT:-8399}
"$work/benchserver" -addr 127.0.0.1:$port -latency 50ms 2>/dev/null &
server=$!
sleep 1

# measure NAME CMD...: runs CMD, appends "NAME wall_s rss_mib" to results.
measure() {
	name=$1; shift
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
	read -r wall rss <"$work/time"
	echo "$name $wall $((rss / 1024))" | tee -a "$work/results"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in $sizes; do
	: >"$work/urls"
	printf '' >"$work/herald.toml"
	i=0
	while [ $i -lt "$n" ]; do
		echo "http://127.0.0.1:$port/feed/$i" >>"$work/urls"
		printf '[[feeds]]\nurl = "http://127.0.0.1:%s/feed/%d"\n' "$port" "$i" >>"$work/herald.toml"
		i=$((i + 1))
	done
	printf '[store]\npath = "%s/herald.db"\n' "$work" >>"$work/herald.toml"
	printf 'reload-threads 32\n' >"$work/newsboat.conf"
	: >"$work/results"
	r=0
	while [ $r -lt "$runs" ]; do
		rm -f "$work"/herald.db* "$work"/newsboat.db*
		measure newsboat-first newsboat -u "$work/urls" -c "$work/newsboat.db" -C "$work/newsboat.conf" -x reload
		measure newsboat-304 newsboat -u "$work/urls" -c "$work/newsboat.db" -C "$work/newsboat.conf" -x reload
		measure herald-first env HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" "$work/herald" --config "$work/herald.toml" fetch
		measure herald-304 env HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" "$work/herald" --config "$work/herald.toml" fetch
		r=$((r + 1))
	done
	echo "== $n feeds, medians of $runs runs (wall s, peak RSS MiB)"
	for name in newsboat-first herald-first newsboat-304 herald-304; do
		w=$(awk -v k=$name '$1 == k {print $2}' "$work/results" | median)
		m=$(awk -v k=$name '$1 == k {print $3}' "$work/results" | median)
		echo "$name $w s $m MiB"
	done
	nf=$(awk '$1 == "newsboat-first" {print $2}' "$work/results" | median)
	hf=$(awk '$1 == "herald-first" {print $2}' "$work/results" | median)
	echo "herald/newsboat first fetch: $(echo "$hf $nf" | awk '{printf "%.2f", $1 / $2}')x"
done
