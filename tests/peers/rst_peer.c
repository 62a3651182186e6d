/*
 * rst_peer.c -- a TEST server that resets its one connection, the C way:
 * it closes with received data it never read, so the kernel sends RST
 * instead of FIN (RFC 1122 4.2.2.13), and the client's next recv fails with
 * ECONNRESET, its next send after that with EPIPE.
 *
 * Usage: ./rst_peer PORT [linger | send BYTES]
 *
 * Listens on 127.0.0.1:PORT, accepts ONE client, waits (poll) until at least
 * one byte has arrived, does not read it, prints "reset\n" on stdout just
 * before close(), and exits 0.  With "linger", SO_LINGER {1, 0} is set
 * before close(), which sends RST whatever was read.  With "send BYTES", it
 * writes BYTES bytes ('x') first, waits 1 s for the client to take them,
 * and resets with SO_LINGER {1, 0} without waiting for a byte: a stream cut
 * in the middle of a transfer.  Exit 1 on errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static void error(const char *msg)
{
    perror(msg);
    exit(1);
}

int main(int argc, char *argv[])
{
    int sockfd, newsockfd;
    struct sockaddr_in serv_addr;
    struct pollfd p;

    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [linger | send BYTES]\n", argv[0]);
        return 1;
    }
    sockfd = socket(AF_INET, SOCK_STREAM, 0);
    if (sockfd < 0)
        error("socket");
    memset(&serv_addr, 0, sizeof(serv_addr));
    serv_addr.sin_family = AF_INET;
    serv_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    serv_addr.sin_port = htons(atoi(argv[1]));
    if (bind(sockfd, (struct sockaddr *) &serv_addr, sizeof(serv_addr)) < 0)
        error("bind");
    if (listen(sockfd, 5) < 0)
        error("listen");
    newsockfd = accept(sockfd, NULL, NULL);
    if (newsockfd < 0)
        error("accept");
    if (argc > 3 && strcmp(argv[2], "send") == 0) {
        static char buf[65536];
        long long left = atoll(argv[3]);
        memset(buf, 'x', sizeof(buf));
        while (left > 0) {
            ssize_t n = write(newsockfd, buf,
                              left < (long long) sizeof(buf) ? (size_t) left : sizeof(buf));
            if (n < 0)
                error("write");
            left -= n;
        }
        usleep(1000000);
    } else {
        p.fd = newsockfd;
        p.events = POLLIN;
        if (poll(&p, 1, 10000) != 1)
            error("poll");
    }
    if (argc > 2 && (strcmp(argv[2], "linger") == 0 || strcmp(argv[2], "send") == 0)) {
        struct linger l = { 1, 0 };
        if (setsockopt(newsockfd, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) < 0)
            error("setsockopt");
    }
    printf("reset\n");
    fflush(stdout);
    close(newsockfd);
    close(sockfd);
    return 0;
}
