/*
 * tcp_client.c -- the handout's section 3.1 TCP client ("1.3.3 Le programme
 * client"), kept as close to the original as possible.
 *
 * Usage: ./tcp_client HOST PORT
 *
 * Connects, prints the prompt "Entrez le message à envoyer : " (no newline),
 * reads one line (fgets, 255) from stdin, writes strlen(line) bytes, reads at
 * most 255 bytes once and prints them followed by "\n".
 *
 * Changes from the handout, only so that a modern gcc accepts it:
 *   - added #include <stdlib.h>, <string.h>, <strings.h>, <unistd.h>;
 *   - cast &serv_addr to (struct sockaddr *) in connect();
 *   - the unused fgets() result is explicitly discarded with (void).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

void error(char *msg)
{
    perror(msg);
    exit(0);
}

int main(int argc, char *argv[])
{
    int sockfd, portno, n;
    struct sockaddr_in serv_addr;
    struct hostent *server;

    char buffer[256];
    if (argc < 3) {
       fprintf(stderr,"Spécifiez les arguments SVP %s nom_hôte No_Port\n", argv[0]);
       exit(0);
     }
    portno = atoi(argv[2]);
    sockfd = socket(AF_INET, SOCK_STREAM, 0);
    if (sockfd < 0)
        error("Erreur dans l'ouverture de socket");
    server = gethostbyname(argv[1]);
    if (server == NULL) {
        fprintf(stderr,"Erreur, Nom d'hôte incorrect\n");
        exit(0);
    }
    bzero((char *) &serv_addr, sizeof(serv_addr));
    serv_addr.sin_family = AF_INET;
    bcopy((char *)server->h_addr,
         (char *)&serv_addr.sin_addr.s_addr,
         server->h_length);
    serv_addr.sin_port = htons(portno);
    if (connect(sockfd,(struct sockaddr *) &serv_addr,sizeof(serv_addr)) < 0)
        error("Erreur de connexion");
    printf("Entrez le message à envoyer : ");
    bzero(buffer,256);
    (void) fgets(buffer,255,stdin);
    n = write(sockfd,buffer,strlen(buffer));
    if (n < 0)
         error("Erreur d'écriture dans le socket");
    bzero(buffer,256);
    n = read(sockfd,buffer,255);
    if (n < 0)
         error("Erreur de lecture du socket");
    printf("%s\n",buffer);
    return 0;
}
