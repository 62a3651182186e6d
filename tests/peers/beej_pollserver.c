/*
 * beej_pollserver.c -- a TEST peer written from the description of the chat
 * server in Beej's Guide to Network Programming (pollserver.c, and with
 * SELECT=1 in the environment, selectserver.c's select() loop).
 *
 * Usage: ./beej_pollserver [PORT]      (PORT 9034 by default)
 *
 * One process: the listener (first AI_PASSIVE stream address, SO_REUSEADDR,
 * backlog 10) and every client in one poll() (or select()) set. Prints
 * "NAME: new connection from ADDR on socket FD" and "NAME: socket FD hung
 * up" (NAME is pollserver or selectserver); a recv error is perror'd
 * ("recv: ...") and that client dropped. Each client's bytes (recv of up to
 * 256) go to every other client, not back to it. No listening socket:
 * pollserver says "error getting listening socket" (exit 1); selectserver
 * "selectserver: failed to bind" (exit 2), or perror("listen") (exit 3).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 1000

static const char *name = "pollserver";
static struct pollfd set[MAX_CLIENTS + 1];
static int count;

static const void *in_addr_of(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET6)
        return &((const struct sockaddr_in6 *) sa)->sin6_addr;
    return &((const struct sockaddr_in *) sa)->sin_addr;
}

/* The listening socket; -1 when nothing could be bound, -2 when listen failed. */
static int listener_on(const char *port)
{
    struct addrinfo want, *list, *it;
    int fd = -1, one = 1, rc;

    memset(&want, 0, sizeof want);
    want.ai_family = AF_UNSPEC;
    want.ai_socktype = SOCK_STREAM;
    want.ai_flags = AI_PASSIVE;
    rc = getaddrinfo(NULL, port, &want, &list);
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", name, gai_strerror(rc));
        exit(1);
    }
    for (it = list; it; it = it->ai_next) {
        fd = socket(it->ai_family, it->ai_socktype, it->ai_protocol);
        if (fd < 0)
            continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, it->ai_addr, it->ai_addrlen) == 0)
            break;
        close(fd);
    }
    freeaddrinfo(list);
    if (!it)
        return -1;
    if (listen(fd, 10) < 0)
        return -2;
    return fd;
}

/* A client's turn: relay what it sent, or drop it. Returns 1 when dropped. */
static int serve(int listener, int from)
{
    char buf[256];
    ssize_t n = recv(from, buf, sizeof buf, 0);
    if (n <= 0) {
        if (n == 0)
            printf("%s: socket %d hung up\n", name, from);
        else
            perror("recv");
        close(from);
        return 1;
    }
    for (int j = 0; j < count; j++) {
        int to = set[j].fd;
        if (to != listener && to != from && send(to, buf, n, MSG_NOSIGNAL) < 0)
            perror("send");
    }
    return 0;
}

static void welcome(int listener)
{
    struct sockaddr_storage peer;
    socklen_t len = sizeof peer;
    char text[INET6_ADDRSTRLEN];
    int fd = accept(listener, (struct sockaddr *) &peer, &len);
    if (fd < 0) {
        perror("accept");
        return;
    }
    if (count > MAX_CLIENTS) {
        close(fd);
        return;
    }
    set[count].fd = fd;
    set[count].events = POLLIN;
    set[count].revents = 0;
    count++;
    inet_ntop(peer.ss_family, in_addr_of((struct sockaddr *) &peer), text,
              sizeof text);
    printf("%s: new connection from %s on socket %d\n", name, text, fd);
}

int main(int argc, char *argv[])
{
    int use_select = getenv("SELECT") != NULL;
    int listener;

    if (use_select)
        name = "selectserver";
    setvbuf(stdout, NULL, _IOLBF, 0);
    listener = listener_on(argc > 1 ? argv[1] : "9034");
    if (listener < 0 && !use_select) {
        fputs("error getting listening socket\n", stderr);
        exit(1);
    }
    if (listener == -1) {
        fputs("selectserver: failed to bind\n", stderr);
        exit(2);
    }
    if (listener == -2) {
        perror("listen");
        exit(3);
    }
    set[0].fd = listener;
    set[0].events = POLLIN;
    count = 1;
    for (;;) {
        if (use_select) {
            fd_set ready;
            int top = 0;
            FD_ZERO(&ready);
            for (int i = 0; i < count; i++) {
                FD_SET(set[i].fd, &ready);
                if (set[i].fd > top)
                    top = set[i].fd;
            }
            if (select(top + 1, &ready, NULL, NULL, NULL) < 0) {
                perror("select");
                exit(4);
            }
            for (int i = 0; i < count; i++)
                set[i].revents = FD_ISSET(set[i].fd, &ready) ? POLLIN : 0;
        } else if (poll(set, count, -1) < 0) {
            perror("poll");
            exit(1);
        }
        for (int i = 0; i < count; i++) {
            if (!(set[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (set[i].fd == listener) {
                welcome(listener);
            } else if (serve(listener, set[i].fd)) {
                set[i] = set[--count]; /* the last entry moves here: look again */
                i--;
            }
        }
    }
}
