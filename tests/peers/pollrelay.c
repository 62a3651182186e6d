/*
 * pollrelay.c -- a TEST relay server with poll(): every byte a client sends
 * goes to every other client, as in the chat server of a poll() chapter.
 * One process, no threads: the listener and the clients are all in one
 * array of struct pollfd.
 *
 * Usage: ./pollrelay PORT
 *
 * Listens on 127.0.0.1:PORT; prints "new connection on N" and
 * "socket N hung up" on stdout (line buffered).  Runs until killed.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define MAX_FDS 1024

static void error(const char *msg)
{
    perror(msg);
    exit(1);
}

/* send() until all of buf is gone; a failure only drops that client's copy. */
static void send_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n <= 0)
            return;
        buf += n;
        len -= (size_t) n;
    }
}

int main(int argc, char *argv[])
{
    struct pollfd pfds[MAX_FDS];
    int nfds = 1;
    int listener, yes = 1;
    struct sockaddr_in addr;
    char buf[4096];

    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0)
        error("socket");
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(atoi(argv[1]));
    if (bind(listener, (struct sockaddr *) &addr, sizeof(addr)) < 0)
        error("bind");
    if (listen(listener, 128) < 0)
        error("listen");
    pfds[0].fd = listener;
    pfds[0].events = POLLIN;

    for (;;) {
        if (poll(pfds, nfds, -1) < 0) {
            if (errno == EINTR)
                continue;
            error("poll");
        }
        for (int i = 0; i < nfds; i++) {
            if (!(pfds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (pfds[i].fd == listener) {
                int c = accept(listener, NULL, NULL);
                if (c < 0)
                    continue;
                if (nfds == MAX_FDS) {
                    close(c);
                    continue;
                }
                pfds[nfds].fd = c;
                pfds[nfds].events = POLLIN;
                pfds[nfds].revents = 0;
                nfds++;
                printf("new connection on %d\n", c);
                continue;
            }
            ssize_t n = recv(pfds[i].fd, buf, sizeof(buf), 0);
            if (n <= 0) {
                printf("socket %d hung up\n", pfds[i].fd);
                close(pfds[i].fd);
                pfds[i] = pfds[--nfds];
                i--;
                continue;
            }
            for (int j = 1; j < nfds; j++)
                if (j != i)
                    send_all(pfds[j].fd, buf, (size_t) n);
        }
    }
}
