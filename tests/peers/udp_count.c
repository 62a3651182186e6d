/*
 * udp_count.c -- a TEST peer for receive benchmarks: binds 127.0.0.1:PORT,
 * prints "ready", then a loop of recvfrom() with a 64-byte buffer counts the
 * datagrams until none has come for 300 ms; prints the count. Exit 1 on errors.
 *
 * Usage: ./udp_count PORT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(int argc, char *argv[])
{
    struct sockaddr_in a, from;
    struct timeval tv = {0, 300000};
    socklen_t len;
    char buf[64];
    long count = 0;
    int s;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 1;
    }
    s = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("bind");
        return 1;
    }
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        len = sizeof from;
        if (recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len) < 0)
            break;
        count++;
    }
    printf("%ld\n", count);
    close(s);
    return 0;
}
