#!/usr/bin/python3
"""Many peers on one socket, ours against libzmq's, same clients, same run.

For each N in PEERS (default 1000 5000 15000) and each listener (ours and JeroMQ 0.6.0: java -Xms1g -Xmx1g
-XX:+AlwaysPreTouch; libzmq: python3-zmq), libzmq PUSH clients spread over processes of at most 4,000 sockets connect N peers to a PULL;
each says hello, then (on "go") sends MESSAGES messages of 64 B. Reported: memory per idle connection (resident
growth + live-heap growth after a full GC, divided by N), seconds until all N had connected and said hello, seconds
from "go" until every message arrived. Every step runs under a timeout: a hung case is reported and the run goes on.
Usage: zmq-benchmarks/many-peers.py [--impls ours,jeromq,libzmq] [MESSAGES] [N ...]
(build first: ./mvnw -q package -DskipTests -pl zmq-benchmarks -am). Prints a Markdown table, and one line
"many-peers IMPL N KB CONNECT_S DELIVER_S" per case on stderr for compare.sh.
"""
import os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = os.path.join(ROOT, "zmq-benchmarks", "py")
args = sys.argv[1:]
impls = ["ours", "jeromq", "libzmq"]
if args[:1] == ["--impls"]:
    impls, args = args[1].split(","), args[2:]
messages = int(args[0]) if args else 10
sizes = [int(n) for n in args[1:]] or [1000, 5000, 15000]
JVM = ["java", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-cp",
       os.path.join(ROOT, "zmq-benchmarks", "target", "zmq-benchmarks.jar")]
listeners = {
    "ours": JVM + ["dev.zmq.bench.ManyPeersListener"],
    "jeromq": JVM + ["dev.zmq.bench.JeromqPerf", "many-peers"],
    "libzmq": ["/usr/bin/python3", os.path.join(PY, "many_peers_listener.py")],
}
PER_PROCESS = 4000
TIMEOUT = 300


def read_line(proc, deadline):
    import select
    while True:
        left = deadline - time.time()
        if left <= 0:
            raise TimeoutError("no answer in time")
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if ready:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("process ended: exit %s" % proc.poll())
            return line.split()


def run(impl, peers, port):
    endpoint = "tcp://127.0.0.1:%d" % port
    procs = []
    try:
        deadline = time.time() + TIMEOUT
        listener = subprocess.Popen(listeners[impl] + [endpoint, str(peers), str(messages)],
                                    stdout=subprocess.PIPE, text=True)
        procs.append(listener)
        base = read_line(listener, deadline)
        start = time.time()
        clients = []
        for i in range(0, peers, PER_PROCESS):
            n = min(PER_PROCESS, peers - i)
            c = subprocess.Popen(["/usr/bin/python3", os.path.join(PY, "many_peers_clients.py"), endpoint, str(n),
                                  str(messages)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            clients.append(c)
            procs.append(c)
        connected = read_line(listener, deadline)
        connect_s = time.time() - start
        for c in clients:
            read_line(c, deadline)
        go = time.time()
        for c in clients:
            c.stdin.write("go\n")
            c.stdin.flush()
        read_line(listener, deadline)
        deliver_s = time.time() - go
        kb = (int(connected[1]) - int(base[1]) + int(connected[2]) - int(base[2])) / peers
        native = (int(connected[1]) - int(base[1])) / peers
        heap = (int(connected[2]) - int(base[2])) / peers
        return kb, "%.1f KB (%.1f native + %.1f heap)" % (kb, native, heap), connect_s, deliver_s
    except (TimeoutError, RuntimeError) as e:
        return float("nan"), "failed: %s" % e, float("nan"), float("nan")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait()


rows = []
port = 23000
for peers in sizes:
    for impl in impls:
        port += 1
        kb, mem, connect_s, deliver_s = run(impl, peers, port)
        print("many-peers %s %d %.1f %.2f %.2f" % (impl, peers, kb, connect_s, deliver_s), file=sys.stderr, flush=True)
        rows.append((peers, impl, mem, connect_s, deliver_s))
print("| peers | listener | memory per idle connection | all connected | %d x 64 B each delivered |" % messages)
print("|---|---|---|---|---|")
for peers, impl, mem, connect_s, deliver_s in rows:
    print("| %d | %s | %s | %.2f s | %.2f s |" % (peers, impl, mem, connect_s, deliver_s))
