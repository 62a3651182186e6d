/*
 * nb_client.c -- a TEST client that connects without blocking: connect()
 * on an O_NONBLOCK socket, poll() for POLLOUT, getsockopt(SO_ERROR) for the
 * outcome; then it sends TEXT and prints what comes back until the peer
 * closes, reading with poll() and non-blocking recv().
 *
 * Usage: ./nb_client PORT TEXT
 *
 * Prints "connect: EINPROGRESS" (or "connect: 0"), then "SO_ERROR: 0" or
 * the error's name, then "got: ..." for each read and "closed".
 * Exit 0 once the peer closed, 1 on errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case EINPROGRESS: return "EINPROGRESS";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EAGAIN: return "EAGAIN";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(e);
    }
}

int main(int argc, char *argv[])
{
    struct sockaddr_in addr;
    struct pollfd pfd;
    int fd, err = 0;
    socklen_t len = sizeof(err);
    char buf[4096];

    if (argc < 3) {
        fprintf(stderr, "usage: %s PORT TEXT\n", argv[0]);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
        perror("socket");
        return 1;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(atoi(argv[1]));
    if (connect(fd, (struct sockaddr *) &addr, sizeof(addr)) < 0) {
        printf("connect: %s\n", errname(errno));
        if (errno != EINPROGRESS)
            return 1;
        pfd.fd = fd;
        pfd.events = POLLOUT;
        if (poll(&pfd, 1, 5000) != 1) {
            printf("poll: timeout\n");
            return 1;
        }
    } else {
        printf("connect: 0\n");
    }
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    printf("SO_ERROR: %s\n", errname(err));
    if (err)
        return 1;
    if (send(fd, argv[2], strlen(argv[2]), 0) < 0) {
        perror("send");
        return 1;
    }
    pfd.fd = fd;
    pfd.events = POLLIN;
    for (int rounds = 0; rounds < 100; rounds++) {
        ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
        if (n == 0) {
            printf("closed\n");
            return 0;
        }
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                printf("recv: %s\n", errname(errno));
                return 1;
            }
            if (poll(&pfd, 1, 5000) != 1) {
                printf("poll: timeout\n");
                return 1;
            }
            continue;
        }
        buf[n] = '\0';
        printf("got: %s\n", buf);
    }
    return 1;
}
