/*
 * full_backlog.c -- a TEST server whose accept queue fills at once: it
 * listens with backlog 0 and never calls accept(), so after the first
 * connection or so the kernel drops new SYNs and a client's connect() hangs
 * until it times out (ETIMEDOUT) or is interrupted (EINTR).
 *
 * Usage: ./full_backlog PORT
 *
 * Listens on 127.0.0.1:PORT and sleeps until killed.  Prints nothing;
 * exit 1 on errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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
    int sockfd;
    struct sockaddr_in serv_addr;

    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
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
    if (listen(sockfd, 0) < 0)
        error("listen");
    for (;;)
        pause();
}
