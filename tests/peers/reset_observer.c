/*
 * reset_observer.c -- a TEST server that tells how its one client closed:
 * with FIN (recv returns 0) or with RST (recv fails with ECONNRESET), as a
 * client that set SO_LINGER {1, 0} before close() resets the connection.
 *
 * Usage: ./reset_observer PORT
 *
 * Listens on 127.0.0.1:PORT, accepts ONE client, reads until the stream ends
 * or fails, and prints one line: "end of stream" or "recv: ECONNRESET"
 * (or "recv: errno N"), then exits 0.  Exit 1 on setup errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        fprintf(stderr, "usage: reset_observer PORT\n");
        return 1;
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 1) < 0) {
        perror("bind/listen");
        return 1;
    }
    int c = accept(s, NULL, NULL);
    if (c < 0) {
        perror("accept");
        return 1;
    }
    char buf[512];
    for (int i = 0; i < 100000; i++) {
        ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n > 0)
            continue;
        if (n == 0)
            printf("end of stream\n");
        else if (errno == ECONNRESET)
            printf("recv: ECONNRESET\n");
        else
            printf("recv: errno %d\n", errno);
        break;
    }
    fflush(stdout);
    close(c);
    close(s);
    return 0;
}
