/*
 * beej_talker.c -- a TEST peer written from the description of the datagram
 * talker in Beej's Guide to Network Programming (talker.c).
 *
 * Usage: ./beej_talker HOST MESSAGE [PORT]   (PORT 4950 by default)
 *
 * Looks HOST up as AF_INET6 datagram addresses, sends MESSAGE (strlen bytes)
 * to the first, prints "talker: sent N bytes to HOST". Wrong arguments:
 * "usage: talker hostname message" on stderr, exit 1.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    struct addrinfo want, *list, *it;
    int fd = -1, rc;
    ssize_t n;

    if (argc != 3 && argc != 4) {
        fputs("usage: talker hostname message\n", stderr);
        exit(1);
    }
    memset(&want, 0, sizeof want);
    want.ai_family = AF_INET6;
    want.ai_socktype = SOCK_DGRAM;
    rc = getaddrinfo(argv[1], argc > 3 ? argv[3] : "4950", &want, &list);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return 1;
    }
    for (it = list; it; it = it->ai_next) {
        fd = socket(it->ai_family, it->ai_socktype, it->ai_protocol);
        if (fd >= 0)
            break;
        perror("talker: socket");
    }
    if (!it) {
        fputs("talker: failed to create socket\n", stderr);
        return 2;
    }
    n = sendto(fd, argv[2], strlen(argv[2]), 0, it->ai_addr, it->ai_addrlen);
    if (n < 0) {
        perror("talker: sendto");
        exit(1);
    }
    freeaddrinfo(list);
    printf("talker: sent %d bytes to %s\n", (int) n, argv[1]);
    close(fd);
    return 0;
}
