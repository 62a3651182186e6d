/*
 * beej_listener.c -- a TEST peer written from the description of the datagram
 * listener in Beej's Guide to Network Programming (listener.c).
 *
 * Usage: ./beej_listener [PORT]        (PORT 4950 by default)
 *
 * Binds the first AI_PASSIVE AF_INET6 datagram address (::, dual-stack on
 * Linux), prints "listener: waiting to recvfrom...", takes one datagram of up
 * to 99 bytes and prints who sent it (inet_ntop: an IPv4 sender shows as
 * ::ffff:a.b.c.d), its length and its text.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
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
    struct addrinfo want, *list, *it;
    struct sockaddr_storage from;
    socklen_t len = sizeof from;
    char text[INET6_ADDRSTRLEN], buf[100];
    int fd = -1, rc;
    ssize_t n;

    setvbuf(stdout, NULL, _IOLBF, 0);
    memset(&want, 0, sizeof want);
    want.ai_family = AF_INET6;
    want.ai_socktype = SOCK_DGRAM;
    want.ai_flags = AI_PASSIVE;
    rc = getaddrinfo(NULL, argc > 1 ? argv[1] : "4950", &want, &list);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return 1;
    }
    for (it = list; it; it = it->ai_next) {
        fd = socket(it->ai_family, it->ai_socktype, it->ai_protocol);
        if (fd < 0) {
            perror("listener: socket");
            continue;
        }
        if (bind(fd, it->ai_addr, it->ai_addrlen) == 0)
            break;
        close(fd);
        perror("listener: bind");
    }
    if (!it) {
        fputs("listener: failed to bind socket\n", stderr);
        return 2;
    }
    freeaddrinfo(list);
    puts("listener: waiting to recvfrom...");
    n = recvfrom(fd, buf, sizeof buf - 1, 0, (struct sockaddr *) &from, &len);
    if (n < 0) {
        perror("recvfrom");
        exit(1);
    }
    inet_ntop(from.ss_family, in_addr_of((struct sockaddr *) &from), text,
              sizeof text);
    printf("listener: got packet from %s\n", text);
    printf("listener: packet is %d bytes long\n", (int) n);
    buf[n] = '\0';
    printf("listener: packet contains \"%s\"\n", buf);
    close(fd);
    return 0;
}
