#!/usr/bin/env bash
# Spring side by side: our ZmqTemplate -> @ZmqListener path, Spring Integration 7's ZeroMQ adapters (JeroMQ), and
# our raw core sockets, each in its own JVM, interleaved (core, ours, si; ROUNDS rounds; medians), then our
# template from 1, 2 and 8 threads. 64-byte String payloads over loopback TCP.
# Usage: zmq-benchmarks/spring-compare.sh [ROUNDS] [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
messages=${2:-300000}
./mvnw -B -q install -DskipTests -pl zmq-benchmarks -am
./mvnw -B -q -pl zmq-benchmarks dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="zmq-benchmarks/target/classes:$(cat zmq-benchmarks/target/bench.classpath)"
results=$(mktemp)
for round in $(seq "$rounds"); do
  for impl in core ours si; do
    n=$messages
    [ "$impl" = si ] && n=$((messages / 5))   # it is far slower; keep the run short
    java -cp "$cp" dev.zmq.bench.spring.SpringListenerBench "$impl" "$n" 2>/dev/null | sed "s/^/$impl: /" | tee -a "$results" >&2
  done
done
/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
vals = {}
for line in open(sys.argv[1]):
    impl, key, value = re.match(r"(\w+): ([^:]+): ([0-9.]+)", line).groups()
    vals.setdefault((impl, key), []).append(float(value))
m = lambda impl, key: statistics.median(vals[(impl, key)])
keys = [("throughput", "msg/s", "{:,.0f}"), ("idle latency median", "us", "{:,.1f}"), ("idle latency max", "us", "{:,.1f}"),
        ("idle cpu", "% core", "{:.2f}")]
print(f"{'metric':<22} {'core (raw)':>14} {'ours':>14} {'SI zeromq':>14} {'ours/SI':>9} {'ours/core':>9}")
for key, unit, fmt in keys:
    c, o, s = m("core", key), m("ours", key), m("si", key)
    print(f"{key + ' (' + unit + ')':<22} {fmt.format(c):>14} {fmt.format(o):>14} {fmt.format(s):>14} "
          f"{(o / s if s else float('nan')):>9.2f} {(o / c if c else float('nan')):>9.2f}")
PY
java -cp "$cp" dev.zmq.bench.spring.SpringListenerBench template "$messages" 2>/dev/null
rm -f "$results"
