/*
 * byte_sink.c -- a TEST peer for throughput: accepts ONE connection on
 * 127.0.0.1:PORT, reads with a 64 KiB buffer until end of stream, and prints
 * "BYTES SECONDS" (from accept to end of stream) on stdout.
 *
 * Usage: ./byte_sink PORT.  Exit 1 on errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char *argv[])
{
    static char buf[65536];
    struct sockaddr_in a;
    int one = 1, l, c;
    long long total = 0;
    ssize_t n;
    double t0;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 1;
    }
    l = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0) {
        perror("bind/listen");
        return 1;
    }
    c = accept(l, NULL, NULL);
    if (c < 0) {
        perror("accept");
        return 1;
    }
    t0 = now();
    while ((n = read(c, buf, sizeof buf)) > 0)
        total += n;
    if (n < 0) {
        perror("read");
        return 1;
    }
    printf("%lld %.6f\n", total, now() - t0);
    close(c);
    close(l);
    return 0;
}
