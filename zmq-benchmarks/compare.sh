#!/usr/bin/env bash
# Side-by-side: ours, JeroMQ 0.6.0 and libzmq (Debian's libzmq3-dev) through the same perf-tool interface (and the
# same fan-out harness), interleaved (ours, JeroMQ, libzmq; 3 rounds), medians, ratios. Needs gcc and libzmq3-dev.
# Usage: zmq-benchmarks/compare.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
if ! [ -e /usr/include/zmq.h ]; then
  apt-get install -y -qq libzmq3-dev gcc >/dev/null
fi
./mvnw -B -q package -DskipTests -pl zmq-cli,zmq-benchmarks -am
gcc -O2 -o zmq-benchmarks/target/zmqperf zmq-benchmarks/c/zmqperf.c -lzmq -lpthread

declare -A tool=(
  [ours]="java -jar zmq-cli/target/zmq.jar perf"
  [jeromq]="java -cp zmq-benchmarks/target/zmq-benchmarks.jar dev.zmq.bench.JeromqPerf"
  [libzmq]="zmq-benchmarks/target/zmqperf"
)
# case name, timing tool, its TCP partner (- for an inproc tool that runs both sides; for fanout, the number of
# subscribers), size, count
cases=(
  "tcp-1B local-thr remote-thr 1 15000000"
  "tcp-64B local-thr remote-thr 64 5000000"
  "tcp-1KiB local-thr remote-thr 1024 1200000"
  "tcp-64KiB local-thr remote-thr 65536 50000"
  "inproc-64B inproc-thr - 64 30000000"
  "pubsub-64B local-sub remote-pub 64 5000000"
  "reqrep-1B remote-lat local-lat 1 50000"
  "fanout-1sub fanout 1 64 1000000"
  "fanout-10sub fanout 10 64 300000"
)
# PUB/SUB fan-out: one PUB and N SUB threads in one process (two contexts), the median subscriber's rate
declare -A fanout=(
  [ours]="java -cp zmq-benchmarks/target/zmq-benchmarks.jar dev.zmq.bench.FanoutPerf"
  [jeromq]="${tool[jeromq]} fanout"
  [libzmq]="${tool[libzmq]} fanout"
)
results=$(mktemp)
port=21000
for round in $(seq "$rounds"); do
  for c in "${cases[@]}"; do
    read -r name timer partner size count <<<"$c"
    for impl in ours jeromq libzmq; do
      port=$((port + 1))
      ep="tcp://127.0.0.1:$port"
      out=$(mktemp)
      if [ "$timer" = fanout ]; then
        ${fanout[$impl]} "$size" "$count" "$partner" >"$out"
      elif [ "$partner" = - ]; then
        ${tool[$impl]} "$timer" "$size" "$count" >"$out"
      else
        # the binding (local-*) side starts first; only the timing side prints
        binder=$timer connecter=$partner
        [[ $timer == remote-* ]] && binder=$partner connecter=$timer
        ${tool[$impl]} "$binder" "$ep" "$size" "$count" >"$out" &
        binding=$!
        ${tool[$impl]} "$connecter" "$ep" "$size" "$count" >>"$out"
        wait "$binding"
      fi
      value=$(awk '/\[msg\/s\]/ {print $3} /average latency/ {print $3}' "$out")
      echo "$name $impl $value $size" >>"$results"
      echo "round $round: $name $impl $value" >&2
      rm -f "$out"
    done
  done
done
# the loopback ceiling (plain Java NIO, 64 KiB writes)
bench="java -cp zmq-benchmarks/target/zmq-benchmarks.jar"
for round in $(seq "$rounds"); do
  for extra in "raw-nio-64KiB dev.zmq.bench.RawNioPerf 65536 50000"; do
    read -r name cls args <<<"$extra"
    value=$($bench "$cls" $args | awk '/\[msg\/s\]/ {print $3}')
    echo "$name extra $value 0" >>"$results"
    echo "round $round: $name $value" >&2
  done
done
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
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
    return statistics.median(float(v) for n, i, v, s in rows if n == name and i == impl)
print(f"{'case':<12} {'ours':>14} {'JeroMQ':>14} {'libzmq':>14} {'ours/JeroMQ':>12} {'ours/libzmq':>12}")
for name in cases:
    size = int(next(s for n, i, v, s in rows if n == name))
    o, j, l = (median(name, x) for x in ("ours", "jeromq", "libzmq"))
    if name.startswith("reqrep"):
        fmt = lambda v: f"{v:.1f} us"
    else:
        fmt = lambda v: f"{v/1e6:.2f}M msg/s" if size < 4096 else f"{v*size/1e6:.0f} MB/s"
    print(f"{name:<12} {fmt(o):>14} {fmt(j):>14} {fmt(l):>14} {o/j:>12.2f} {o/l:>12.2f}")
print("(throughput: higher is better; latency: lower is better, so a ratio below 1 wins)")
raw = statistics.median(extra["raw-nio-64KiB"]) * 65536
print(f"raw Java NIO loopback, 64 KiB writes: {raw/1e6:.0f} MB/s; ours at 64 KiB: {median('tcp-64KiB', 'ours') * 65536 / raw:.2f} of it")
drops = ", ".join(f"{label} {median('fanout-1sub', impl) / median('fanout-10sub', impl):.1f}x"
                  for label, impl in (("ours", "ours"), ("JeroMQ", "jeromq"), ("libzmq", "libzmq")))
print(f"fan-out rows: 64 B per subscriber; with 10 subscribers instead of 1 each gets less by: {drops}")
PY
rm -f "$results"
