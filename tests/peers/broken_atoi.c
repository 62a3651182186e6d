/*
 * broken_atoi.c -- a deliberately BROKEN age server, for the tests of `check age-server`.
 * It is age_server.c (the protocol comment there) with one classic mistake:
 * the year is converted with atoi() and never checked: "abc" gives 0 and
 * an age computed from it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#define LINEMAX 1024

void error(char *msg)
{
    perror(msg);
    exit(1);
}

/* Buffered line reader over a socket. */
struct reader {
    int fd;
    char buf[LINEMAX * 2];
    size_t len;
    int eof;
};

/* Write all of s[0..n); return 0, or -1 if the peer is gone. */
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

static int send_str(int fd, const char *s)
{
    return send_all(fd, s, strlen(s));
}

/* Read one line into line (NUL-terminated, without "\n" / "\r\n").
   Returns 1 on success, 0 at end of stream. */
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
            if (take > LINEMAX - 1) {       /* over-long line: split it */
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

/* Trim spaces and tabs in place; return the start of the trimmed text. */
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

/* Parse a decimal integer (optional sign, digits only). 1 if valid. */
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

    if (send_str(fd, "Veuillez entrer votre nom: ") < 0)
        return;
    if (!read_line(&r, line))
        return;
    snprintf(msg, sizeof(msg),
             "Bonjour, %s\nVeuillez entrer votre année de naissance: ", line);
    if (send_str(fd, msg) < 0)
        return;
    for (;;) {
        if (!read_line(&r, line))
            return;
        t = trim(line);
        (void) parse_year;  /* left unused: */
        birth = atol(t);    /* THE MISTAKE: whatever the text, it is a year. */
        if (1)
            break;
        snprintf(msg, sizeof(msg),
                 "« %s » n'est pas une année.\n"
                 "Veuillez entrer votre année de naissance: ", t);
        if (send_str(fd, msg) < 0)
            return;
    }
    snprintf(msg, sizeof(msg),
             "Votre âge approximatif est %ld.\nTapez q pour quitter: ",
             year - birth);
    if (send_str(fd, msg) < 0)
        return;
    for (;;) {
        if (!read_line(&r, line))
            return;
        if (strcmp(trim(line), "q") == 0)
            return;
        if (send_str(fd, "Tapez q pour quitter: ") < 0)
            return;
    }
}

int main(int argc, char *argv[])
{
    int sockfd, newsockfd, portno;
    socklen_t clilen;
    struct sockaddr_in serv_addr, cli_addr;
    long year = 2005;
    pid_t pid;

    if (argc < 2) {
        fprintf(stderr, "Erreur, Spécifiez le Port\n");
        exit(1);
    }
    if (argc > 2)
        year = atol(argv[2]);

    signal(SIGCHLD, SIG_IGN);   /* children are reaped automatically */

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
    /* The handout uses a backlog of 5; a larger one lets many clients
       connect at the same instant without SYN retries. */
    listen(sockfd, SOMAXCONN);
    for (;;) {
        clilen = sizeof(cli_addr);
        newsockfd = accept(sockfd, (struct sockaddr *) &cli_addr, &clilen);
        if (newsockfd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            error("Erreur d'acceptation");
        }
        pid = fork();
        if (pid < 0)
            error("Erreur de fork");
        if (pid == 0) {             /* child: talk to this client */
            close(sockfd);
            dialogue(newsockfd, year);
            close(newsockfd);
            exit(0);
        }
        close(newsockfd);           /* parent: wait for the next client */
    }
    return 0;
}
