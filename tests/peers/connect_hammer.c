/*
 * connect_hammer.c -- a TEST client that knocks on a port that nobody should
 * be listening on: it calls connect() on 127.0.0.1:PORT again and again for
 * MS milliseconds (at most 2000000 times) or until SIGTERM, each time on a new
 * socket closed at once, and counts how each attempt ended.
 *
 * Usage: ./connect_hammer PORT|PATH MS
 *
 * A PATH (an argument with a '/') knocks on a Unix stream socket there.
 *
 * Prints "ready\n" before the first attempt, then at the end one line:
 * "accepted A refused R self S other O" (A: connect() returned 0, something
 * was listening; R: ECONNREFUSED, which a Unix path also gives when its file
 * is not a listening socket; S: connect() returned 0 because the kernel
 * gave the socket PORT itself as its source port, TCP's simultaneous open
 * with itself, which PORT in the ephemeral range makes likely over many
 * attempts; O: any other error).  Exit 0, or 1 on usage errors.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
    (void)sig;
    stop = 1;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char *argv[])
{
    struct sockaddr_in a;
    struct sockaddr_un u;
    int unix_path;
    long accepted = 0, refused = 0, self = 0, other = 0, i;
    struct sockaddr_in me;
    socklen_t len;
    double end;

    if (argc < 3) {
        fprintf(stderr, "usage: %s PORT MS\n", argv[0]);
        return 1;
    }
    unix_path = strchr(argv[1], '/') != NULL;
    memset(&u, 0, sizeof u);
    u.sun_family = AF_UNIX;
    strncpy(u.sun_path, argv[1], sizeof u.sun_path - 1);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    signal(SIGTERM, on_term);
    end = now_ms() + atof(argv[2]);
    printf("ready\n");
    fflush(stdout);
    for (i = 0; i < 2000000 && !stop && now_ms() < end; i++) {
        int s = socket(unix_path ? AF_UNIX : AF_INET, SOCK_STREAM, 0);
        if (s < 0) {
            other++;
            continue;
        }
        if (unix_path ? connect(s, (struct sockaddr *)&u, sizeof u) == 0
                      : connect(s, (struct sockaddr *)&a, sizeof a) == 0) {
            len = sizeof me;
            if (!unix_path &&
                getsockname(s, (struct sockaddr *)&me, &len) == 0 &&
                me.sin_port == a.sin_port)
                self++;
            else
                accepted++;
        }
        else if (errno == ECONNREFUSED)
            refused++;
        else
            other++;
        close(s);
    }
    printf("accepted %ld refused %ld self %ld other %ld\n", accepted, refused,
           self, other);
    return 0;
}
