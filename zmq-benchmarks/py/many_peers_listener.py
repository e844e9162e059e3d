# libzmq's side of many-peers.py: the same protocol as dev.zmq.bench.ManyPeersListener (heap figure 0: no GC heap).
import sys, zmq

def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

endpoint, peers, messages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ctx = zmq.Context()
ctx.set(zmq.MAX_SOCKETS, 1024)
pull = ctx.socket(zmq.PULL)
pull.bind(endpoint)
warm = ctx.socket(zmq.PUSH)
warm.connect(endpoint)
warm.send(b"warm-up")
pull.recv()
warm.close()
print("baseline %d 0" % rss_kb(), flush=True)
hellos = 0
while hellos < peers:
    if len(pull.recv()) == 5:
        hellos += 1
print("connected %d 0" % rss_kb(), flush=True)
for _ in range(peers * messages):
    pull.recv()
print("delivered", flush=True)
