"""A libzmq socket driven line by line over stdin/stdout, for interop tests.

Each command prints exactly one answer line. Frames are hex, joined by ',' within a message; messages by ';'.
Commands: socket TYPE | set NAME INT | id HEX | bind EP | connect EP | sub HEX | unsub HEX | send FRAMES |
sendmany COUNT PREFIX | recv TIMEOUT_MS | recvmany COUNT TIMEOUT_MS | quit
"""
import sys
import zmq

ctx = zmq.Context()
sock = None


def enc(frames):
    return ",".join(f.hex() for f in frames)


def dec(text):
    return [bytes.fromhex(h) for h in text.split(",")]


def answer(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


for raw in sys.stdin:
    parts = raw.rstrip("\n").split(" ", 1)
    cmd, arg = parts[0], (parts[1] if len(parts) > 1 else "")
    try:
        if cmd == "socket":
            sock = ctx.socket(getattr(zmq, arg))
            sock.setsockopt(zmq.LINGER, 5000)
            answer("ok")
        elif cmd == "set":
            name, value = arg.split(" ")
            sock.setsockopt(getattr(zmq, name), int(value))
            answer("ok")
        elif cmd == "id":
            sock.setsockopt(zmq.ROUTING_ID, bytes.fromhex(arg))
            answer("ok")
        elif cmd == "bind":
            sock.bind(arg)
            answer("ok " + sock.getsockopt(zmq.LAST_ENDPOINT).decode())
        elif cmd == "connect":
            sock.connect(arg)
            answer("ok")
        elif cmd == "sub":
            sock.setsockopt(zmq.SUBSCRIBE, bytes.fromhex(arg))
            answer("ok")
        elif cmd == "unsub":
            sock.setsockopt(zmq.UNSUBSCRIBE, bytes.fromhex(arg))
            answer("ok")
        elif cmd == "send":
            sock.send_multipart(dec(arg))
            answer("ok")
        elif cmd == "sendmany":
            count, prefix = arg.split(" ", 1)
            for i in range(int(count)):
                sock.send((prefix + str(i)).encode())
            answer("ok")
        elif cmd == "recv":
            if sock.poll(int(arg)):
                answer("msg " + enc(sock.recv_multipart()))
            else:
                answer("timeout")
        elif cmd == "recvmany":
            count, timeout = arg.split(" ")
            got = []
            while len(got) < int(count) and sock.poll(int(timeout)):
                got.append(enc(sock.recv_multipart()))
            answer("msgs " + ";".join(got) if got else "msgs")
        elif cmd == "quit":
            sock.close()
            ctx.term()
            answer("bye")
            break
        else:
            answer("error unknown command " + cmd)
    except Exception as e:  # report, keep serving
        answer("error " + type(e).__name__ + ": " + str(e).replace("\n", " "))
