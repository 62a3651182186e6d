/*
 * broken_no_eof.c -- a deliberately BROKEN age client, for the tests of `check age-client`.
 * It is age_client.c with one classic mistake:
 * it does not handle end of stream: when read() returns 0 it reads again,
 * spinning forever once the server has closed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

void error(char *msg)
{
    perror(msg);
    exit(1);
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            error("write");
        }
        s += w;
        n -= (size_t) w;
    }
}

int main(int argc, char *argv[])
{
    int sockfd, portno, stdin_eof = 0;
    struct sockaddr_in serv_addr;
    struct hostent *server;
    char buffer[4096], line[4096];
    /* The last (up to) 3 bytes received, and the length of the current,
       unterminated line (saturating). */
    char tail[3] = {0, 0, 0};
    size_t linelen = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        exit(1);
    }
    portno = atoi(argv[2]);
    sockfd = socket(AF_INET, SOCK_STREAM, 0);
    if (sockfd < 0)
        error("socket");
    server = gethostbyname(argv[1]);
    if (server == NULL) {
        fprintf(stderr, "age_client: unknown host %s\n", argv[1]);
        exit(1);
    }
    bzero((char *) &serv_addr, sizeof(serv_addr));
    serv_addr.sin_family = AF_INET;
    bcopy((char *) server->h_addr, (char *) &serv_addr.sin_addr.s_addr,
          server->h_length);
    serv_addr.sin_port = htons(portno);
    if (connect(sockfd, (struct sockaddr *) &serv_addr, sizeof(serv_addr)) < 0)
        error("connect");

    for (;;) {
        ssize_t n = read(sockfd, buffer, sizeof(buffer));
        ssize_t i;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error("read");
        }
        if (n == 0)
            continue;   /* THE MISTAKE: 0 is end of stream, not "nothing yet". */
        write_all(1, buffer, (size_t) n);
        for (i = 0; i < n; i++) {
            tail[0] = tail[1];
            tail[1] = tail[2];
            tail[2] = buffer[i];
            if (buffer[i] == '\n')
                linelen = 0;
            else if (linelen < 3)
                linelen++;
        }
        if (linelen >= 2 && tail[1] == ':' && tail[2] == ' '
            && !(linelen >= 3 && tail[0] == ' ') && !stdin_eof) {
            if (fgets(line, sizeof(line), stdin) != NULL) {
                write_all(sockfd, line, strlen(line));
            } else {
                stdin_eof = 1;
                shutdown(sockfd, SHUT_WR);
            }
        }
    }
    close(sockfd);
    return 0;
}
