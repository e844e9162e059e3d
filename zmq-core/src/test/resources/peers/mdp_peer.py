"""An MDP/0.1 peer (ZeroMQ RFC 7, with RFC 8's mmi.service) on libzmq through pyzmq, written from the RFCs
for interop tests. One role per process; progress lines go to stdout, flushed.

  broker ENDPOINT HB_MS                 binds a ROUTER, prints "ready ENDPOINT", serves until killed
  worker ENDPOINT SERVICE HB_MS MODE    MODE echo: replies "py:" + each body frame; MODE hang: never replies.
                                        Prints "ready" after each READY and "got TEXT" for each request
  client ENDPOINT SERVICE COUNT TIMEOUT_MS RETRIES
                                        sends "hello-I" (I = 0..COUNT-1) one at a time over REQ, a new socket per
                                        retry; prints "reply FRAME|FRAME..." or "failed I"
  mmi ENDPOINT SERVICE                  asks mmi.service about SERVICE, prints the status code
"""
import sys
import time
import zmq

CLIENT = b"MDPC01"
WORKER = b"MDPW01"
READY, REQUEST, REPLY, HEARTBEAT, DISCONNECT = b"\x01", b"\x02", b"\x03", b"\x04", b"\x05"


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def now():
    return time.monotonic()


# ---------------------------------------------------------------- broker

class Broker:
    def __init__(self, ctx, endpoint, hb):
        self.sock = ctx.socket(zmq.ROUTER)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.bind(endpoint)
        self.hb = hb
        self.workers = {}       # id -> {"service", "expires"}
        self.waiting = {}       # service -> [ids], longest waiting first
        self.queues = {}        # service -> [(client, body frames)]

    def send_worker(self, wid, command, rest=()):
        self.sock.send_multipart([wid, b"", WORKER, command] + list(rest))

    def drop_worker(self, wid, disconnect):
        info = self.workers.pop(wid, None)
        if info is not None:
            ids = self.waiting.get(info["service"], [])
            if wid in ids:
                ids.remove(wid)
        if disconnect:
            self.send_worker(wid, DISCONNECT)

    def dispatch(self, service):
        queue = self.queues.setdefault(service, [])
        ids = self.waiting.setdefault(service, [])
        while queue and ids:
            wid = ids.pop(0)
            client, body = queue.pop(0)
            self.send_worker(wid, REQUEST, [client, b""] + body)

    def on_client(self, sender, frames):
        if len(frames) < 2:
            return
        service, body = frames[0], frames[1:]
        if service.startswith(b"mmi."):
            if service == b"mmi.service":
                name = body[0]
                found = any(i["service"] == name for i in self.workers.values())
                code = b"200" if found else b"404"
            else:
                code = b"501"
            self.sock.send_multipart([sender, b"", CLIENT, service, code])
            return
        self.queues.setdefault(service, []).append((sender, body))
        self.dispatch(service)

    def on_worker(self, sender, frames):
        if not frames:
            self.drop_worker(sender, True)
            return
        command, rest = frames[0], frames[1:]
        known = sender in self.workers
        if known:
            self.workers[sender]["expires"] = now() + 3 * self.hb
        if command == READY and not known and len(rest) == 1 and not rest[0].startswith(b"mmi."):
            service = rest[0]
            self.workers[sender] = {"service": service, "expires": now() + 3 * self.hb}
            self.waiting.setdefault(service, []).append(sender)
            self.dispatch(service)
        elif command == REPLY and known and len(rest) >= 3 and rest[1] == b"":
            service = self.workers[sender]["service"]
            self.sock.send_multipart([rest[0], b"", CLIENT, service] + rest[2:])
            self.waiting.setdefault(service, []).append(sender)
            self.dispatch(service)
        elif command == HEARTBEAT and known:
            pass
        elif command == DISCONNECT:
            self.drop_worker(sender, False)
        else:
            self.drop_worker(sender, True)

    def serve(self):
        say("ready " + self.sock.getsockopt(zmq.LAST_ENDPOINT).decode())
        next_beat = now() + self.hb
        while True:
            if self.sock.poll(max(0, int((next_beat - now()) * 1000)) + 1):
                msg = self.sock.recv_multipart()
                if len(msg) >= 3 and msg[1] == b"":
                    if msg[2] == CLIENT:
                        self.on_client(msg[0], msg[3:])
                    elif msg[2] == WORKER:
                        self.on_worker(msg[0], msg[3:])
            if now() >= next_beat:
                for wid, info in list(self.workers.items()):
                    if info["expires"] < now():
                        self.drop_worker(wid, False)
                    else:
                        self.send_worker(wid, HEARTBEAT)
                next_beat = now() + self.hb


# ---------------------------------------------------------------- worker

def worker(ctx, endpoint, service, hb, mode):
    sock = None
    reconnect_delay = hb

    def connect():
        s = ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.connect(endpoint)
        s.send_multipart([b"", WORKER, READY, service])
        say("ready")
        return s

    sock = connect()
    heard = now()
    sent = now()
    while True:
        if sock.poll(int(hb * 1000)):
            msg = sock.recv_multipart()
            heard = now()
            if len(msg) < 3 or msg[0] != b"" or msg[1] != WORKER:
                continue
            command = msg[2]
            if command == REQUEST and len(msg) >= 6 and msg[4] == b"":
                client, body = msg[3], msg[5:]
                say("got " + body[0].decode(errors="replace"))
                if mode == "echo":
                    sock.send_multipart([b"", WORKER, REPLY, client, b""] + [b"py:" + f for f in body])
                    sent = now()
            elif command == DISCONNECT:
                sock.close()
                sock = connect()
                heard = sent = now()
        if now() - heard > 3 * hb:
            sock.close()
            time.sleep(reconnect_delay)
            sock = connect()
            heard = sent = now()
        if now() - sent >= hb:
            sock.send_multipart([b"", WORKER, HEARTBEAT])
            sent = now()


# ---------------------------------------------------------------- client

def request(ctx, endpoint, service, body, timeout_ms, retries):
    for _ in range(retries + 1):
        sock = ctx.socket(zmq.REQ)
        sock.setsockopt(zmq.LINGER, 0)
        sock.connect(endpoint)
        sock.send_multipart([CLIENT, service] + body)
        if sock.poll(timeout_ms):
            reply = sock.recv_multipart()
            sock.close()
            if len(reply) >= 3 and reply[0] == CLIENT and reply[1] == service:
                return reply[2:]
            return None
        sock.close()
    return None


def main():
    role, args = sys.argv[1], sys.argv[2:]
    ctx = zmq.Context()
    if role == "broker":
        Broker(ctx, args[0], int(args[1]) / 1000.0).serve()
    elif role == "worker":
        worker(ctx, args[0], args[1].encode(), int(args[2]) / 1000.0, args[3])
    elif role == "client":
        endpoint, service, count, timeout_ms, retries = args[0], args[1].encode(), int(args[2]), int(args[3]), int(args[4])
        for i in range(count):
            reply = request(ctx, endpoint, service, [("hello-%d" % i).encode()], timeout_ms, retries)
            say("failed %d" % i if reply is None else "reply " + "|".join(f.decode(errors="replace") for f in reply))
    elif role == "mmi":
        reply = request(ctx, args[0], b"mmi.service", [args[1].encode()], 5000, 2)
        say("failed" if reply is None else reply[0].decode())
    ctx.destroy(linger=0)


if __name__ == "__main__":
    main()
