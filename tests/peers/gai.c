#define _GNU_SOURCE
/*
 * gai: print getaddrinfo(3)'s answer the way sockshell's `getaddrinfo` does,
 * so a test can compare the two line for line.
 *
 *   gai [-4|-6] [-s stream|dgram] [-P] [NAME|-] [SERVICE]
 *
 * "-" stands for a NULL name. One line per result:
 *   AF_INET SOCK_STREAM IPPROTO_TCP 127.0.0.1 4950
 * or, on failure, the EAI_ name and gai_strerror's text:
 *   EAI_NONAME Name or service not known
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *eai_name(int e) {
  switch (e) {
  case EAI_NONAME: return "EAI_NONAME";
  case EAI_SERVICE: return "EAI_SERVICE";
  case EAI_FAMILY: return "EAI_FAMILY";
  case EAI_AGAIN: return "EAI_AGAIN";
  case EAI_FAIL: return "EAI_FAIL";
  case EAI_SOCKTYPE: return "EAI_SOCKTYPE";
  case EAI_BADFLAGS: return "EAI_BADFLAGS";
  case EAI_MEMORY: return "EAI_MEMORY";
  case EAI_SYSTEM: return "EAI_SYSTEM";
#ifdef EAI_NODATA
  case EAI_NODATA: return "EAI_NODATA";
#endif
#ifdef EAI_ADDRFAMILY
  case EAI_ADDRFAMILY: return "EAI_ADDRFAMILY";
#endif
  default: return "EAI_?";
  }
}

static const char *type_name(int t) {
  switch (t) {
  case SOCK_STREAM: return "SOCK_STREAM";
  case SOCK_DGRAM: return "SOCK_DGRAM";
  case SOCK_RAW: return "SOCK_RAW";
  default: return "SOCK_?";
  }
}

static const char *proto_name(int p) {
  switch (p) {
  case IPPROTO_TCP: return "IPPROTO_TCP";
  case IPPROTO_UDP: return "IPPROTO_UDP";
  case 0: return "0";
  default: return "IPPROTO_?";
  }
}

int main(int argc, char **argv) {
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  int opt;
  while ((opt = getopt(argc, argv, "46s:P")) != -1) {
    switch (opt) {
    case '4': hints.ai_family = AF_INET; break;
    case '6': hints.ai_family = AF_INET6; break;
    case 's': hints.ai_socktype = strcmp(optarg, "dgram") == 0 ? SOCK_DGRAM : SOCK_STREAM; break;
    case 'P': hints.ai_flags |= AI_PASSIVE; break;
    default: return 2;
    }
  }
  const char *name = optind < argc ? argv[optind] : NULL;
  const char *service = optind + 1 < argc ? argv[optind + 1] : NULL;
  if (name && strcmp(name, "-") == 0) name = NULL;
  struct addrinfo *res;
  int e = getaddrinfo(name, service, &hints, &res);
  if (e != 0) {
    printf("%s %s\n", eai_name(e), gai_strerror(e));
    return 1;
  }
  for (struct addrinfo *p = res; p; p = p->ai_next) {
    char text[INET6_ADDRSTRLEN];
    int port;
    if (p->ai_family == AF_INET) {
      struct sockaddr_in *a = (struct sockaddr_in *)p->ai_addr;
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    } else {
      struct sockaddr_in6 *a = (struct sockaddr_in6 *)p->ai_addr;
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    }
    printf("%s %s %s %s %d\n", p->ai_family == AF_INET ? "AF_INET" : "AF_INET6",
           type_name(p->ai_socktype), proto_name(p->ai_protocol), text, port);
  }
  freeaddrinfo(res);
  return 0;
}
