/*
 * udp_listener.c -- the handout's section 3.2 UDP server ("2.3.2 Le programme
 * serveur"), kept as close to the original as possible.
 *
 * Usage: ./udp_listener [PORT]      (PORT defaults to MYPORT = 4950)
 *
 * Receives ONE datagram (recvfrom, at most MAXBUFLEN-1 = 99 bytes), prints
 *   got packet from <ip>\n
 *   packet is <n> bytes long\n
 *   packet contains "<text>"\n
 * then closes the socket and exits 0.
 *
 * Changes from the handout:
 *   - main takes (argc, argv) and accepts an optional port in argv[1]
 *     (tests must not collide on 4950);
 *   - cast &addr_len to (socklen_t *) in recvfrom().
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define MYPORT 4950    // the port users will be connecting to

#define MAXBUFLEN 100

int main(int argc, char *argv[])
{
    int sockfd;
    struct sockaddr_in my_addr;    // my address information
    struct sockaddr_in their_addr; // connector's address information
    int addr_len, numbytes;
    char buf[MAXBUFLEN];
    int port = MYPORT;

    if (argc > 1)
        port = atoi(argv[1]);

    if ((sockfd = socket(AF_INET, SOCK_DGRAM, 0)) == -1) {
        perror("socket");
        exit(1);
    }

    my_addr.sin_family = AF_INET;         // host byte order
    my_addr.sin_port = htons(port);       // short, network byte order
    my_addr.sin_addr.s_addr = INADDR_ANY; // automatically fill with my IP
    memset(&(my_addr.sin_zero), '\0', 8); // zero the rest of the struct

    if (bind(sockfd, (struct sockaddr *)&my_addr,
  sizeof(struct sockaddr)) == -1) {
        perror("bind");
        exit(1);
    }

    addr_len = sizeof(struct sockaddr);
    if ((numbytes=recvfrom(sockfd, buf, MAXBUFLEN-1 , 0,
  (struct sockaddr *)&their_addr, (socklen_t *)&addr_len)) == -1) {
        perror("recvfrom");
        exit(1);
    }

    printf("got packet from %s\n",inet_ntoa(their_addr.sin_addr));
    printf("packet is %d bytes long\n",numbytes);
    buf[numbytes] = '\0';
    printf("packet contains \"%s\"\n",buf);

    close(sockfd);

 return 0;
}
