/*
 * beej_broadcaster.c -- a TEST peer written from the description of the
 * broadcaster in Beej's Guide to Network Programming (broadcaster.c).
 *
 * Usage: ./beej_broadcaster HOST MESSAGE [PORT]   (PORT 4950 by default)
 *
 * gethostbyname(HOST), an AF_INET datagram socket with SO_BROADCAST set,
 * one sendto, then "sent N bytes to A.B.C.D". Set NO_BROADCAST=1 in the
 * environment to leave SO_BROADCAST off and see sendto's EACCES.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    struct sockaddr_in to;
    struct hostent *he;
    int fd, on = 1;
    ssize_t n;

    if (argc != 3 && argc != 4) {
        fputs("usage: broadcaster hostname message\n", stderr);
        exit(1);
    }
    he = gethostbyname(argv[1]);
    if (!he) {
        herror("gethostbyname");
        exit(1);
    }
    fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("socket");
        exit(1);
    }
    if (!getenv("NO_BROADCAST") &&
        setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on) < 0) {
        perror("setsockopt (SO_BROADCAST)");
        exit(1);
    }
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(argc > 3 ? atoi(argv[3]) : 4950);
    memcpy(&to.sin_addr, he->h_addr_list[0], sizeof to.sin_addr);
    n = sendto(fd, argv[2], strlen(argv[2]), 0, (struct sockaddr *) &to,
               sizeof to);
    if (n < 0) {
        perror("sendto");
        exit(1);
    }
    printf("sent %d bytes to %s\n", (int) n, inet_ntoa(to.sin_addr));
    close(fd);
    return 0;
}
