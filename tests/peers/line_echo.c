/*
 * line_echo.c -- a TEST peer for dialogue benchmarks: accepts ONE connection on
 * 127.0.0.1:PORT and writes back every byte it reads, at once, until end of
 * stream; then exits 0. Exit 1 on errors.
 *
 * Usage: ./line_echo PORT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

int main(int argc, char *argv[])
{
    static char buf[65536];
    struct sockaddr_in a;
    int one = 1, l, c;
    ssize_t n;

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
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    while ((n = read(c, buf, sizeof buf)) > 0) {
        ssize_t off = 0;
        while (off < n) {
            ssize_t w = write(c, buf + off, n - off);
            if (w < 0) {
                perror("write");
                return 1;
            }
            off += w;
        }
    }
    close(c);
    close(l);
    return 0;
}
