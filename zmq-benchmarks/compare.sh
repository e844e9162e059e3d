#!/usr/bin/env bash
# Side-by-side: ours, JeroMQ 0.6.0 and libzmq (Debian's libzmq3-dev) through the same perf-tool interface (and the
# same fan-out, idle-latency and many-peers harnesses), interleaved (ours, JeroMQ, libzmq; 3 rounds), medians, ratios.
# Every contestant gets the same warm-up: the timing side leaves the first fifth of each run's messages (round trips)
# out of its timing; the cold row times the first million 64 B messages of a fresh process. Every case runs under a
# timeout: a hung or failed case is reported as such and the run goes on. Needs gcc and libzmq3-dev.
# Usage: zmq-benchmarks/compare.sh [ROUNDS]
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
limit=300   # seconds per case
if ! [ -e /usr/include/zmq.h ]; then
  apt-get install -y -qq libzmq3-dev gcc >/dev/null
fi
./mvnw -B -q package -DskipTests -pl zmq-cli,zmq-benchmarks -am || exit 1
gcc -O2 -o zmq-benchmarks/target/zmqperf zmq-benchmarks/c/zmqperf.c -lzmq -lpthread || exit 1

bench="java -cp zmq-benchmarks/target/zmq-benchmarks.jar"
declare -A tool=(
  [ours]="java -jar zmq-cli/target/zmq.jar perf"
  [jeromq]="$bench dev.zmq.bench.JeromqPerf"
  [libzmq]="zmq-benchmarks/target/zmqperf"
)
# case name, timing tool, its TCP partner (- for an inproc tool that runs both sides; for fanout, the number of
# subscribers; for idle, push or req), size, count, warm-up (of count)
cases=(
  "tcp-1B local-thr remote-thr 1 15000000 3000000"
  "tcp-64B local-thr remote-thr 64 5000000 1000000"
  "tcp-64B-cold local-thr remote-thr 64 1000000 0"
  "tcp-1KiB local-thr remote-thr 1024 1200000 240000"
  "tcp-64KiB local-thr remote-thr 65536 50000 10000"
  "inproc-64B inproc-thr - 64 30000000 6000000"
  "pubsub-64B local-sub remote-pub 64 5000000 1000000"
  "reqrep-1B remote-lat local-lat 1 50000 10000"
  "fanout-1sub fanout 1 64 1000000 0"
  "fanout-10sub fanout 10 64 300000 0"
  "idle-push idle push 64 250 1000000"
  "idle-req idle req 64 250 20000"
  "idle-push-cold idle push 64 250 0"
  "idle-req-cold idle req 64 250 0"
)
# PUB/SUB fan-out: one PUB and N SUB threads in one process (two contexts), the median subscriber's rate
declare -A fanout=(
  [ours]="$bench dev.zmq.bench.FanoutPerf"
  [jeromq]="${tool[jeromq]} fanout"
  [libzmq]="${tool[libzmq]} fanout"
)
# idle links: one 64 B probe every 20 ms over loopback TCP in one process after WARMUP messages (IdleLatency)
declare -A idle=(
  [ours]="$bench dev.zmq.bench.IdleLatencyPerf"
  [jeromq]="${tool[jeromq]} idle-"
  [libzmq]="${tool[libzmq]} idle-"
)
results=$(mktemp)
port=21000
for round in $(seq "$rounds"); do
  for c in "${cases[@]}"; do
    read -r name timer partner size count warmup <<<"$c"
    for impl in ours jeromq libzmq; do
      port=$((port + 1))
      ep="tcp://127.0.0.1:$port"
      out=$(mktemp)
      if [ "$timer" = fanout ]; then
        timeout $limit ${fanout[$impl]} "$size" "$count" "$partner" >"$out"
      elif [ "$timer" = idle ]; then
        if [ "$impl" = ours ]; then
          timeout $limit ${idle[$impl]} "$partner" "$warmup" "$count" >"$out"
        else
          timeout $limit ${idle[$impl]}"$partner" "$warmup" "$count" >"$out"
        fi
      elif [ "$partner" = - ]; then
        timeout $limit ${tool[$impl]} "$timer" "$size" "$count" "$warmup" >"$out"
      else
        # the binding (local-*) side starts first; only the timing side prints, and only it takes the warm-up
        binder=$timer connecter=$partner
        [[ $timer == remote-* ]] && binder=$partner connecter=$timer
        bw="" cw=""
        [[ $binder == "$timer" ]] && bw=$warmup || cw=$warmup
        timeout $limit ${tool[$impl]} "$binder" "$ep" "$size" "$count" $bw >"$out" &
        binding=$!
        timeout $limit ${tool[$impl]} "$connecter" "$ep" "$size" "$count" $cw >>"$out"
        wait "$binding"
      fi
      value=$(awk '/\[msg\/s\]/ {print $3} /average latency/ {print $3} /idle latency/ {print $4}' "$out")
      [ -n "$value" ] || value=nan   # timed out or failed: the table says so, the run goes on
      echo "$name $impl $value $size" >>"$results"
      echo "round $round: $name $impl $value" >&2
      rm -f "$out"
    done
  done
