/*
 * beej_showip.c -- a TEST peer written from the description of showip in Beej's
 * Guide to Network Programming (getaddrinfo): every address of a host.
 *
 * Usage: ./beej_showip HOST
 *
 * Prints "IP addresses for HOST:", an empty line, then "  IPv4: A" or
 * "  IPv6: A" per result, in getaddrinfo's order (AF_UNSPEC, SOCK_STREAM).
 * Wrong arguments: "usage: showip hostname" on stderr, exit 1. A failed
 * lookup: "getaddrinfo: " and gai_strerror's text on stderr, exit 2.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    struct addrinfo want, *list, *it;
    char text[INET6_ADDRSTRLEN];
    int rc;

    if (argc != 2) {
        fputs("usage: showip hostname\n", stderr);
        return 1;
    }
    memset(&want, 0, sizeof want);
    want.ai_family = AF_UNSPEC;
    want.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo(argv[1], NULL, &want, &list);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return 2;
    }
    printf("IP addresses for %s:\n\n", argv[1]);
    for (it = list; it; it = it->ai_next) {
        const void *where;
        const char *family;
        if (it->ai_family == AF_INET6) {
            where = &((struct sockaddr_in6 *) it->ai_addr)->sin6_addr;
            family = "IPv6";
        } else {
            where = &((struct sockaddr_in *) it->ai_addr)->sin_addr;
            family = "IPv4";
        }
        inet_ntop(it->ai_family, where, text, sizeof text);
        printf("  %s: %s\n", family, text);
    }
    freeaddrinfo(list);
    return 0;
}
