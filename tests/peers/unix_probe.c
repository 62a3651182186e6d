/*
 * unix_probe: one AF_UNIX call, as a C program makes it, and its outcome:
 * "0" or the errno name. A test compares it with sockshell's answer for the
 * same call on the same path.
 *
 *   unix_probe bind    stream|dgram PATH
 *   unix_probe connect stream|dgram PATH
 *   unix_probe sendto  dgram        PATH      (from an unbound socket)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static const char *errno_name(int e) {
  switch (e) {
  case ENOENT: return "ENOENT";
  case ECONNREFUSED: return "ECONNREFUSED";
  case EADDRINUSE: return "EADDRINUSE";
  case EPROTOTYPE: return "EPROTOTYPE";
  case EACCES: return "EACCES";
  case ENOTDIR: return "ENOTDIR";
  case EAGAIN: return "EAGAIN";
  case EINVAL: return "EINVAL";
  case EISCONN: return "EISCONN";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  default: return "E?";
  }
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: unix_probe bind|connect|sendto stream|dgram PATH\n");
    return 2;
  }
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  if (strlen(argv[3]) >= sizeof addr.sun_path) {
    fprintf(stderr, "unix_probe: path too long for sun_path\n");
    return 2;
  }
  strcpy(addr.sun_path, argv[3]);
  int fd = socket(AF_UNIX, strcmp(argv[2], "dgram") == 0 ? SOCK_DGRAM : SOCK_STREAM, 0);
  if (fd < 0) {
    perror("socket");
    return 2;
  }
  int r;
  if (strcmp(argv[1], "bind") == 0) {
    r = bind(fd, (struct sockaddr *)&addr, sizeof addr);
    if (r == 0) unlink(argv[3]); /* leave the directory as it was */
  } else if (strcmp(argv[1], "connect") == 0) {
    r = connect(fd, (struct sockaddr *)&addr, sizeof addr);
  } else {
    r = sendto(fd, "x", 1, 0, (struct sockaddr *)&addr, sizeof addr) < 0 ? -1 : 0;
  }
  printf("%s\n", r == 0 ? "0" : errno_name(errno));
  close(fd);
  return 0;
}
