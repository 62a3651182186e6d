/*
 * beej_client.c -- a TEST peer written from the description of the stream
 * client in Beej's Guide to Network Programming (client.c).
 *
 * Usage: ./beej_client HOST [PORT]     (PORT 3490 by default)
 *
 * Tries each address getaddrinfo gives (AF_UNSPEC, stream), printing
 * "client: attempting connection to ADDR" (a failure: perror "client:
 * connect"), then "client: connected to ADDR", one recv of up to 99 bytes
 * and "client: received 'TEXT'". None answers: "client: failed to connect",
 * exit 2. Wrong arguments: "usage: client hostname" on stderr, exit 1.
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
    char text[INET6_ADDRSTRLEN], buf[100];
    int fd = -1, rc;
    ssize_t n;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc != 2 && argc != 3) {
        fputs("usage: client hostname\n", stderr);
        exit(1);
    }
    memset(&want, 0, sizeof want);
    want.ai_family = AF_UNSPEC;
    want.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo(argv[1], argc > 2 ? argv[2] : "3490", &want, &list);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return 1;
    }
    for (it = list; it; it = it->ai_next) {
        fd = socket(it->ai_family, it->ai_socktype, it->ai_protocol);
        if (fd < 0) {
            perror("client: socket");
            continue;
        }
        inet_ntop(it->ai_family, in_addr_of(it->ai_addr), text, sizeof text);
        printf("client: attempting connection to %s\n", text);
        if (connect(fd, it->ai_addr, it->ai_addrlen) == 0)
            break;
        perror("client: connect");
        close(fd);
    }
    if (!it) {
        fputs("client: failed to connect\n", stderr);
        return 2;
    }
    inet_ntop(it->ai_family, in_addr_of(it->ai_addr), text, sizeof text);
    printf("client: connected to %s\n", text);
    freeaddrinfo(list);
    n = recv(fd, buf, sizeof buf - 1, 0);
    if (n < 0) {
        perror("recv");
        exit(1);
    }
    buf[n] = '\0';
    printf("client: received '%s'\n", buf);
    close(fd);
    return 0;
}