done
# the loopback ceiling (plain Java NIO, 64 KiB writes)
for round in $(seq "$rounds"); do
  value=$(timeout $limit $bench dev.zmq.bench.RawNioPerf 65536 50000 | awk '/\[msg\/s\]/ {print $3}')
  echo "raw-nio-64KiB extra ${value:-nan} 0" >>"$results"
  echo "round $round: raw-nio-64KiB ${value:-nan}" >&2
done
# memory per idle connection: 1,000 libzmq PUSH peers on one PULL (many-peers.py), once
timeout 900 /usr/bin/python3 zmq-benchmarks/many-peers.py 10 1000 2>&1 >/dev/null | awk '/^many-peers/ {print "memory-1000peers", $2, $4, 0}' >>"$results"
/usr/bin/python3 - "$results" <<'PY'
import math, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
extra = {}
for name, impl, value, size in [r for r in rows if r[1] == "extra"]:
    extra.setdefault(name, []).append(float(value))
rows = [r for r in rows if r[1] != "extra"]
cases = []
for name, impl, value, size in rows:
    if name not in cases:
        cases.append(name)
def median(name, impl):
    values = [float(v) for n, i, v, s in rows if n == name and i == impl]
    good = [v for v in values if not math.isnan(v)]
    return statistics.median(good) if len(good) == len(values) and good else float("nan")
print(f"{'case':<16} {'ours':>14} {'JeroMQ':>14} {'libzmq':>14} {'ours/JeroMQ':>12} {'ours/libzmq':>12}")
for name in cases:
    size = int(next(s for n, i, v, s in rows if n == name))
    o, j, l = (median(name, x) for x in ("ours", "jeromq", "libzmq"))
    if name.startswith("reqrep") or name.startswith("idle"):
        fmt = lambda v: f"{v:.1f} us"
    elif name.startswith("memory"):
        fmt = lambda v: f"{v:.1f} KB"
    else:
        fmt = lambda v: f"{v/1e6:.2f}M msg/s" if size < 4096 else f"{v*size/1e6:.0f} MB/s"
    show = lambda v: "timeout/failed" if math.isnan(v) else fmt(v)
    print(f"{name:<16} {show(o):>14} {show(j):>14} {show(l):>14} {o/j:>12.2f} {o/l:>12.2f}")
print("(throughput: higher is better; latency and memory per connection: lower is better, so a ratio below 1 wins;")
print(" idle rows: median of 250 probes, one every 20 ms; cold rows: no warm-up, a fresh process)")
raw = statistics.median(extra["raw-nio-64KiB"]) * 65536 if extra.get("raw-nio-64KiB") else float("nan")
print(f"raw Java NIO loopback, 64 KiB writes: {raw/1e6:.0f} MB/s; ours at 64 KiB: {median('tcp-64KiB', 'ours') * 65536 / raw:.2f} of it")
drops = ", ".join(f"{label} {median('fanout-1sub', impl) / median('fanout-10sub', impl):.1f}x"
                  for label, impl in (("ours", "ours"), ("JeroMQ", "jeromq"), ("libzmq", "libzmq")))
print(f"fan-out rows: 64 B per subscriber; with 10 subscribers instead of 1 each gets less by: {drops}")
PY
rm -f "$results"
