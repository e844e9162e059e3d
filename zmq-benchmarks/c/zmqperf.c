/*
 * Our own libzmq harness for compare.sh: the perf tools in one program, printing the same lines as ours.
 *   zmqperf local-thr|remote-thr|local-lat|remote-lat|local-sub|remote-pub ENDPOINT MESSAGE_SIZE COUNT [WARMUP]
 *   zmqperf inproc-thr|inproc-lat MESSAGE_SIZE COUNT [WARMUP]
 * (the timing side leaves the first WARMUP of the COUNT messages or round trips out of its timing)
 *   zmqperf fanout MESSAGE_SIZE COUNT SUBSCRIBERS
 *   zmqperf idle-push|idle-req WARMUP PROBES
 * local-sub binds a SUB (all topics) and times COUNT messages; remote-pub connects an XPUB, waits for the
 * subscription, then publishes COUNT messages. fanout: one PUB and SUBSCRIBERS SUB sockets (each on its own thread,
 * in another context) over loopback TCP, as our FanoutPerf; prints the median subscriber's rate. idle-push/idle-req:
 * as our IdleLatency, WARMUP messages (round trips) back to back and WARMUP / 100 paced ones (one every 100 us),
 * then one 64-byte probe every 20 ms over loopback TCP
 * in one context; PUSH/PULL from send to recv on another thread, REQ/REP round trips through an echoing thread. Build: gcc -O2 -o zmqperf zmqperf.c -lzmq -lpthread
 */
#include <pthread.h>
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

static void *ctx;
static size_t size;
static long count;
static long warm;

static void *socket_of(int type) {
    int zero = 0, infinite = -1;
    void *s = zmq_socket(ctx, type);
    zmq_setsockopt(s, ZMQ_SNDHWM, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_RCVHWM, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_LINGER, &infinite, sizeof infinite);
    return s;
}

static void receive_and_report(void *s) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    for (long i = 0; i < warm; i++) {
        check(zmq_msg_recv(&msg, s, 0), "recv");
    }
    long timed = count - warm;
    check(zmq_msg_recv(&msg, s, 0), "recv");
    double start = now();
    for (long i = 1; i < timed; i++) {
        check(zmq_msg_recv(&msg, s, 0), "recv");
    }
    double throughput = timed / (now() - start);
    printf("message size: %zu [B]\nmessage count: %ld\n", size, timed);
    printf("mean throughput: %ld [msg/s]\nmean throughput: %.3f [Mb/s]\n", (long) throughput,
           throughput * size * 8 / 1e6);
    zmq_msg_close(&msg);
}

static void send_all(void *s) {
    zmq_msg_t msg;
    for (long i = 0; i < count; i++) {
        zmq_msg_init_size(&msg, size);
        memset(zmq_msg_data(&msg), 0, size);
        check(zmq_msg_send(&msg, s, 0), "send");
    }
}

static void echo(void *s) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    for (long i = 0; i < count; i++) {
        check(zmq_msg_recv(&msg, s, 0), "recv");
        check(zmq_msg_send(&msg, s, 0), "send");
    }
    zmq_msg_close(&msg);
}

static void round_trips_and_report(void *s) {
    zmq_msg_t msg;
    zmq_msg_init_size(&msg, size);
    memset(zmq_msg_data(&msg), 0, size);
    for (long i = 0; i < warm; i++) {
        check(zmq_msg_send(&msg, s, 0), "send");
        check(zmq_msg_recv(&msg, s, 0), "recv");
    }
    long timed = count - warm;
    double start = now();
    for (long i = 0; i < timed; i++) {
        check(zmq_msg_send(&msg, s, 0), "send");
        check(zmq_msg_recv(&msg, s, 0), "recv");
    }
    double elapsed = now() - start;
    printf("message size: %zu [B]\nroundtrip count: %ld\n", size, timed);
    printf("average latency: %.3f [us]\n", elapsed * 1e6 / (timed * 2.0));
    zmq_msg_close(&msg);
}

static void *inproc_sender(void *s) {
    send_all(s);
    return NULL;
}

static void *inproc_echo(void *s) {
    echo(s);
    return NULL;
}

struct subscriber {
    void *socket;
    int *ready;
    double rate;
};

/* Receives the probes until the measured stream starts, then times COUNT messages. */
static void *subscribe_and_time(void *arg) {
    struct subscriber *sub = arg;
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    check(zmq_msg_recv(&msg, sub->socket, 0), "recv");
    __atomic_add_fetch(sub->ready, 1, __ATOMIC_SEQ_CST);
    while (zmq_msg_size(&msg) != size) {
        check(zmq_msg_recv(&msg, sub->socket, 0), "recv");
    }
    double start = now();
    for (long i = 1; i < count; i++) {
        check(zmq_msg_recv(&msg, sub->socket, 0), "recv");
    }
    sub->rate = count / (now() - start);
    zmq_msg_close(&msg);
    return NULL;
}

