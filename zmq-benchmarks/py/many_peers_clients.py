# One client process of many-peers.py: COUNT libzmq PUSH sockets connect to ENDPOINT and each sends "hello"; on a
# "go" line from stdin each sends MESSAGES 64-byte messages; then all close (linger: everything is delivered).
import sys, zmq

endpoint, count, messages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ctx = zmq.Context()
ctx.set(zmq.MAX_SOCKETS, count + 64)
sockets = []
for _ in range(count):
    s = ctx.socket(zmq.PUSH)
    s.setsockopt(zmq.LINGER, 60000)
    s.connect(endpoint)
    s.send(b"hello")
    sockets.append(s)
print("ready", flush=True)
sys.stdin.readline()
body = b"m" * 64
for _ in range(messages):
    for s in sockets:
        s.send(body)
for s in sockets:
    s.close()
ctx.term()
print("done", flush=True)
