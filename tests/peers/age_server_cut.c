/*
 * age_server_cut.c -- a TEST server speaking exactly the age_server.c
 * dialogue (see the protocol comment in age_server.c) to ONE client, then
 * exiting, but cutting its messages into adversarial write() calls so that
 * clients are exercised against every way the byte stream can be segmented.
 * TCP_NODELAY is set so that each write() leaves as its own segment.
 *
 * Usage: ./age_server_cut PORT MODE [YEAR]     (YEAR defaults to 2005)
 *
 * MODE:
 *   split   every message is written in two write() calls, 50 ms apart.  The
 *           cut is inside the message's final prompt: inside the first
 *           multibyte UTF-8 character of the prompt if it has one (e.g.
 *           "...votre ann\xC3" | "\xA9e de naissance: "), otherwise 4 bytes
 *           before the end (e.g. "Veuillez entrer votre n" | "om: ").
 *   bytes   every message is written one byte per write(), 2 ms apart.
 *   merged  a message that starts with a line before its prompt has that line
 *           cut after its last space and the rest sent late: e.g.
 *           "Bonjour, " | 50 ms | "ali\nVeuillez entrer votre année de
 *           naissance: ", so that one read() holds the end of one message
 *           and the whole next prompt.  One-line messages (the first prompt
 *           and "Tapez q pour quitter: ") go in a single write().
 *
 * The bytes on the wire are identical in every mode; only the segmentation
 * differs.  Prints nothing on stdout.
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
#include <netinet/tcp.h>

#define LINEMAX 1024

enum mode { SPLIT, BYTES, MERGED };

static enum mode mode;

void error(char *msg)
{
    perror(msg);
    exit(1);
}

struct reader {
    int fd;
    char buf[LINEMAX * 2];
    size_t len;
    int eof;
};

static int send_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t) w;
    }
    return 0;
}

/* Send one protocol message, segmented according to the mode. */
static int send_msg(int fd, const char *s)
{
    size_t n = strlen(s), cut, i;
    const char *last = strrchr(s, '\n');
    size_t prompt = last ? (size_t) (last - s) + 1 : 0;  /* prompt start */

    switch (mode) {
    case BYTES:
        for (i = 0; i < n; i++) {
            if (send_all(fd, s + i, 1) < 0)
                return -1;
            usleep(2000);
        }
        return 0;
    case SPLIT:
        cut = n >= 4 ? n - 4 : 0;
        for (i = prompt; i < n; i++)
            if ((unsigned char) s[i] >= 0xC0) {   /* UTF-8 lead byte */
                cut = i + 1;
                break;
            }
        break;
    case MERGED:
    default:
        if (last == NULL)
            return send_all(fd, s, n);
        cut = 0;
        for (i = 0; s[i] != '\n'; i++)
            if (s[i] == ' ')
                cut = i + 1;
        break;
    }
    if (send_all(fd, s, cut) < 0)
        return -1;
    usleep(50000);
    return send_all(fd, s + cut, n - cut);
}

static int read_line(struct reader *r, char *line)
{
    for (;;) {
        char *nl = memchr(r->buf, '\n', r->len);
        size_t take = 0, drop = 0;
        if (nl != NULL) {
            take = (size_t) (nl - r->buf);
            drop = take + 1;
        } else if (r->len >= LINEMAX - 1) {
            take = drop = LINEMAX - 1;
        } else if (r->eof && r->len > 0) {
            take = drop = r->len;
        } else if (r->eof) {
            return 0;
        }
        if (drop > 0) {
            if (take > LINEMAX - 1) {
                take = drop = LINEMAX - 1;
            }
            memcpy(line, r->buf, take);
            if (take > 0 && line[take - 1] == '\r' && nl != NULL
                && drop == take + 1)
                take--;
            line[take] = '\0';
            memmove(r->buf, r->buf + drop, r->len - drop);
            r->len -= drop;
            return 1;
        }
        ssize_t n = read(r->fd, r->buf + r->len, sizeof(r->buf) - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            r->eof = 1;
        else
            r->len += (size_t) n;
    }
}

static char *trim(char *s)
{
    size_t n;
    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

static int parse_year(const char *s, long *out)
{
    const char *p = s;
    char *end;
    long v;
    if (*p == '+' || *p == '-')
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    for (; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return 0;
    *out = v;
    return 1;
}

static void dialogue(int fd, long year)
{
    struct reader r;
    char line[LINEMAX];
    char msg[LINEMAX + 256];
    long birth;
    char *t;

    memset(&r, 0, sizeof(r));
    r.fd = fd;

    if (send_msg(fd, "Veuillez entrer votre nom: ") < 0)
        return;
    if (!read_line(&r, line))
        return;
    snprintf(msg, sizeof(msg),
             "Bonjour, %s\nVeuillez entrer votre année de naissance: ", line);
    if (send_msg(fd, msg) < 0)
        return;
    for (;;) {
        if (!read_line(&r, line))
            return;
        t = trim(line);
        if (parse_year(t, &birth))
            break;
        snprintf(msg, sizeof(msg),
                 "« %s » n'est pas une année.\n"
                 "Veuillez entrer votre année de naissance: ", t);
        if (send_msg(fd, msg) < 0)
            return;
    }
    snprintf(msg, sizeof(msg),
             "Votre âge approximatif est %ld.\nTapez q pour quitter: ",
             year - birth);
    if (send_msg(fd, msg) < 0)
        return;
    for (;;) {
        if (!read_line(&r, line))
            return;
        if (strcmp(trim(line), "q") == 0)
            return;
        if (send_msg(fd, "Tapez q pour quitter: ") < 0)
            return;
    }
}

int main(int argc, char *argv[])
{
    int sockfd, newsockfd, portno, one = 1;
    socklen_t clilen;
    struct sockaddr_in serv_addr, cli_addr;
    long year = 2005;

    if (argc < 3) {
        fprintf(stderr, "usage: age_server_cut PORT split|bytes|merged [YEAR]\n");
        exit(1);
    }
    if (strcmp(argv[2], "split") == 0)
        mode = SPLIT;
    else if (strcmp(argv[2], "bytes") == 0)
        mode = BYTES;
    else if (strcmp(argv[2], "merged") == 0)
        mode = MERGED;
    else {
        fprintf(stderr, "age_server_cut: unknown mode %s\n", argv[2]);
        exit(1);
    }
    if (argc > 3)
        year = atol(argv[3]);

    sockfd = socket(AF_INET, SOCK_STREAM, 0);
    if (sockfd < 0)
        error("Erreur d'ouverture du socket");
    bzero((char *) &serv_addr, sizeof(serv_addr));
    portno = atoi(argv[1]);
    serv_addr.sin_family = AF_INET;
    serv_addr.sin_addr.s_addr = INADDR_ANY;
    serv_addr.sin_port = htons(portno);
    if (bind(sockfd, (struct sockaddr *) &serv_addr, sizeof(serv_addr)) < 0)
        error("Erreur d'association au port");
    listen(sockfd, 5);
    clilen = sizeof(cli_addr);
    do
        newsockfd = accept(sockfd, (struct sockaddr *) &cli_addr, &clilen);
    while (newsockfd < 0 && errno == EINTR);
    if (newsockfd < 0)
        error("Erreur d'acceptation");
    close(sockfd);
    setsockopt(newsockfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    dialogue(newsockfd, year);
    close(newsockfd);
    return 0;
}
