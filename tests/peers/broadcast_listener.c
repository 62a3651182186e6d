/*
 * broadcast_listener.c -- a TEST UDP listener in the style of Beej's
 * listener.c that shares its port (SO_REUSEADDR), so that several can wait
 * for the same broadcast on one machine.
 *
 * Usage: ./broadcast_listener PORT
 *
 * Binds 0.0.0.0:PORT with SO_REUSEADDR, waits for ONE datagram (up to 10 s,
 * SO_RCVTIMEO), prints "got packet from ADDR" and "packet contains "TEXT""
 * and exits 0; exit 1 on errors or when nothing came.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        fprintf(stderr, "usage: broadcast_listener PORT\n");
        return 1;
    }
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct timeval tv = { 10, 0 };
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("bind");
        return 1;
    }
    char buf[512];
    struct sockaddr_in from;
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(s, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &len);
    if (n < 0) {
        perror("recvfrom");
        return 1;
    }
    buf[n] = '\0';
    printf("got packet from %s\n", inet_ntoa(from.sin_addr));
    printf("packet contains \"%s\"\n", buf);
    close(s);
    return 0;
}
