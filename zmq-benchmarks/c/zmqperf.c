/*
 * Our own libzmq harness for compare.sh: the four perf tools in one program, printing the same lines as ours.
 *   zmqperf local-thr|remote-thr|local-lat|remote-lat ENDPOINT MESSAGE_SIZE COUNT
 * Build: gcc -O2 -o zmqperf zmqperf.c -lzmq
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(int rc, const char *what) {
    if (rc < 0) {
        fprintf(stderr, "zmqperf: %s: %s\n", what, zmq_strerror(zmq_errno()));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: zmqperf local-thr|remote-thr|local-lat|remote-lat ENDPOINT SIZE COUNT\n");
        return 2;
    }
    const char *mode = argv[1], *endpoint = argv[2];
    size_t size = (size_t) atol(argv[3]);
    long count = atol(argv[4]);
    int zero = 0, infinite = -1;
    void *ctx = zmq_ctx_new();
    int thr = strstr(mode, "thr") != NULL, local = strncmp(mode, "local", 5) == 0;
    void *s = zmq_socket(ctx, thr ? (local ? ZMQ_PULL : ZMQ_PUSH) : (local ? ZMQ_REP : ZMQ_REQ));
    zmq_setsockopt(s, ZMQ_SNDHWM, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_RCVHWM, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_LINGER, &infinite, sizeof infinite);
    check(local ? zmq_bind(s, endpoint) : zmq_connect(s, endpoint), local ? "bind" : "connect");
    zmq_msg_t msg;
    if (thr && local) {
        zmq_msg_init(&msg);
        check(zmq_msg_recv(&msg, s, 0), "recv");
        double start = now();
        for (long i = 1; i < count; i++) {
            check(zmq_msg_recv(&msg, s, 0), "recv");
        }
        double elapsed = now() - start;
        double throughput = count / elapsed;
        printf("message size: %zu [B]\nmessage count: %ld\n", size, count);
        printf("mean throughput: %ld [msg/s]\nmean throughput: %.3f [Mb/s]\n", (long) throughput,
               throughput * size * 8 / 1e6);
        zmq_msg_close(&msg);
    } else if (thr) {
        for (long i = 0; i < count; i++) {
            zmq_msg_init_size(&msg, size);
            memset(zmq_msg_data(&msg), 0, size);
            check(zmq_msg_send(&msg, s, 0), "send");
        }
    } else if (local) {
        zmq_msg_init(&msg);
        for (long i = 0; i < count; i++) {
            check(zmq_msg_recv(&msg, s, 0), "recv");
            check(zmq_msg_send(&msg, s, 0), "send");
        }
        zmq_msg_close(&msg);
    } else {
        zmq_msg_init_size(&msg, size);
        memset(zmq_msg_data(&msg), 0, size);
        double start = now();
        for (long i = 0; i < count; i++) {
            check(zmq_msg_send(&msg, s, 0), "send");
            check(zmq_msg_recv(&msg, s, 0), "recv");
        }
        double elapsed = now() - start;
        printf("message size: %zu [B]\nroundtrip count: %ld\n", size, count);
        printf("average latency: %.3f [us]\n", elapsed * 1e6 / (count * 2.0));
        zmq_msg_close(&msg);
    }
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
