/*
 * udp_connect_name: connect(2) a UDP socket, bound or not, and print what
 * getsockname(2) says before and after, so a test can compare the local
 * address sockshell shows with the kernel's.
 *
 *   udp_connect_name [-b PORT] HOST PORT
 *
 * -b binds INADDR_ANY:PORT (IN6ADDR_ANY for an IPv6 HOST) first. Prints two
 * lines, "before ADDR" and "after ADDR", each ADDR as inet_ntop gives it.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void name(int fd, int family, const char *when) {
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  char text[INET6_ADDRSTRLEN];
  if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
    perror("getsockname");
    exit(1);
  }
  const void *a = family == AF_INET
                      ? (const void *)&((struct sockaddr_in *)&ss)->sin_addr
                      : (const void *)&((struct sockaddr_in6 *)&ss)->sin6_addr;
  printf("%s %s\n", when, inet_ntop(family, a, text, sizeof text));
}

int main(int argc, char **argv) {
  int bind_port = -1;
  int i = 1;
  if (argc > 2 && strcmp(argv[1], "-b") == 0) {
    bind_port = atoi(argv[2]);
    i = 3;
  }
  if (argc - i != 2) {
    fprintf(stderr, "usage: udp_connect_name [-b PORT] HOST PORT\n");
    return 2;
  }
  int family = strchr(argv[i], ':') ? AF_INET6 : AF_INET;
  int fd = socket(family, SOCK_DGRAM, 0);
  if (fd < 0) {
    perror("socket");
    return 1;
  }
  struct sockaddr_storage to;
  memset(&to, 0, sizeof to);
  socklen_t len;
  if (family == AF_INET) {
    struct sockaddr_in *s = (struct sockaddr_in *)&to;
    s->sin_family = AF_INET;
    s->sin_port = htons(atoi(argv[i + 1]));
    inet_pton(AF_INET, argv[i], &s->sin_addr);
    len = sizeof *s;
  } else {
    struct sockaddr_in6 *s = (struct sockaddr_in6 *)&to;
    s->sin6_family = AF_INET6;
    s->sin6_port = htons(atoi(argv[i + 1]));
    inet_pton(AF_INET6, argv[i], &s->sin6_addr);
    len = sizeof *s;
  }
  if (bind_port >= 0) {
    struct sockaddr_storage any;
    memset(&any, 0, sizeof any);
    any.ss_family = family;
    if (family == AF_INET) {
      ((struct sockaddr_in *)&any)->sin_port = htons(bind_port);
    } else {
      ((struct sockaddr_in6 *)&any)->sin6_port = htons(bind_port);
    }
    if (bind(fd, (struct sockaddr *)&any, len) < 0) {
      perror("bind");
      return 1;
    }
  }
  name(fd, family, "before");
  if (connect(fd, (struct sockaddr *)&to, len) < 0) {
    perror("connect");
    return 1;
  }
  name(fd, family, "after");
  close(fd);
  return 0;
}
