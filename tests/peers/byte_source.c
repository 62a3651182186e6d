/*
 * byte_source.c -- a TEST peer for throughput: accepts ONE connection on
 * 127.0.0.1:PORT, writes BYTES bytes from a 64 KiB buffer, shuts its writing
 * half, waits for the client to close, and prints "BYTES SECONDS" (from
 * accept to the client's close: the time the client took to take it all).
 *
 * Usage: ./byte_source PORT BYTES.  Exit 1 on errors.
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
    long long left, total;
    ssize_t n;
    double t0;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT BYTES\n", argv[0]);
        return 1;
    }
    total = left = atoll(argv[2]);
    memset(buf, 'x', sizeof buf);
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
    while (left > 0) {
        n = write(c, buf, left < (long long)sizeof buf ? (size_t)left : sizeof buf);
        if (n < 0) {
            perror("write");
            return 1;
        }
        left -= n;
    }
    shutdown(c, SHUT_WR);
    while (read(c, buf, sizeof buf) > 0)
        ;
    printf("%lld %.6f\n", total, now() - t0);
    close(c);
    close(l);
    return 0;
}