static int by_rate(const void *a, const void *b) {
    double x = ((const struct subscriber *) a)->rate, y = ((const struct subscriber *) b)->rate;
    return (x > y) - (x < y);
}

static void fanout(int subscribers) {
    void *sub_ctx = zmq_ctx_new();
    void *pub = socket_of(ZMQ_PUB);
    check(zmq_bind(pub, "tcp://127.0.0.1:*"), "bind");
    char endpoint[256];
    size_t length = sizeof endpoint;
    check(zmq_getsockopt(pub, ZMQ_LAST_ENDPOINT, endpoint, &length), "last endpoint");
    struct subscriber subs[subscribers];
    pthread_t threads[subscribers];
    int ready = 0;
    void *main_ctx = ctx;
    ctx = sub_ctx;
    for (int i = 0; i < subscribers; i++) {
        subs[i].socket = socket_of(ZMQ_SUB);
        subs[i].ready = &ready;
        zmq_setsockopt(subs[i].socket, ZMQ_SUBSCRIBE, "", 0);
        check(zmq_connect(subs[i].socket, endpoint), "connect");
        pthread_create(&threads[i], NULL, subscribe_and_time, &subs[i]);
    }
    ctx = main_ctx;
    while (__atomic_load_n(&ready, __ATOMIC_SEQ_CST) < subscribers) {
        check(zmq_send(pub, "", 0, 0), "probe");
        struct timespec pause = {0, 10 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    send_all(pub);
    for (int i = 0; i < subscribers; i++) {
        pthread_join(threads[i], NULL);
        zmq_close(subs[i].socket);
    }
    qsort(subs, subscribers, sizeof subs[0], by_rate);
    printf("mean throughput: %ld [msg/s]\n", (long) subs[subscribers / 2].rate);
    zmq_close(pub);
    zmq_ctx_term(sub_ctx);
}

#define IDLE_INTERVAL_NS 20000000L
#define IDLE_SIZE 64

static long warmup;
static int probes;
static double *latencies;

static long long nanos(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* waits until 20 ms after the previous tick and returns the new one */
static long long pause_until_next(long long previous) {
    long long next = previous + IDLE_INTERVAL_NS;
    struct timespec ts = {next / 1000000000LL, next % 1000000000LL};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) != 0) {
    }
    return next;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static void report_latencies(void) {
    qsort(latencies, probes, sizeof latencies[0], by_value);
    printf("idle latency: median %.1f [us] p99 %.1f [us] max %.1f [us]\n", latencies[probes / 2],
           latencies[(int) (probes * 0.99)], latencies[probes - 1]);
}

static void pace(void) {
    struct timespec ts = {0, 100000};
    nanosleep(&ts, NULL);
}

static void *idle_receiver(void *s) {
    char buf[IDLE_SIZE];
    for (long i = 0; i < warmup + warmup / 100; i++) {
        check(zmq_recv(s, buf, sizeof buf, 0), "recv");
    }
    for (int i = 0; i < probes; i++) {
        check(zmq_recv(s, buf, sizeof buf, 0), "recv");
        long long sent;
        memcpy(&sent, buf, sizeof sent);
        latencies[i] = (nanos() - sent) / 1e3;
    }
    return NULL;
}

static void *idle_echo(void *s) {
    char buf[IDLE_SIZE];
    for (long i = 0; i < warmup + warmup / 100 + probes; i++) {
        int n = zmq_recv(s, buf, sizeof buf, 0);
        check(n, "recv");
        check(zmq_send(s, buf, n, 0), "send");
    }
    return NULL;
}

static void idle(int push) {
    char buf[IDLE_SIZE] = {0};
    char endpoint[64];
    size_t length = sizeof endpoint;
    void *local = zmq_socket(ctx, push ? ZMQ_PULL : ZMQ_REP), *remote = zmq_socket(ctx, push ? ZMQ_PUSH : ZMQ_REQ);
    check(zmq_bind(local, "tcp://127.0.0.1:*"), "bind");
    zmq_getsockopt(local, ZMQ_LAST_ENDPOINT, endpoint, &length);
    check(zmq_connect(remote, endpoint), "connect");
    latencies = calloc(probes, sizeof latencies[0]);
    pthread_t t;
    pthread_create(&t, NULL, push ? idle_receiver : idle_echo, local);
    for (long i = 0; i < warmup + warmup / 100; i++) {
        if (i >= warmup) {
            pace();
        }
        check(zmq_send(remote, buf, sizeof buf, 0), "send");
        if (!push) {
            check(zmq_recv(remote, buf, sizeof buf, 0), "recv");
        }
    }
    long long next = nanos();
    for (int i = 0; i < probes; i++) {
        next = pause_until_next(next);
        long long start = nanos();
        memcpy(buf, &start, sizeof start);
        check(zmq_send(remote, buf, sizeof buf, 0), "send");
        if (!push) {
            check(zmq_recv(remote, buf, sizeof buf, 0), "recv");
            latencies[i] = (nanos() - start) / 1e3;
        }
    }
    pthread_join(t, NULL);
    report_latencies();
    zmq_close(local);
    zmq_close(remote);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    if (strncmp(mode, "idle-", 5) == 0 && argc == 4) {
        warmup = atol(argv[2]);
        probes = atoi(argv[3]);
        ctx = zmq_ctx_new();
        idle(strcmp(mode, "idle-push") == 0);
        zmq_ctx_term(ctx);
        return 0;
    }
    if (strcmp(mode, "fanout") == 0 && argc == 5 && atol(argv[2]) > 0) {
        size = (size_t) atol(argv[2]);
        count = atol(argv[3]);
        ctx = zmq_ctx_new();
        fanout(atoi(argv[4]));
        zmq_ctx_term(ctx);
        return 0;
    }
    int inproc = strncmp(mode, "inproc", 6) == 0;
    int base = inproc ? 4 : 5;
    if (argc != base && argc != base + 1) {
        fprintf(stderr, "usage: zmqperf local-thr|remote-thr|local-lat|remote-lat|local-sub|remote-pub ENDPOINT"
                        " SIZE COUNT [WARMUP]\n       zmqperf inproc-thr|inproc-lat SIZE COUNT [WARMUP]\n"
                        "       zmqperf fanout SIZE COUNT SUBSCRIBERS\n       zmqperf idle-push|idle-req WARMUP PROBES\n");
        return 2;
    }
    const char *endpoint = inproc ? "inproc://perf" : argv[2];
    size = (size_t) atol(argv[inproc ? 2 : 3]);
    count = atol(argv[inproc ? 3 : 4]);
    warm = argc > base ? atol(argv[base]) : 0;
    ctx = zmq_ctx_new();
    if (inproc) {
        int thr = strcmp(mode, "inproc-thr") == 0;
        void *local = socket_of(thr ? ZMQ_PULL : ZMQ_REP), *remote = socket_of(thr ? ZMQ_PUSH : ZMQ_REQ);
        check(zmq_bind(local, endpoint), "bind");
        check(zmq_connect(remote, endpoint), "connect");
        pthread_t t;
        if (thr) {
            pthread_create(&t, NULL, inproc_sender, remote);
            receive_and_report(local);
        } else {
            pthread_create(&t, NULL, inproc_echo, local);
            round_trips_and_report(remote);
        }
        pthread_join(t, NULL);
        zmq_close(local);
        zmq_close(remote);
    } else if (strcmp(mode, "local-thr") == 0 || strcmp(mode, "local-sub") == 0) {
        int sub = mode[6] == 's';
        void *s = socket_of(sub ? ZMQ_SUB : ZMQ_PULL);
        if (sub) {
            zmq_setsockopt(s, ZMQ_SUBSCRIBE, "", 0);
        }
        check(zmq_bind(s, endpoint), "bind");
        receive_and_report(s);
        zmq_close(s);
    } else if (strcmp(mode, "remote-thr") == 0 || strcmp(mode, "remote-pub") == 0) {
        int pub = mode[7] == 'p';
        void *s = socket_of(pub ? ZMQ_XPUB : ZMQ_PUSH);
        check(zmq_connect(s, endpoint), "connect");
        if (pub) {
            char subscription[16];
            check(zmq_recv(s, subscription, sizeof subscription, 0), "wait for the subscription");
        }
        send_all(s);
        zmq_close(s);
    } else {
        int local = strcmp(mode, "local-lat") == 0;
        void *s = socket_of(local ? ZMQ_REP : ZMQ_REQ);
        check(local ? zmq_bind(s, endpoint) : zmq_connect(s, endpoint), local ? "bind" : "connect");
        if (local) {
            echo(s);
        } else {
            round_trips_and_report(s);
        }
        zmq_close(s);
    }
    zmq_ctx_term(ctx);
    return 0;
}
