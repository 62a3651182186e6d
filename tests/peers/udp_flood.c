/*
 * udp_flood.c -- a TEST peer for receive benchmarks: sends COUNT datagrams of
 * one byte to 127.0.0.1:PORT as fast as blocking sendto() allows, then prints
 * "COUNT SECONDS" on stdout. Exit 1 on errors.
 *
 * Usage: ./udp_flood PORT COUNT
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
    struct sockaddr_in a;
    long i, count;
    double t0;
    int s;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT COUNT\n", argv[0]);
        return 1;
    }
    count = atol(argv[2]);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    t0 = now();
    for (i = 0; i < count; i++) {
        if (sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof a) != 1) {
            perror("sendto");
            return 1;
        }
    }
    printf("%ld %f\n", count, now() - t0);
    close(s);
    return 0;
}
