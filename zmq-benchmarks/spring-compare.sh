#!/usr/bin/env bash
# Spring side by side: our ZmqTemplate -> @ZmqListener path (metrics off, socket meters on, observations on), Spring Integration 7's ZeroMQ adapters (JeroMQ), and
# our raw core sockets, each in its own JVM, interleaved (core, ours, ours-metrics, ours-observed, ours-traced, ours-si, si; ROUNDS rounds;
# medians; ours-traced: observations with Brave tracing, every trace sampled, the trace envelope on the wire), then our
# template from 1, 2 and 8 threads. 64-byte String payloads over loopback TCP.
# Usage: zmq-benchmarks/spring-compare.sh [ROUNDS] [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
messages=${2:-1000000}
./mvnw -B -q install -DskipTests -pl zmq-benchmarks -am
./mvnw -B -q -pl zmq-benchmarks dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="zmq-benchmarks/target/classes:$(cat zmq-benchmarks/target/bench.classpath)"
results=$(mktemp)
for round in $(seq "$rounds"); do
  for impl in core ours ours-metrics ours-observed ours-traced ours-si si; do
    n=$messages
    [ "$impl" = si ] && n=$((messages / 25))   # it is far slower: a run of about the same time
    timeout 600 java -cp "$cp" dev.zmq.bench.spring.SpringListenerBench "$impl" "$n" 2>/dev/null | sed "s/^/$impl: /" | tee -a "$results" >&2 \
      || echo "$impl: timed out or failed (round $round)" >&2
  done
done
/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
vals = {}
for line in open(sys.argv[1]):
    impl, key, value = re.match(r"([\w-]+): ([^:]+): ([0-9.]+)", line).groups()
    vals.setdefault((impl, key), []).append(float(value))
m = lambda impl, key: statistics.median(vals.get((impl, key), [float('nan')]))
keys = [("throughput", "msg/s", "{:,.0f}"), ("idle latency median", "us", "{:,.1f}"), ("idle latency max", "us", "{:,.1f}"),
        ("idle cpu", "% core", "{:.2f}")]
print(f"{'metric':<22} {'core (raw)':>12} {'ours':>12} {'+meters':>12} {'+observed':>12} {'+traced':>12} "
      f"{'SI zeromq':>12} {'ours/SI':>8} {'ours/core':>9} {'meters/off':>10} {'observed/off':>12} {'traced/off':>10}")
ratio = lambda a, b: a / b if b else float('nan')
for key, unit, fmt in keys:
    c, o, om, oo, ot, s = (m(i, key) for i in ("core", "ours", "ours-metrics", "ours-observed", "ours-traced", "si"))
    print(f"{key + ' (' + unit + ')':<22} {fmt.format(c):>12} {fmt.format(o):>12} {fmt.format(om):>12} "
          f"{fmt.format(oo):>12} {fmt.format(ot):>12} {fmt.format(s):>12} {ratio(o, s):>8.3g} {ratio(o, c):>9.3g} "
          f"{ratio(om, o):>10.3g} {ratio(oo, o):>12.3g} {ratio(ot, o):>10.3g}")
print()
print(f"{'Spring Integration flows':<26} {'ours':>12} {'SI zeromq':>12} {'ours/SI':>8}")
for key, unit, fmt in keys:
    o, s = m("ours-si", key), m("si", key)
    print(f"{key + ' (' + unit + ')':<26} {fmt.format(o):>12} {fmt.format(s):>12} {ratio(o, s):>8.3g}")
PY
timeout 600 java -cp "$cp" dev.zmq.bench.spring.SpringListenerBench template "$((messages / 3))" 2>/dev/null \
  || echo "template scaling: timed out or failed" >&2
rm -f "$results"
