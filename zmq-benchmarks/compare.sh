#!/usr/bin/env bash
# Side-by-side: ours, JeroMQ 0.6.0 and libzmq (Debian's libzmq3-dev) through the same perf-tool interface,
# interleaved (ours, JeroMQ, libzmq; 3 rounds), medians, ratios. Needs gcc and libzmq3-dev.
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
# case name, timing tool, its TCP partner (- for an inproc tool that runs both sides), size, count
cases=(
  "tcp-1B local-thr remote-thr 1 3000000"
  "tcp-64B local-thr remote-thr 64 2000000"
  "tcp-1KiB local-thr remote-thr 1024 500000"
  "tcp-64KiB local-thr remote-thr 65536 30000"
  "inproc-64B inproc-thr - 64 5000000"
  "pubsub-64B local-sub remote-pub 64 2000000"
  "reqrep-1B remote-lat local-lat 1 30000"
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
      if [ "$partner" = - ]; then
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
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
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
PY
rm -f "$results"
