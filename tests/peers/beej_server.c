/*
 * beej_server.c -- a TEST peer written from the description of the stream
 * server in Beej's Guide to Network Programming (server.c).
 *
 * Usage: ./beej_server [PORT]          (PORT 3490 by default)
 *
 * Binds the first AI_PASSIVE address getaddrinfo gives (AF_UNSPEC, stream)
 * with SO_REUSEADDR, listens (backlog 10), prints "server: waiting for
 * connections...", then for each client "server: got connection from ADDR"
 * and forks a child that sends the 13 bytes "Hello, world!" and closes.
 * stdout is line buffered so a test reads each line as it comes.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const void *in_addr_of(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET6)
        return &((const struct sockaddr_in6 *) sa)->sin6_addr;
    return &((const struct sockaddr_in *) sa)->sin_addr;
}

int main(int argc, char *argv[])
{
    const char *port = argc > 1 ? argv[1] : "3490";
    struct addrinfo want, *list, *it;
    struct sockaddr_storage peer;
    socklen_t len;
    char text[INET6_ADDRSTRLEN];
    int fd = -1, one = 1, rc;

    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGCHLD, SIG_IGN); /* the kernel reaps the children */
    memset(&want, 0, sizeof want);
    want.ai_family = AF_UNSPEC;
    want.ai_socktype = SOCK_STREAM;
    want.ai_flags = AI_PASSIVE;
    rc = getaddrinfo(NULL, port, &want, &list);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return 1;
    }
    for (it = list; it; it = it->ai_next) {
        fd = socket(it->ai_family, it->ai_socktype, it->ai_protocol);
        if (fd < 0) {
            perror("server: socket");
            continue;
        }
        if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) {
            perror("setsockopt");
            exit(1);
        }
        if (bind(fd, it->ai_addr, it->ai_addrlen) == 0)
            break;
        close(fd);
        perror("server: bind");
    }
    freeaddrinfo(list);
    if (!it) {
        fputs("server: failed to bind\n", stderr);
        exit(1);
    }
    if (listen(fd, 10) < 0) {
        perror("listen");
        exit(1);
    }
    puts("server: waiting for connections...");
    for (;;) {
        len = sizeof peer;
        int conn = accept(fd, (struct sockaddr *) &peer, &len);
        if (conn < 0) {
            perror("accept");
            continue;
        }
        inet_ntop(peer.ss_family, in_addr_of((struct sockaddr *) &peer), text,
                  sizeof text);
        printf("server: got connection from %s\n", text);
        if (fork() == 0) {
            close(fd);
            if (send(conn, "Hello, world!", 13, 0) < 0)
                perror("send");
            close(conn);
            exit(0);
        }
        close(conn);
    }
}
