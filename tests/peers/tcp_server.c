/*
 * tcp_server.c -- the handout's section 3.1 TCP server ("1.3.2 Le programme
 * serveur"), kept as close to the original as possible.
 *
 * Usage: ./tcp_server PORT
 *
 * Accepts ONE client, reads at most 255 bytes once, prints
 *   Voici le message que j'ai reçu : <message>\n
 * and replies with write(..., "J'ai reçu votre message\n", 24): the source is
 * UTF-8, so that literal is 25 bytes and only the first 24 go on the wire
 * (the trailing newline is NOT sent).  This is the handout's byte behaviour.
 *
 * Changes from the handout, only so that a modern gcc accepts it:
 *   - added #include <stdlib.h>, <string.h>, <strings.h>, <unistd.h>;
 *   - cast &clilen to (socklen_t *) in accept().
 * No SO_REUSEADDR: tests use fresh ephemeral ports, so it is not needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

void error(char *msg)
{
    perror(msg);
    exit(1);
}

int main(int argc, char *argv[])
{
     int sockfd, newsockfd, portno, clilen;
     char buffer[256];
     struct sockaddr_in serv_addr, cli_addr;
     int n;
     if (argc < 2) {
         fprintf(stderr,"Erreur, Spécifiez le Port\n");
          exit(1);
     }
     sockfd = socket(AF_INET, SOCK_STREAM, 0);
     if (sockfd < 0)
        error("Erreur d'ouverture du socket");
     bzero((char *) &serv_addr, sizeof(serv_addr));
     portno = atoi(argv[1]);
     serv_addr.sin_family = AF_INET;
     serv_addr.sin_addr.s_addr = INADDR_ANY;
     serv_addr.sin_port = htons(portno);
     if (bind(sockfd, (struct sockaddr *) &serv_addr,
              sizeof(serv_addr)) < 0)
              error("Erreur d'association au port");
     listen(sockfd,5);
     clilen = sizeof(cli_addr);
     newsockfd = accept(sockfd,
                 (struct sockaddr *) &cli_addr,
                 (socklen_t *) &clilen);
     if (newsockfd < 0)
          error("Erreur d'acceptation");
     bzero(buffer,256);
     n = read(newsockfd,buffer,255);
     if (n < 0) error("Erreur de lecture du socket");
     printf("Voici le message que j'ai reçu : %s\n",buffer);
     n = write(newsockfd,"J'ai reçu votre message\n",24);
     if (n < 0) error("Erreur d'écriture dans le socket");
     return 0;
}
