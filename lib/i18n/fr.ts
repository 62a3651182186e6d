/**
 * The French catalogue: every template of `en.ts`, translated, with the same
 * placeholders. strerror(3) and gai_strerror(3) as glibc's French
 * translation words them.
 *
 * @module
 */

import type { Catalogue } from "./mod.ts";

/** French. */
export const fr = {
  // strerror(3), as glibc words it in French.
  "errno.EACCES": "Permission non accordée",
  "errno.EADDRINUSE": "Adresse déjà utilisée",
  "errno.EADDRNOTAVAIL": "Ne peut attribuer l'adresse demandée",
  "errno.EAFNOSUPPORT": "Famille d'adresses non supportée par le protocole",
  "errno.EAGAIN": "Ressource temporairement non disponible",
  "errno.EALREADY": "Opération déjà en cours",
  "errno.EBADF": "Mauvais descripteur de fichier",
  "errno.EBUSY": "Périphérique ou ressource occupé",
  "errno.ECONNABORTED": "Le logiciel a provoqué l'abandon de la connexion",
  "errno.ECONNREFUSED": "Connexion refusée",
  "errno.ECONNRESET": "Connexion ré-initialisée par le correspondant",
  "errno.EDESTADDRREQ": "Adresse de destination requise",
  "errno.EDQUOT": "Débordement du quota d'espace disque",
  "errno.EEXIST": "Le fichier existe",
  "errno.EFBIG": "Fichier trop gros",
  "errno.EHOSTUNREACH": "Aucun chemin d'accès pour atteindre l'hôte cible",
  "errno.EINPROGRESS": "Opération maintenant en cours",
  "errno.EINTR": "Appel système interrompu",
  "errno.EINVAL": "Argument invalide",
  "errno.EIO": "Erreur d'entrée/sortie",
  "errno.EISCONN": "Noeud final de transport déjà connecté",
  "errno.EISDIR": "est un dossier",
  "errno.EMFILE": "Trop de fichiers ouverts",
  "errno.EMSGSIZE": "Message trop long",
  "errno.ENETUNREACH": "Le réseau n'est pas accessible",
  "errno.ENAMETOOLONG": "Nom de fichier trop long",
  "errno.ENOBUFS": "Aucun espace tampon disponible",
  "errno.ENOENT": "Aucun fichier ou dossier de ce type",
  "errno.ENOPROTOOPT": "Protocole non disponible",
  "errno.ENOSPC": "Aucun espace disponible sur le périphérique",
  "errno.ENOTCONN": "Noeud final de transport n'est pas connecté",
  "errno.ENOTDIR": "N'est pas un dossier",
  "errno.EOPNOTSUPP": "Opération non supportée",
  "errno.EPERM": "Opération non permise",
  "errno.EPIPE": "Relais brisé (pipe)",
  "errno.EPROTO": "Erreur de protocole",
  "errno.EPROTONOSUPPORT": "Protocole non supporté",
  "errno.EPROTOTYPE": "Mauvais type pour un socket de protocole",
  "errno.EROFS": "Système de fichiers accessible en lecture seulement",
  "errno.ESRCH": "Aucun processus de ce type",
  "errno.ETIMEDOUT": "Connexion terminée par expiration du délai d'attente",
  "errno.EAI_NONAME": "Nom ou service inconnu",
  "errno.EAI_AGAIN": "Échec temporaire dans la résolution du nom",
  "errno.EAI_FAIL": "Échec non récupérable lors de la résolution du nom",
  "errno.EAI_NODATA": "Aucune adresse associée avec le nom de l'hôte",
  "errno.EAI_SERVICE": "Servname() n'est pas supportée pour ai_socktype",
  "errno.EAI_FAMILY": "ai_family non supportée",
  "errno.EAI_ADDRFAMILY":
    "Famille d'adresses non supportée pour le nom de l'hôte",
  "errno.EAI_SOCKTYPE": "ai_socktype non supporté",
  "errno.SSL_ERROR_SSL": "Erreur du protocole TLS",
  // ── help: each command's summary and details (`help`, README's table) ──
  // help's own words; then each command's, by its name (help.NAME.summary, help.NAME.details).
  "help.list.socketCalls":
    "Appels sur les sockets (help COMMANDE pour l'un d'eux ; @FD désigne le descripteur, comme dans recv @5) :",
  "help.list.shellCommands": "Le shell et les scripts :",
  "help.list.quoting":
    'Le texte accepte guillemets et échappements : send "GET / HTTP/1.0\\r\\n\\r\\n". Appels bloquants : Ctrl-C les interrompt.',
  "help.show.aliases": "{usage}   (aussi : {aliases})",
  "help.show.c": "C :       {c}",
  "help.show.deno": "Deno :    {deno}",
  "help.show.example": "Exemple : {example}",
  "help.noCommand":
    'aucune commande {name}{hasBest, select, yes { : vouliez-vous dire "{best}" ?} other {}}',
  "help.socket.summary":
    "Créer une socket : un nouveau descripteur, numéroté à partir de 3, qui devient le descripteur courant",
  "help.socket.details":
    "tcp est socket(AF_INET, SOCK_STREAM, 0), udp est socket(AF_INET, SOCK_DGRAM, 0), et les mots du C\n" +
    "marchent aussi (socket AF_INET SOCK_STREAM 0 ; un protocole que le type ne porte pas donne EPROTONOSUPPORT) ;\n" +
    "tcp6 et udp6 utilisent AF_INET6. La socket n'a encore que son protocole : le premier\n" +
    "élément du quintuplet '{'protocole, port local, adresse locale, port éloigné, adresse éloignée'}'.\n" +
    "unix est socket(AF_UNIX, SOCK_STREAM, 0) et unix-dgram socket(AF_UNIX, SOCK_DGRAM, 0) : leurs\n" +
    "adresses sont des chemins (bind /tmp/x.sock, connect /tmp/x.sock, sendto /tmp/x.sock TEXTE).\n" +
    "Deno : Deno.listen/Deno.connect('{' transport: \"unix\", path '}') et Deno.listenDatagram\n" +
    "('{' transport: \"unixpacket\", path '}'), qui est SOCK_DGRAM. Node a les flux Unix (node:net avec\n" +
    "un chemin) mais pas les datagrammes Unix : bind et sendto sur unix-dgram y échouent avec EAFNOSUPPORT.",
  "help.bind.summary":
    "Donner à la socket une adresse et un port locaux (0 laisse le système choisir)",
  "help.bind.details":
    "Sans hôte, bind attache à INADDR_ANY (0.0.0.0, ou :: pour tcp6/udp6), comme les serveurs du polycopié ;\n" +
    "les constantes du C sont aussi des hôtes (bind INADDR_ANY 4950, connect INADDR_LOOPBACK 4950, in6addr_any).\n" +
    "TCP : Deno n'a pas de socket attachée sans être à l'écoute ; bind vérifie donc l'adresse tout de suite\n" +
    "(EADDRINUSE, EACCES, EADDRNOTAVAIL apparaissent ici, comme en C) et listen l'ouvre. Une socket TCP\n" +
    "attachée peut se connecter depuis cette adresse : Deno.connect ne sait pas choisir son extrémité\n" +
    "locale, le backend Deno établit donc cette connexion avec net.connect('{' localAddress, localPort '}')\n" +
    "de node:net, comme le fait le backend Node.\n" +
    "UDP : bind ouvre la socket avec Deno.listenDatagram (avec les options fixées avant).\n" +
    "AF_UNIX (socket unix, unix-dgram) : bind CHEMIN. Le chemin d'un flux est vérifié tout de suite\n" +
    "(EADDRINUSE si le fichier existe, ENOENT sans son répertoire, EINVAL au-delà de 107 octets) et son\n" +
    "fichier de socket est créé au listen (Deno.listen('{' transport: \"unix\", path '}')) ; celui d'une\n" +
    "socket datagramme est créé tout de suite.",
  "help.listen.summary":
    "Mettre une socket TCP à l'écoute des connexions (sans bind, sur un port choisi par le système)",
  "help.listen.details":
    "Le backlog est la longueur de la file d'attente des connexions que le noyau établit avant qu'accept\n" +
    "les prenne (tcpBacklog de Deno, server.listen('{' backlog '}') de Node) ; `ss -ltn` l'affiche dans\n" +
    "la colonne Send-Q. Linux le plafonne à SOMAXCONN.\n" +
    "Sans backlog, listen prend SOMAXCONN, comme le fait un vrai serveur : /proc/sys/net/core/somaxconn\n" +
    "quand l'environnement d'exécution peut le lire (la version Node ; les permissions de Deno refusent\n" +
    "/proc/sys sans -A), sinon 4096, la valeur par défaut de Linux.\n" +
    "Mettre à l'écoute une socket non attachée lui donne un port éphémère sur 0.0.0.0, comme sous Linux.\n" +
    "AF_UNIX : listen crée le fichier de socket nommé par bind (Deno.listen('{' transport: \"unix\", path '}')) ;\n" +
    "une socket Unix non attachée ne peut pas se mettre à l'écoute (EINVAL).",
  "help.accept.summary":
    "Attendre un client et renvoyer un nouveau descripteur pour sa connexion (il devient courant)",
  "help.accept.details":
    "Bloque jusqu'à ce qu'un client se connecte ; Ctrl-C l'interrompt (EINTR), -t abandonne après un délai (EAGAIN).\n" +
    "La socket d'écoute reste telle quelle : accept renvoie une NOUVELLE socket, propre à la connexion,\n" +
    "dont le quintuplet est complet. Une connexion qui arrive après un accept interrompu attend le suivant.\n" +
    "Sur une socket non bloquante (fcntl F_SETFL O_NONBLOCK), il renvoie aussitôt -1 EAGAIN si aucun client n'attend.",
  "help.connect.summary":
    "TCP : se connecter à un serveur (le système choisit le port local) ; UDP : fixer le correspondant par défaut",
  "help.connect.details":
    "L'hôte est d'abord résolu, comme le client du polycopié appelle gethostbyname : une socket AF_INET\n" +
    "se connecte à une adresse IPv4 ([::1], entre crochets comme l'écrivent les URL, est ::1).\n" +
    "Ctrl-C interrompt un connect en cours (EINTR) ; -t donne ETIMEDOUT.\n" +
    "-w SECONDES retente un connect refusé toutes les 50 ms pendant cette durée : un serveur qui vient de\n" +
    "démarrer n'écoute peut-être pas encore.\n" +
    "UDP : aucun paquet n'est envoyé ; send et recv utilisent ensuite ce correspondant, et les datagrammes\n" +
    "des autres sont ignorés.\n" +
    "Une socket TCP attachée auparavant se connecte depuis son adresse : Deno.connect ne sait pas choisir\n" +
    "son extrémité locale, le backend Deno établit donc cette connexion (et celle qui a SO_LINGER 1 0) avec\n" +
    "net.connect('{' localAddress, localPort '}') de node:net ; le backend Node utilise toujours net.connect.\n" +
    "AF_UNIX : connect CHEMIN. Un flux se connecte avec Deno.connect('{' transport: \"unix\", path '}') :\n" +
    "ENOENT si le fichier n'existe pas, ECONNREFUSED si personne n'y écoute, EPROTOTYPE pour le fichier\n" +
    "d'une socket datagramme. unix-dgram : le correspondant est mémorisé (l'environnement n'a pas de connect pour elle).\n" +
    "Non bloquante (fcntl F_SETFL O_NONBLOCK) : -1 EINPROGRESS aussitôt, la connexion se poursuivant en arrière-plan\n" +
    "(SYN_SENT dans ls) ; le POLLOUT de poll dit quand elle est faite et getsockopt SO_ERROR comment (0 ou l'errno).\n" +
    "Un autre connect entre-temps donne EALREADY, puis EISCONN une fois connectée ; un connect bloquant l'attend.",
  "help.send.summary":
    "Envoyer des octets sur une socket connectée, exactement tels qu'écrits (sans ajouter de fin de ligne)",
  "help.send.details":
    "Les mots sont joints par une espace ; les guillemets gardent les espaces, on échappe avec \\n \\r \\t \\\\ \\xHH.\n-n LONG n'envoie que les LONG premiers octets, comme l'argument len du C. -r NOMBRE répète le texte (sur TCP, envoyé\nen flux depuis un seul tampon de 256 Kio, quel que soit le total ; ailleurs jusqu'à 16 Mio). -C termine\npar \\r\\n (ncat -C), comme le veulent SMTP, HTTP et la plupart des protocoles par lignes.\nTCP envoie tous les octets (un send bloquant) ; un flux ne garde pas les frontières des messages,\nle recv du pair peut donc les recevoir en d'autres morceaux. MSG_OOB n'a pas d'équivalent dans Deno.\nUn send que le pair ne lit pas bloque : Ctrl-C (EINTR) ou -t SECONDES (SO_SNDTIMEO, EAGAIN) l'arrête,\net si des octets sont déjà partis il renvoie leur nombre, comme le send du C.\n-c TAILLE envoie par appels send() de TAILLE octets, espacés de -d SECONDES (avec une pause, chacun\npart dans son propre segment) : ce que fait un client lent ou lointain à un serveur qui ne lit qu'une fois.\n-f FICHIER envoie les octets d'un fichier, lus et envoyés par 64 Kio, comme le fait socat (la mémoire reste bornée) ; Ctrl-C l'arrête.\nSur un terminal, un transfert qui dure affiche sa progression (octets envoyés, débit) jusqu'à la ligne de l'appel.",
  "help.recv.summary":
    "Recevoir jusqu'à N octets (255 par défaut) ; 0 signifie que le pair a fermé",
  "help.recv.details":
    "Bloque jusqu'à l'arrivée de données. Renvoie ce qui est là, jusqu'à N : un send n'est pas un recv.\n-x montre les octets en hexadécimal, -p lit sans consommer (MSG_PEEK : les octets restent pour le recv suivant),\nles drapeaux du C peuvent suivre N (recv 255 MSG_PEEK ; 0, MSG_OOB, MSG_DONTWAIT : cet appel n'attend pas),\n-t SECONDES abandonne avec EAGAIN ; Ctrl-C interrompt avec EINTR et rien n'est perdu.\n-l lit une ligne et -u DÉLIM jusqu'à DÉLIM (tous deux gardés dans les données), comme le ferait une boucle\nde recv en C : ce qu'il faut à un protocole par lignes, puisqu'un flux ne garde pas les frontières des\nmessages ; -> x donne alors $x.before, les données sans leur délimiteur.\nUDP : un datagramme, tronqué à N octets comme en C ; sur une socket UDP connectée, seulement ceux du pair.\nSur une socket non bloquante (fcntl F_SETFL O_NONBLOCK), il renvoie aussitôt -1 EAGAIN s'il n'y a rien.\n-f FICHIER écrit ce qui arrive dans FICHIER au lieu de l'afficher : une lecture, N octets (une boucle de recv),\nou avec -a tout jusqu'à la fin du flux, lu par 256 Kio ; la mémoire reste bornée. Le fichier est d'abord\nvidé.\nSur un terminal, un transfert qui dure affiche sa progression (octets reçus, débit) jusqu'à la ligne de l'appel.",
  "help.sendto.summary":
    "Envoyer un datagramme à HÔTE PORT (une socket UDP non attachée est d'abord attachée à un port éphémère)",
  "help.sendto.details":
    "Comme le talker du polycopié : pas besoin de bind, le noyau attache un port éphémère au premier sendto.\n" +
    "Les datagrammes de plus de 65507 octets échouent avec EMSGSIZE. Sur TCP l'adresse est ignorée, comme sous Linux.\n" +
    "Vers une adresse de diffusion (255.255.255.255, 127.255.255.255) sans setsockopt SO_BROADCAST 1 : EACCES,\n" +
    "comme en C ; le shell le dit lui-même, puisque les sockets UDP de Deno ont toujours SO_BROADCAST activé.\n" +
    "Datagrammes AF_UNIX : sendto CHEMIN TEXTE (DatagramConn.send(bytes, '{' transport: \"unixpacket\", path '}')) :\n" +
    "ENOENT si le fichier n'existe pas, ECONNREFUSED pour un fichier auquel personne n'est attaché, EPROTOTYPE\n" +
    "pour celui d'un flux. En C, une socket non attachée envoie sans nom ; l'environnement ne le permet pas,\n" +
    "le shell attache donc d'abord un nom abstrait et le dit. Node n'a pas de datagrammes Unix : EAFNOSUPPORT.",
  "help.recvfrom.summary":
    "Recevoir un datagramme (jusqu'à N octets, 255 par défaut) et l'adresse de son expéditeur",
  "help.recvfrom.details":
    "Comme le listener du polycopié : bloque en attendant un datagramme ; un plus long est tronqué à N et le reste est perdu.\n" +
    "-x hexadécimal, -p lecture sans consommer (MSG_PEEK), -t SECONDES délai (EAGAIN) ; Ctrl-C interrompt (EINTR).\n" +
    "Les drapeaux du C peuvent suivre N (recvfrom 100 MSG_PEEK ; 0, MSG_DONTWAIT).\n" +
    "Sur une socket non bloquante (fcntl F_SETFL O_NONBLOCK), il renvoie aussitôt -1 EAGAIN s'il n'y a rien.",
  "help.poll.summary":
    "Attendre que l'un de plusieurs descripteurs soit lisible (ou inscriptible) ; -> r capture ceux qui sont prêts",
  "help.poll.details":
    "Descripteurs sous la forme 3 ou @3, chacun avec :in (POLLIN, par défaut), :out (POLLOUT) ou :inout ; aucun\nveut dire tous ceux qui sont ouverts (dans un run, tous ceux que le script a ouverts).\n-t MS est le délai de poll : -1 (par défaut) bloque jusqu'à ce que l'un soit prêt, Ctrl-C interrompt (EINTR) ;\n0 ne fait que regarder.\nPOLLIN : des données en attente, la fin de flux (recv renvoie 0), une erreur en suspens, ou une connexion\nqui attend sur une socket d'écoute.\nPOLLOUT : une socket connectée (ou UDP) peut envoyer ; un connect non bloquant s'est terminé.\nPOLLHUP et POLLERR viennent sans être demandés : après une réinitialisation (RST), ou sur une socket TCP\njamais connectée (Linux l'indique par POLLOUT|POLLHUP). Un descripteur qui n'est pas ouvert reçoit POLLNVAL\n(0 à 2, le terminal, ne sont pas des sockets du shell : POLLNVAL aussi).\npoll ne consomme rien : le recv ou l'accept suivant revient aussitôt avec ce qu'il a trouvé.\npoll ... -> r met dans $r les descripteurs prêts (\"4 6\"), dans $r.n leur nombre, dans $r.4 les revents du\ndescripteur 4 : avec for fd in $r ... end, c'est la boucle du pollserver.c de Beej (run -p pollserver). Un\nscript s'arrête à son premier appel en échec : try recv @$fd -> m continue après la réinitialisation d'un\nclient, avec $m.errno à ECONNRESET, comme le fait le C.\nDeno et Node n'ont pas de poll : chaque socket garde une lecture, une réception ou un accept en cours, et\npoll les met en concurrence ; ce qu'ils rapportent reste en tampon pour l'appel suivant, rien n'est perdu.\npoll signale ce qui est revenu : quand un descripteur est prêt tout de suite, les données encore en route\ndepuis le noyau pour un autre apparaissent au poll suivant (un poll qui ne trouve rien de prêt laisse d'abord\ntourner la boucle d'événements, donc -t 0 les voit).\nL'envoi n'attend jamais ici : POLLOUT n'est pas retenu quand la fenêtre du pair est pleine, comme le ferait le noyau.",
  "help.select.summary":
    "Attendre que l'un de plusieurs descripteurs soit lisible (l'ensemble de lecture) ; -> r capture ceux qui sont prêts",
  "help.select.details":
    "Les descripteurs (3 ou @3) forment l'ensemble de lecture ; nfds est le plus grand plus un. Sans -t il bloque\n(timeout NULL) et Ctrl-C l'interrompt (EINTR) ; -t 0 ne fait que regarder. Un descripteur qui n'est pas\nouvert fait échouer l'appel avec EBADF.\nLisible veut dire ce que veut dire le POLLIN de poll (des données, la fin de flux, une erreur, une connexion\nen attente) et, comme sous Linux, une coupure aussi : une socket TCP jamais connectée est lisible. Rien\nn'est consommé.\nselect ... -> r met dans $r les descripteurs prêts et dans $r.n leur nombre. Un mot peut contenir plusieurs\ndescripteurs (select $fds : tous ceux qui sont ouverts, comme l'ensemble maître du selectserver.c de Beej).\nDeno et Node n'ont pas de select : c'est la mécanique de poll (voir help poll), présentée comme select.",
  "help.fcntl.summary":
    "Lire les drapeaux de la socket (F_GETFL) ou la rendre non bloquante (F_SETFL O_NONBLOCK ; 0 l'annule)",
  "help.fcntl.details":
    "Sur une socket non bloquante, recv, recvfrom et accept reviennent aussitôt avec -1 EAGAIN (EWOULDBLOCK)\n" +
    "s'il n'y a rien, et connect renvoie -1 EINPROGRESS pendant que la connexion se poursuit : poll indique\n" +
    "POLLOUT quand elle est faite, getsockopt SO_ERROR dit comment elle s'est terminée, un second connect\n" +
    "dit EALREADY, puis EISCONN.\n" +
    "F_SETFL O_RDWR|O_NONBLOCK est aussi accepté (le mode d'accès est ignoré, comme sous Linux). ls affiche O_NONBLOCK.\n" +
    "Les lectures de Deno aboutissent à un tour suivant de la boucle d'événements : un appel non bloquant la\n" +
    "laisse tourner une fois avant de dire EAGAIN, les données déjà dans le noyau sont donc vues, comme en C.\n" +
    "send écrit toujours tout : l'écriture de Deno ne sait pas s'arrêter à ce qui tient, donc là où le C\n" +
    "renverrait un nombre partiel ou EAGAIN (le pair ne lisant pas), send attend ; Ctrl-C n'arrête pas une\n" +
    "écriture déjà commencée.",
  "help.shutdown.summary":
    "Fermer un sens d'une connexion : wr (par défaut) envoie la fin de flux au pair",
  "help.shutdown.details":
    "wr (1, SHUT_WR) envoie FIN : le recv du pair renvoie 0, et nous pouvons encore recevoir.\n" +
    "rd (0) n'a pas d'équivalent dans Deno et échoue avec EOPNOTSUPP ; rdwr (2) ne ferme que le sens\n" +
    "de l'écriture et le dit. close libère les deux.",
  "help.close.summary":
    "Fermer une socket et libérer son numéro de descripteur",
  "help.close.details":
    "TCP : Deno ferme d'abord le sens de l'écriture, le pair lit donc la fin de flux ; les données reçues\n" +
    "et jamais lues sont jetées, et close dit combien.\n" +
    "AF_UNIX : le fichier de socket reste, comme le laisse close(2) (Deno et Node suppriment le fichier\n" +
    "d'une socket d'écoute : le shell le garde) ; attacher de nouveau le chemin donne donc EADDRINUSE\n" +
    "tant que le fichier n'est pas supprimé.",
  "help.setsockopt.summary":
    "Fixer une option de la socket (SO_REUSEADDR, SO_BROADCAST, TCP_NODELAY, SO_LINGER, IP_ADD_MEMBERSHIP...)",
  "help.setsockopt.details":
    "Le niveau découle du nom, comme strace l'affiche (SOL_SOCKET, SOL_TCP, SOL_IP, SOL_IPV6) ;\n" +
    "le niveau du C peut venir d'abord (setsockopt SOL_SOCKET SO_REUSEADDR 1, IPPROTO_TCP TCP_NODELAY 1).\n" +
    "Valeurs : un nombre entier ; SO_LINGER prend l_onoff l_linger (1 0 : close envoie une réinitialisation, RST) ;\n" +
    "IP_ADD_MEMBERSHIP/IP_DROP_MEMBERSHIP prennent un groupe et, en option, l'adresse d'une interface (0.0.0.0 par défaut).\n" +
    "Les environnements d'exécution ne prennent certaines options qu'à l'ouverture de la socket : fixées avant\n" +
    "bind (UDP) ou avant listen/connect (TCP), elles sont notées et appliquées à ce moment ; les connexions\n" +
    "acceptées héritent de TCP_NODELAY, SO_KEEPALIVE et SO_LINGER de la socket d'écoute, comme sous Linux.\n" +
    "Fixées après, quand l'environnement ne le peut pas : EOPNOTSUPP.\n" +
    "Les sockets d'écoute TCP de Deno ont toujours SO_REUSEADDR activé et ses sockets UDP SO_BROADCAST :\n" +
    "getsockopt montre cette valeur réelle, et le shell refuse avec EACCES un sendto vers une adresse de\n" +
    "diffusion sans SO_BROADCAST, comme le C le refuse. SO_LINGER 1 0 sous Deno : fixez-la avant connect ou\n" +
    "listen, et le backend Deno utilise node:net (net.connect, net.createServer), dont socket.resetAndDestroy()\n" +
    "envoie la réinitialisation ; Deno.TcpConn n'a pas d'appel de ce genre, donc fixée sur une connexion faite\n" +
    "par Deno.connect ou Deno.listen, elle donne EOPNOTSUPP.\n" +
    "Deno n'a pas d'appel pour IP_TTL, SO_RCVBUF, SO_SNDBUF, ni IPV6_V6ONLY 1 ; Node 20 aucun pour SO_REUSEPORT,\n" +
    "ni pour IP_TTL et les tailles de tampon en TCP : EOPNOTSUPP avec une note. Mauvais type de socket : l'errno\n" +
    "de Linux (TCP_NODELAY sur UDP : ENOPROTOOPT ; IP_ADD_MEMBERSHIP sur TCP : EPROTO). Nom inconnu : ENOPROTOOPT.\n" +
    "Deno : IP_MULTICAST_TTL et IP_MULTICAST_LOOP passent par les abonnements aux groupes (setTTL, setLoopback).\n" +
    "Node : socket.setNoDelay/setKeepAlive/resetAndDestroy ; dgram setBroadcast, setTTL, setMulticastTTL,\n" +
    "setMulticastLoopback, addMembership/dropMembership, setRecvBufferSize/setSendBufferSize.",
  "help.getsockopt.summary":
    "Lire une option de la socket (SO_TYPE, SO_ERROR, SO_ACCEPTCONN, SO_REUSEADDR, TCP_NODELAY...)",
  "help.getsockopt.details":
    "SO_TYPE vaut SOCK_STREAM (1) ou SOCK_DGRAM (2) ; SO_ACCEPTCONN vaut 1 sur une socket d'écoute ; SO_ERROR\n" +
    "renvoie l'erreur en suspens (celle d'une lecture en échec, ou d'un connect non bloquant) et l'efface,\n" +
    "comme sous Linux.\n" +
    "Quand l'environnement a fixé une option lui-même (sockets d'écoute TCP de Deno : SO_REUSEADDR ; sockets\n" +
    "UDP de Deno : SO_BROADCAST), la valeur réelle est affichée et une note le dit. SO_RCVBUF/SO_SNDBUF ne se\n" +
    "lisent que sur les sockets UDP attachées de Node (Linux double la valeur fixée) ; ailleurs EOPNOTSUPP.\n" +
    "`-> v` capture la valeur.",
  "help.getsockname.summary":
    "Afficher l'adresse et le port locaux de la socket (0.0.0.0:0 avant bind, comme sous Linux)",
  "help.getsockname.details":
    "Après bind avec le port 0, il affiche le port choisi par le système. `-> a` le capture : $a.host, $a.port.\n" +
    "Une socket TCP attachée mais pas à l'écoute affiche l'adresse notée par bind (Deno l'ouvre au listen).",
  "help.getpeername.summary":
    "Afficher l'adresse et le port du pair connecté (ENOTCONN si la socket n'est pas connectée)",
  "help.getpeername.details":
    "TCP : l'autre extrémité de la connexion ; UDP : le correspondant par défaut fixé par connect.\n" +
    "Une socket d'écoute, non connectée ou réinitialisée n'a pas de pair : ENOTCONN. `-> p` capture $p.host, $p.port.",
  "help.gethostbyname.summary":
    "Résoudre un nom d'hôte en ses adresses (IPv4 ; -6 pour IPv6), en lisant d'abord /etc/hosts",
  "help.gethostbyname.details":
    "Le client du polycopié l'appelle avant connect ; connect résout un nom d'hôte de la même façon.\n" +
    "getaddrinfo donne toutes les adresses, avec leur type de socket et leur port.",
  "help.getaddrinfo.summary":
    "Résoudre un nom et un service en toutes les adresses où se connecter ou s'attacher, dans l'ordre de la bibliothèque C",
  "help.getaddrinfo.details":
    "Une ligne par struct addrinfo : famille, type de socket, protocole, adresse, port, dans l'ordre où glibc\n" +
    "les donne (/etc/hosts, puis le tri de la RFC 6724). Sans -s, chaque adresse vient trois fois, comme en C :\n" +
    "SOCK_STREAM/IPPROTO_TCP, SOCK_DGRAM/IPPROTO_UDP et SOCK_RAW/0 ; un service nommé seulement pour les\n" +
    "protocoles sous lesquels /etc/services le liste. -4/-6 fixent ai_family, -s ai_socktype, -P AI_PASSIVE :\n" +
    "sans nom (ou -), cela donne 0.0.0.0 et ::, pour bind ; avec un seul mot après -P, c'est le service.\n" +
    "Les échecs renvoient un code EAI_, tel que gai_strerror le formule : EAI_NONAME (pas de tel nom, ou ni\n" +
    "nom ni service), EAI_SERVICE (un service inconnu pour ce type de socket), EAI_ADDRFAMILY (une adresse\n" +
    "numérique de l'autre famille), EAI_AGAIN (pas de réponse du DNS). -> r capture la première adresse\n" +
    "dans $r, le nombre dans $r.n, chaque adresse dans $r.1, $r.2..., toutes dans $r.all (des mots, pour une boucle).\n" +
    "Deno.resolveDns n'est pas utilisé : il n'interroge que le DNS et ne lit jamais /etc/hosts. Node : le même\n" +
    "appel node:dns. Les cas d'une adresse numérique et d'un nom NULL reçoivent la réponse de glibc.",
  "help.getnameinfo.summary":
    "Nommer une adresse et un port numériques : nom d'hôte (de /etc/hosts, puis du DNS) et nom de service",
  "help.getnameinfo.details":
    "L'hôte est le nom de l'adresse dans /etc/hosts (ou le DNS). Une adresse sans nom donne sa forme\n" +
    "numérique, comme le getnameinfo du C sans NI_NAMEREQD (le shell demande avec NI_NAMEREQD, se\n" +
    "rabat lui-même sur la forme numérique, et le dit). Le service est le nom du port dans /etc/services\n" +
    "pour tcp (-d : NI_DGRAM, pour udp), sinon le numéro. -n : NI_NUMERICHOST | NI_NUMERICSERV, aucune\n" +
    "recherche. -> r capture l'hôte dans $r, ainsi que $r.host, $r.serv. Node : le même appel node:dns.",
  "help.ls.summary":
    "Lister tous les descripteurs : protocole, état, adresses locale et éloignée (le quintuplet)",
  "help.ls.details":
    "Une socket montre ce que ses appels ont rempli jusqu'ici : après socket, seulement son protocole ;\n" +
    "après bind, son extrémité locale ; après connect ou accept, l'extrémité éloignée aussi.",
  "help.use.summary":
    "Faire de FD le descripteur courant, celui sur lequel agissent les commandes sans @FD",
  "help.use.details":
    "socket et accept rendent courant le nouveau descripteur ; @FD en désigne un autre pour une seule\n" +
    "commande, comme dans recv @5.",
  "help.run.summary":
    "Lancer un rejeu intégré (du polycopié, du guide de Beej) ou un fichier de script (run seul en donne la liste)",
  "help.run.details":
    "-v affiche chaque appel au fur et à mesure ; -p affiche le script au lieu de le lancer ;\n-d le termine par son diagramme de séquence (voir diagram).\nLe script s'exécute comme un programme : $1, $2... sont ses arguments, exit le termine, et les\ndescripteurs qu'il a ouverts sont fermés quand il se termine. Ctrl-C l'arrête.\nUn fichier de script fait au plus {maxBytes} octets, et les run s'imbriquent sur au plus {maxDepth} niveaux.",
  "help.check.summary":
    "Tester un programme (serveur ou client d'un étudiant) sur un exercice du polycopié : segmentation, nombreux clients, entrées erronées ; TAP",
  "help.check.details":
    "EXERCICE : tcp-server tcp-client udp-server udp-client age-server age-client ; ou un script de\n" +
    "vérification à vous (FICHIER.sock : blocs scenario NOM ... end ; check -p EXERCICE en affiche un).\n" +
    "Le programme reçoit les arguments de l'exercice : un port libre pour un serveur, 127.0.0.1 et le port\n" +
    "pour un client, après ARGS (ou là où ARGS indiquent '{'port'}') ; --port N teste un programme au port\n" +
    "fixe (les programmes UDP du polycopié : --port 4950). Chaque scénario est borné dans le temps et se\n" +
    "termine en tuant le programme, avec ce qu'il a créé par fork et ce qui a quitté son groupe (daemon(),\n" +
    "setsid()), signalé par un commentaire TAP. La sortie est en TAP 13 (--json : un\n" +
    "document JSON) ; chaque échec montre ce qui a été envoyé, attendu et reçu, où le flux a été coupé, et\n" +
    "un conseil.\n" +
    "Code de retour : 0 si tous les scénarios ont réussi, 1 si l'un a échoué, 2 si la vérification n'a pas pu\n" +
    "s'exécuter. Lancer des programmes demande --allow-run (sockshell check le demande sur un terminal).",
  "help.spawn.summary":
    "Lancer un programme (serveur ou client d'un étudiant) : $p est son pid ; wait, input et output agissent sur lui",
  "help.spawn.details":
    "Un programme n'est pas un descripteur : ls ne le montre pas ; il est désigné par son pid, comme en sh (wait $p).\n" +
    "Ses sorties standard et d'erreur sont lues au fil de l'eau et gardées, le premier Mio et les derniers\n" +
    "64 Kio de chacune ($p.out, $p.err après wait $p -> p) ; son entrée standard est un tube (input $p TEXTE ;\n" +
    "-i TEXTE l'écrit tout de suite). Il s'exécute dans son propre groupe de\n" +
    "processus, tué avec ce qu'il a créé par fork à la fin du scénario du script, ou quand le shell se termine.\n" +
    "Un processus qui a quitté le groupe (daemon(), setsid()) est tué aussi : sous Linux, le shell le trouve\n" +
    "par SOCKSHELL_SPAWN, qu'il met dans l'environnement du programme (sh et grep lisent /proc).\n" +
    "Dans une vérification, spawn $program lance le programme testé, précédé des ARGS donnés à check\n" +
    "(ou avec le port placé là où ils indiquent '{'port'}').\n" +
    "Seul spawn demande --allow-run : sans lui, spawn échoue avec EACCES et dit comment lancer le shell.",
  "help.wait.summary":
    "Attendre la fin d'un programme lancé par spawn : -> p donne $p.status, $p.out, $p.err",
  "help.wait.details":
    "$p.status est le code de retour (128 + le numéro du signal quand un signal l'a tué),\n" +
    "$p.out et $p.err tout ce qu'il a écrit sur la sortie standard et la sortie d'erreur.\n" +
    "-t SECONDES abandonne avec ETIMEDOUT et laisse le programme tourner (le waitpid du C n'a pas de\n" +
    "délai : c'est un alarm() autour). Ctrl-C interrompt avec EINTR.",
  "help.input.summary":
    "Écrire sur l'entrée standard d'un programme lancé par spawn (-c : puis la fermer, fin de fichier)",
  "help.input.details":
    "Exactement les octets écrits, comme send : ajoutez \\n pour une ligne ; -r NOMBRE les répète. -c ferme\n" +
    "ensuite le tube, le fgets suivant du programme renvoie donc NULL (comme si l'utilisateur tapait Ctrl-D).",
  "help.output.summary":
    "Lire ce qu'un programme lancé par spawn a affiché jusqu'ici (-u : attendre qu'il ait affiché TEXTE)",
  "help.output.details":
    "La valeur est tout ce que le programme a écrit sur la sortie standard (-e : la sortie d'erreur) depuis\n" +
    "son lancement ; $o.n est sa longueur. -u TEXTE attend qu'elle contienne TEXTE, au plus -t SECONDES\n" +
    "(2 par défaut), ou que le programme se termine : la valeur est alors ce qui est arrivé, qu'expect jugera.",
  "help.sleep.summary":
    "Faire une pause de quelques secondes (0.05 vaut 50 ms) ; Ctrl-C l'interrompt",
  "help.sleep.details":
    "Dans un script : laisse à un pair le temps d'être prêt, ou espace des envois.",
  "help.hint.summary":
    "Dans une vérification : le conseil d'une phrase qu'affiche un échec après cette ligne (l'erreur classique)",
  "help.hint.details":
    "Un scénario peut changer de conseil en cours de route : chaque échec montre le dernier fixé.\n" +
    "-k CLÉ prend la phrase dans le catalogue des messages, dans la langue utilisée (les clés\n" +
    "checks.EXERCICE.* des vérifications intégrées ; des mots nom=valeur remplissent ses paramètres) ;\n" +
    "scenario -k CLÉ nomme un scénario de la même façon. Un texte simple est affiché tel qu'il est écrit.\n" +
    "Hors d'une vérification, il ne fait rien.",
  "help.record.summary":
    "Écrire chaque commande réussie dans FICHIER, un script pour run FICHIER ; record stop arrête",
  "help.record.details":
    "Un FICHIER existant est refusé (EEXIST, comme open avec O_CREAT|O_EXCL) : -a écrit à sa suite, -f l'écrase.\n" +
    "Les commandes sont enregistrées quand elles réussissent, quelle que soit leur source : tapées, reçues sur\n" +
    "l'entrée standard, un fichier de script ou -c (là, chaque commande après record dans le même texte).\n" +
    "Un bloc est enregistré en entier une fois réussi ; ce que fait un script lancé par run est enregistré\n" +
    'comme sa ligne run, et ce que talk a envoyé comme ses send (send -C "EHLO moi"), rejoués sans\n' +
    "attendre les réponses.",
  "help.set.summary":
    "Donner du texte à une variable ($nom le lit ensuite) ; sans nom, lister les variables",
  "help.set.details":
    "Les mots sont joints par une espace. $'{'1:-4950'}' est l'argument 1, ou 4950 s'il manque.\n" +
    "Les commandes capturent ce qu'elles renvoient avec -> nom : recv -> msg remplit $msg, $msg.n, $msg.line.",
  "help.let.summary":
    "Calculer un nombre entier avec + - * / % et des parenthèses, dans une variable",
  "help.let.details":
    "Ses termes sont des nombres et des variables ($x, ou une valeur capturée comme $birth.line) ; le résultat\n" +
    "est un nombre entier, comme un int du C.",
  "help.print.summary":
    "Afficher les mots et une fin de ligne (-n : sans fin de ligne ; -e : sur la sortie d'erreur)",
  "help.print.details":
    'Les variables sont d\'abord remplacées : print "$msg" montre ce que recv -> msg a capturé.\n' +
    "Vers un tube ou un fichier les octets partent tels quels, comme printf les écrit ; vers un terminal,\n" +
    "les caractères de contrôle autres que la fin de ligne et la tabulation sont montrés échappés (\\x1b),\n" +
    "comme ls y montre un nom de fichier : la séquence d'échappement d'un client, affichée par un serveur\n" +
    "rejoué, se voit au lieu d'agir sur le terminal.",
  "help.read.summary":
    "Lire dans une variable une ligne tapée par l'utilisateur (ou reçue sur l'entrée standard), sans sa fin de ligne",
  "help.read.details":
    "À la fin de l'entrée, read échoue (code 1) et le script s'arrête ; avec -e il réussit\n" +
    "avec une ligne vide et met $NOM.eof à 1 (0 sinon), pour un script qui continue.",
  "help.expect.summary":
    "Vérifier ce qui a été reçu : échouer (code 1) en montrant les deux côtés quand la condition est fausse",
  "help.expect.details":
    "Conditions, comme pour if et while : A == B, A != B, A < B (et <= > >=, nombres entiers),\n" +
    "A contains B, A startswith B, A endswith B, int A, true, false, et not devant chacune d'elles.",
  "help.trace.summary":
    "Afficher (on) ou masquer (off) l'appel C de chaque commande réussie ; les échecs s'affichent toujours",
  "help.trace.details":
    "Avec trace off, un script ne montre que ce qu'il affiche et les appels qui échouent.",
  "help.help.summary":
    "Lister les commandes, ou en montrer une : usage, prototype C, appel Deno, exemple",
  "help.help.details":
    "help seul liste toutes les commandes ; help COMMANDE (ou l'un de ses alias) montre son usage, le prototype\n" +
    "C du polycopié, l'appel Deno qui l'implémente, un exemple et des détails.",
  "help.exit.summary":
    "Fermer toutes les sockets et quitter le shell (Ctrl-D fait de même) ; dans un script, le terminer",
  "help.exit.details":
    "Dans un rejeu ou un enfant de fork, exit ne termine que cette tâche. Un script qui se termine pendant\n" +
    "que des enfants de fork attendent dans un appel met fin à ces appels (EINTR : exit a terminé l'enfant)\n" +
    "et s'en va, comme le fait l'exit d'un processus parent en C.",
  "help.starttls.summary":
    "Démarrer TLS sur une socket TCP ou flux Unix connectée (client, ou -s serveur) : send et recv passent ensuite par TLS",
  "help.starttls.details":
    "Le client vérifie le certificat du serveur auprès des autorités du système, ou de --ca FICHIER (PEM), pour\nNOMSERVEUR (envoyé en SNI ; par défaut : l'adresse du pair ; sur une socket Unix, aucun : seule la chaîne\nest vérifiée, comme SSL_connect sans SSL_set1_host). -k saute la vérification, comme curl -k.\n-s fait la poignée de main du serveur avec --cert FICHIER et --key FICHIER (PEM), sur une socket acceptée.\nEnsuite send, recv et leurs options passent par TLS ; shutdown et close envoient close_notify.\nIl peut suivre un dialogue en clair (le STARTTLS de SMTP) : lisez d'abord tout ce que le pair a envoyé.\nUne poignée de main ratée ferme la connexion (le flux est désynchronisé) : fermez le descripteur.\nUn mauvais fichier (pas en PEM, une clé verrouillée par une phrase secrète, une clé qui ne va pas avec le\ncertificat) est refusé avant toute poignée de main : la connexion continue comme avant.\nIl montre la version, la suite de chiffrement et le protocole ALPN convenus, et le client voit le\ncertificat du pair.",
  "help.view.summary":
    "Afficher les données reçues en une chaîne entre guillemets (par défaut), une ligne par ligne, ou en hexadécimal, pour la session",
  "help.view.details":
    "lines : chaque ligne reçue sur une ligne à elle après l'appel, échappée comme recv la cite,\navec sa fin de ligne visible (\\r\\n, \\n) ; la ligne de l'appel garde le nombre d'octets. recv -x donne toujours l'hexadécimal.\nSans argument, view dit lequel est en usage.",
  "help.talk.summary":
    "Parler un protocole ligne à ligne à la main : chaque ligne part dès qu'elle est tapée, ce qui arrive s'affiche aussitôt (comme nc)",
  "help.talk.details":
    "Sur une socket connectée (TCP, TLS après starttls, flux Unix, UDP connectée). Chaque ligne tapée part aussitôt\n" +
    "avec \\n (-C : \\r\\n, comme ncat -C et send -C), et ce qui arrive s'affiche sans attendre la ligne suivante,\n" +
    "dans la vue de la session. Les appels send et recv s'affichent comme partout ; -q ne montre que les données.\n" +
    "On sort par Ctrl-C, Ctrl-D ou une ligne qui vaut exactement ~. (un . seul est envoyé : SMTP termine DATA ainsi).\n" +
    "Quand le pair ferme ou réinitialise la connexion, talk le dit et rend la main. La socket reste ouverte ; ce qui\n" +
    "est arrivé sans être affiché reste pour le prochain recv. À l'invite, l'éditeur de ligne lit les lignes\n" +
    "(l'historique marche) ; avec des commandes sur l'entrée standard, talk prend les lignes qui le suivent,\n" +
    "jusqu'à ~. ou la fin de l'entrée ; à la fin de l'entrée sur un flux, ce qu'envoie le pair s'affiche encore\n" +
    "jusqu'à ce qu'il ferme, comme avec nc. Sous record, chaque ligne envoyée est enregistrée comme son send,\n" +
    "pas la ligne talk.",
  "help.explain.summary":
    "Montrer le quintuplet de la socket après chaque appel, comme l'écrit le polycopié, et pourquoi (on ou off)",
  "help.explain.details":
    "Après socket, bind, listen, connect et accept (et tout appel qui le change, comme un premier sendto),\nle quintuplet '{'protocole, port local, adresse locale, port éloigné, adresse éloignée'}', '-' là où\nrien n'est encore rempli, avec ^ sous ce que l'appel a rempli : socket tcp donne '{'tcp, -, -, -, -'}',\nbind 4950 donne '{'tcp, 4950, 0.0.0.0, -, -'}'. accept montre tout le quintuplet de la NOUVELLE socket.\nLes sockets AF_UNIX ont des chemins, pas de ports : '{'unix, chemin local, chemin éloigné'}'.\nEt une phrase d'explication quand elle compte : pourquoi accept ou recv bloque, pourquoi recv a rendu moins\nd'octets que demandé, ou 0, pourquoi un send après la fermeture du pair a réussi et le suivant a échoué avec\nEPIPE, ECONNREFUSED, EADDRINUSE, un datagramme tronqué. sockshell --explain démarre avec explain activé.\nIl s'affiche même là où les appels ne sont pas tracés (trace off, -q, un rejeu) : chaque phrase nomme son appel.",
  "help.diagram.summary":
    "Dessiner la session en diagramme de séquence : dans le terminal, ou dans un fichier SVG ou HTML",
  "help.diagram.details":
    "Une ligne de vie par socket, et une par pair hors du shell, à son adresse ; dans l'ordre du temps :\nla poignée de main (SYN, SYN-ACK, ACK) de connect et accept, chaque send et recv avec son nombre d'octets\net les premiers octets, là où accept ou recv a attendu, FIN et RST, chaque datagramme et son expéditeur,\nles appels en échec avec leur errno. Des caractères de tracé sur un terminal UTF-8 (LANG, LC_ALL,\nLC_CTYPE), de l'ASCII sinon, aussi large que le terminal (COLUMNS, ou 80 sur un tube).\nFICHIER.svg écrit un SVG pour un compte rendu de TP ; FICHIER.html une page avec le SVG et les appels à côté.\nUn fichier existant est refusé (EEXIST) : -f l'écrase. diagram reset repart de zéro.\nLe journal garde les {logMax} derniers appels et dit combien ont été omis. run -d NOM termine un rejeu par son diagramme.",
  // ── commands: what each command says as it runs (errors, notes) ──
  "accept.notInherited": "{option} non hérité : {reason}",
  "accept.notListening":
    "la socket {fd} n'est pas en écoute : appelez d'abord listen",
  "accept.peer": "pair {addr}",
  "accept.peerReset":
    "le client l'a réinitialisée pendant qu'elle attendait : {runtime, select, deno {Deno abandonne une telle connexion, et avec elle l'adresse et les octets envoyés avant la réinitialisation, qu'accept et recv donnent encore en C ; le premier recv ou send échoue avec ECONNRESET} other {accept en C donne encore son adresse, que {runtime} ne donne pas}}",
  "accept.udp": "accept est pour TCP : UDP n'a pas de connexions",
  "bind.alreadyBound": "la socket {fd} est déjà attachée à {addr}",
  "bind.fileAtListen":
    "le fichier de la socket apparaît au listen : le runtime attache et écoute en un seul appel",
  "bind.fileMade": "fichier de la socket créé",
  "bind.inUse": "le descripteur {fd} est attaché à {addr}",
  "bind.local": "adresse locale {addr}",
  "bind.missingPath": "chemin manquant : usage : {usage}",
  "bind.pathTooLong":
    "le chemin fait {n, plural, one {# octet} other {# octets}} : sun_path en contient {max} et le NUL final",
  "check.badPort": "--port demande un port de 1 à 65535, pas {text}",
  "check.cannotRun": "impossible d'exécuter {why}",
  "check.list":
    "Vérifications intégrées (check -p NOM en affiche une ; check NOM PROGRAMME la lance) :",
  "check.listLine": "{summary} ; le programme prend {args}",
  "check.noProgram": "il manque le programme à tester : usage : {usage}",
  "check.notFound":
    "aucun exercice ni fichier de vérification lisible {file} ({why}) : check liste les exercices",
  "check.unknownOption":
    "option inconnue {option} (options : --json --port N -p)",
  "close.fileStays":
    "le fichier de la socket {path} reste, comme en C : supprimez-le (unlink, rm) avant d'attacher de nouveau ce chemin",
  "close.flushing":
    "le dernier morceau d'un send interrompu est encore en route : il part avant le FIN",
  "close.noCurrent":
    "aucun descripteur courant : nommez-en un, comme dans close 3",
  "close.notNumber": "{text} n'est pas un numéro de descripteur",
  "close.unread":
    "{n, plural, one {# octet reçu n'a jamais été lu : il est perdu} other {# octets reçus n'ont jamais été lus : ils sont perdus}}",
  "close.waiting":
    "{n, plural, one {# connexion en attente n'a jamais été acceptée : elle est fermée} other {# connexions en attente n'ont jamais été acceptées : elles sont fermées}}",
  "cmd.interrupted": "interrompu par Ctrl-C",
  "connect.already":
    "{state, select, connected {la socket {fd} est déjà connectée} other {la socket {fd} est déjà en écoute}}",
  "connect.autobound":
    "attachée d'abord au port éphémère {port}, comme le fait le noyau",
  "connect.background":
    "connexion en arrière-plan : attendez POLLOUT avec poll, puis getsockopt SO_ERROR dit comment elle s'est terminée",
  "connect.broadcast":
    "{host} est une adresse de diffusion : activez d'abord SO_BROADCAST",
  "connect.fromBoundPath":
    "le runtime ne peut pas se connecter depuis le chemin attaché {path} : connectez-vous depuis une nouvelle socket",
  "connect.inProgress":
    "le connect de la socket {fd} est encore en cours : attendez POLLOUT avec poll",
  "connect.local": "adresse locale {addr}",
  "connect.peer": "pair {addr}",
  "connect.queueFull":
    "la file d'attente des connexions est pleine : le connect bloquant du C attendrait ici, celui du runtime n'attend pas",
  "connect.timeout": "aucune réponse en {s} s",
  "connect.udpSource":
    "C montrerait maintenant l'adresse locale {addr}, celle d'où part la route vers le pair ; la socket du shell reste liée à {any} (Deno ne peut pas connecter une socket UDP)",
  "connect.udpSourceRoute":
    "C montrerait maintenant comme adresse locale celle de l'interface qui route vers {host} (ip route get {host} la donne) ; la socket du shell reste liée à {any} (Deno ne peut pas connecter une socket UDP)",
  "connect.unixDgram":
    "le runtime n'a pas de connect pour les datagrammes Unix : le pair est mémorisé, et s'il manque, cela se voit au send (le connect du C dit ENOENT ou ECONNREFUSED dès maintenant)",
  "connect.unnamed": "adresse locale (sans nom) : pas de bind, comme en C",
  "diagram.cannotWrite": "impossible d'écrire {file} : {why}",
  "diagram.exists":
    "impossible d'écrire {file} : EEXIST ({meaning}) : diagram -f {file} le remplace",
  "diagram.notSvgHtml":
    "{file} n'est ni un .svg ni un .html : diagram écrit FICHIER.svg ou FICHIER.html",
  "explain.onOff": "explain prend on ou off, pas {text}",
  "expect.failed": "échec : {condition}",
  "fcntl.badFlags": "F_SETFL prend O_NONBLOCK ou 0, pas {text}",
  "fcntl.missing": "argument manquant : usage : {usage}",
  "fcntl.unknown": "commande inconnue {cmd} : usage : {usage}",
  "getaddrinfo.family": "choisissez l'une des options -4 et -6",
  "getaddrinfo.neither": "ni nom ni service : il faut l'un des deux",
  "getaddrinfo.noServices":
    "{file} n'a pas pu être lu ({errno}) : services numériques seulement",
  "getaddrinfo.results": "{n, plural, one {# résultat} other {# résultats}}",
  "getaddrinfo.socktype": "-s prend stream ou dgram, pas {text}",
  "getaddrinfo.unknownService":
    "{proto, select, tcp {{service} n'est pas dans {file} pour tcp} udp {{service} n'est pas dans {file} pour udp} other {{service} n'est pas dans {file}}}",
  "getaddrinfo.wrapped":
    "{service} dépasse 65535 : la glibc garde ses 16 bits de poids faible, port {port}",
  "getaddrinfo.wrongFamily":
    "{name} est une adresse IPv{literal}, et ai_family demande de l'IPv{family}",
  "gethostbyname.none": "{name} n'a pas d'adresse IPv{family}",
  "getnameinfo.noName":
    "{address} n'a pas de nom : la forme numérique, comme le C la donne sans NI_NAMEREQD (avec : EAI_NONAME)",
  "getnameinfo.noServices":
    "{file} n'a pas pu être lu ({errno}) : le numéro du port",
  "getnameinfo.notNumeric":
    "getnameinfo prend une adresse numérique, pas {text} : getaddrinfo résout les noms",
  "getpeername.none":
    "{state, select, reset {la socket {fd} a été réinitialisée (RST) par son pair} listening {la socket {fd} est en écoute} other {la socket {fd} n'est pas connectée}}",
  "getsockopt.runtimeSet":
    "{runtime} a positionné {name} à {real} de lui-même en ouvrant la socket (le C part de {initial})",
  "getsockopt.runtimeSetOver":
    "{runtime} a positionné {name} à {real} de lui-même en ouvrant la socket (le C part de {initial} ; vous aviez mis {set})",
  "getsockopt.setOnly":
    "{name} ne peut être que positionnée : ls liste les groupes rejoints",
  "getsockopt.unbound":
    "{name} : le runtime ne peut la lire qu'une fois la socket attachée",
  "input.closed": "puis son entrée standard fermée",
  "input.interrupted":
    "{why} : le programme ne lisait pas son entrée, dont le tube est plein ; ce qu'il n'a pas lu lui reste en attente",
  "let.usage": "usage : {usage}",
  "listen.already":
    "déjà en écoute : Linux ne ferait que mettre à jour le backlog ; le runtime ne peut plus le changer une fois en écoute, il reste donc le même",
  "listen.capped":
    "le noyau plafonne le backlog à SOMAXCONN ({max}) : {max, plural, one {# connexion peut} other {# connexions peuvent}} attendre",
  "listen.connected": "une socket connectée ne peut pas écouter",
  "listen.dgram":
    "listen est pour les flux : une socket datagramme n'a pas de connexions",
  "listen.noPath":
    "la socket {fd} n'a pas de chemin : attachez-en un d'abord (bind /tmp/x.sock)",
  "listen.on": "en écoute sur {addr}",
  "listen.picked":
    "pas de bind avant : le système a choisi le port {port}, comme le fait Linux",
  "listen.udp": "listen est pour TCP : UDP n'a pas de connexions",
  "ls.empty":
    "aucun descripteur ouvert : commencez par 'socket tcp' ou 'socket udp'",
  "ls.header.fd": "fd",
  "ls.header.local": "local",
  "ls.header.proto": "proto",
  "ls.header.remote": "distant",
  "ls.header.state": "état",
  "ls.peerClosed": "fermée par le pair",
  "ls.unread": "{n, plural, one {# octet non lu} other {# octets non lus}}",
  "ls.waiting":
    "{n, plural, one {# connexion en attente} other {# connexions en attente}}",
  "output.exited": "le programme s'est terminé ({ending}) avant de l'afficher",
  "output.timeout": "{text} n'est pas arrivé en {s} s",
  "poll.badFd":
    "descripteur incorrect {text} : écrivez FD ou FD:in, FD:out, FD:inout, comme dans 3 5:inout",
  "read.eof": "fin de l'entrée : pas de ligne pour {name}",
  "read.noLine": "pas de ligne pour {name}",
  "read.tooLong":
    "ligne trop longue : plus de {max} octets : pas de ligne pour {name}",
  "record.appendOrOverwrite":
    "-a ajoute et -f écrase : choisissez l'un des deux",
  "record.cannotWrite": "impossible d'écrire {file} : {why}",
  "record.done": "enregistré dans {file} : rejouez-le avec run {file}",
  "record.exists":
    "impossible d'écrire {file} : {why} ({meaning}) : record -a {file} le complète, record -f {file} l'écrase",
  "record.header":
    "{how, select, appended {complété par sockshell} other {enregistré par sockshell}} le {date} : rejouez avec run {file}",
  "record.not": "pas d'enregistrement en cours",
  "record.started":
    "enregistrement dans {file} : chaque commande qui réussit (record stop pour finir)",
  "record.to": "enregistrement dans {file}",
  "recv.MB": "{n} Mo",
  "recv.andDropped": "{detail} ; {dropped}",
  "recv.bufferFull":
    "le tampon est plein : d'autres octets attendent peut-être",
  "recv.bytes": "{n, plural, one {# octet} other {# octets}}",
  "recv.datagramCut":
    "le datagramme faisait {size, plural, one {# octet} other {# octets}} : {n, plural, one {le dernier est perdu} other {les # derniers sont perdus}}, comme en C",
  "recv.droppedFrom":
    "{n, plural, one {# datagramme écarté} other {# datagrammes écartés}} ({size}) venant de {from} : ce n'est pas le pair connecté",
  "recv.droppedOthers":
    "{n, plural, one {# datagramme écarté} other {# datagrammes écartés}} ({size}) venant d'autres que le pair connecté",
  "recv.emptyDelimiter": "-u demande un délimiteur non vide",
  "recv.eof": "fin de flux : le pair a fermé",
  "recv.flag": "le shell n'a pas {flag} : ses drapeaux sont {known} (ou 0)",
  "recv.from": "de {addr}",
  "recv.kB": "{n} ko",
  "recv.moreBytes":
    "{n, plural, one {# octet de plus déjà reçu} other {# octets de plus déjà reçus}} : un flux ne garde pas les limites des messages",
  "recv.notConnected": "la socket {fd} n'est pas connectée",
  "recv.peekUntil": "-p ne peut pas être combiné avec -l ou -u",
  "recv.timeoutDropped":
    "rien du pair connecté en {s} s (SO_RCVTIMEO) ; {dropped}",
  "recv.udpNotBound":
    "la socket UDP {fd} n'est pas attachée : rien ne peut arriver (d'abord bind, ou sendto)",
  "recv.unixNotBound":
    "la socket datagramme Unix {fd} n'est pas attachée : rien ne peut l'atteindre (d'abord bind CHEMIN)",
  "recv.until": "lu jusqu'à {delimiter}",
  "recv.untilDgram":
    "-l et -u sont pour les flux : un datagramme est déjà un message",
  "run.notFound":
    "aucun replay ni fichier lisible {file} ({why}) : run liste les replays",
  "run.notScript": "{file} n'est pas un script sockshell : {why}",
  "run.replays": "Rejeux intégrés (run -p NOM en affiche un) :",
  "run.tooBig":
    "impossible d'exécuter {file} : {why} (un script fait au plus {max} octets)",
  "run.tooDeep": "imbrication trop profonde (limite {limit})",
  "select.badFd":
    "descripteur incorrect {text} : écrivez des numéros inférieurs à FD_SETSIZE (1024), comme dans select 3 5",
  "select.closed":
    "le descripteur {fd} n'est pas ouvert : select échoue en entier",
  "send.autobind":
    "une socket non attachée envoie sans nom en C (aucune réponse ne peut l'atteindre) ; le runtime n'envoie que depuis une socket attachée, elle a donc d'abord été attachée au nom abstrait {name}, comme l'autobind de Linux la nommerait",
  "send.cut":
    "{why} après {n, plural, one {# octet} other {# octets}} sur {total} : le send du C renvoie ce compte partiel ; les {rest} autres n'ont pas été envoyés",
  "send.oob": "MSG_OOB (données urgentes) n'a pas d'équivalent dans Deno",
  "send.timeout": "le pair n'a rien pris en {s} s (SO_SNDTIMEO)",
  "send.udpNotConnected":
    "socket UDP non connectée : utilisez sendto, ou d'abord connect",
  "send.unixNotConnected":
    "socket datagramme Unix non connectée : utilisez sendto CHEMIN, ou d'abord connect CHEMIN",
  "sendto.broadcast":
    "{host} est une adresse de diffusion : activez d'abord SO_BROADCAST (le shell donne la réponse du C : le runtime l'enverrait)",
  "sendto.tcpIgnores":
    "TCP ignore l'adresse : les octets sont allés au pair connecté",
  "sendto.unixConnected":
    "un flux Unix connecté ne prend pas d'adresse : utilisez send",
  "sendto.unixNotConnected":
    "un flux Unix n'envoie qu'une fois connecté : connect, puis send",
  "set.badName": "nom de variable incorrect {text}",
  "set.badNameChars":
    "nom de variable incorrect {text} : lettres, chiffres et _",
  "setsockopt.atOpen":
    "{name} : le runtime ne la prend qu'à l'ouverture de la socket : positionnez-la avant {call}",
  "setsockopt.doubled":
    "Linux double la taille donnée (de la place pour sa gestion interne) : getsockopt lit {real}",
  "setsockopt.inherited":
    "enregistrée : les connexions que renvoie accept en héritent",
  "setsockopt.level":
    "{name} est une option de {level}, pas de {typed} (en C, son numéro désigne une autre option à ce niveau, ou aucune)",
  "setsockopt.linger":
    "SO_LINGER : seul l_linger 0 (réinitialisation (RST) à la fermeture) est possible : le close des runtimes n'attend jamais",
  "setsockopt.member": "déjà membre de {group}",
  "setsockopt.misfit": "{name} ne s'applique pas à une socket {kind}",
  "setsockopt.needs":
    "{kind, select, linger {{name} demande deux valeurs : l_onoff l_linger (1 0 : réinitialisation (RST) à la fermeture)} mreq {{name} demande une adresse de groupe, et éventuellement une adresse d'interface} other {{name} demande une valeur}}",
  "setsockopt.notGroup":
    "{group} n'est pas un groupe multicast (224.0.0.0 à 239.255.255.255)",
  "setsockopt.notInteger": "{what} doit être un nombre entier, pas {text}",
  "setsockopt.notIpv4":
    "{what, select, group {le groupe} other {l'interface}} doit être une adresse IPv4 numérique, pas {text}",
  "setsockopt.notMember": "pas membre de {group}",
  "setsockopt.range": "{name} prend une valeur de {lo} à {hi}",
  "setsockopt.readOnly": "{name} ne peut qu'être lue, avec getsockopt",
  "setsockopt.recorded":
    "enregistrée : appliquée quand le runtime ouvre la socket ({at, select, bind {au bind ou au premier sendto} listen {au listen} other {au connect, ou héritée à l'accept}})",
  "setsockopt.runtimeKeeps":
    "{name, select, SO_BROADCAST {{runtime} garde {name} à {real} sur cette socket : le shell refuse lui-même les envois en diffusion (EACCES) tant qu'elle est désactivée, comme le C} other {{runtime} garde {name} à {real} sur cette socket}}",
  "setsockopt.tooMany": "trop de valeurs pour {name}",
  "setsockopt.unknown": "pas d'option {text} : options connues : {known}",
  "setsockopt.v4Only":
    "IP_ADD_MEMBERSHIP : ce shell ne rejoint des groupes IPv4 que sur des sockets AF_INET",
  "setsockopt.v6OnlyLate": "IPV6_V6ONLY doit être positionnée avant bind",
  "shutdown.badHow": "how doit être rd, wr, rdwr (ou 0, 1, 2), pas {text}",
  "shutdown.closedMeanwhile": "la socket {fd} a été fermée entre-temps",
  "shutdown.finSent": "FIN envoyé : le pair lira une fin de flux",
  "shutdown.finSentTls":
    "close_notify et FIN envoyés : le pair lira une fin de flux",
  "shutdown.rd":
    "SHUT_RD n'a pas d'équivalent dans Deno (utilisez shutdown wr, ou close)",
  "shutdown.rdwr":
    "seule l'écriture a été fermée : SHUT_RD n'a pas d'équivalent dans Deno (close libère les deux)",
  "shutdown.udp": "le shutdown d'une socket UDP n'a pas d'équivalent dans Deno",
  "shutdown.udpNotConnected": "la socket UDP {fd} n'est pas connectée",
  "socket.needsType":
    "socket {domain} attend aussi son type : socket {domain} SOCK_STREAM (ou SOCK_DGRAM)",
  "socket.protocol":
    "le protocole {protocol} ne va pas avec ce type : 0 prend celui du type (IPPROTO_TCP pour SOCK_STREAM, IPPROTO_UDP pour SOCK_DGRAM)",
  "socket.protocolUnix": "une socket Unix prend le protocole 0, pas {protocol}",
  "socket.unknownCType":
    "type de socket inconnu {text} : le shell a SOCK_STREAM et SOCK_DGRAM",
  "socket.unknownDomain":
    "domaine inconnu {text} : choisissez AF_INET, AF_INET6 ou AF_UNIX",
  "socket.unknownType":
    "type de socket inconnu {text} : choisissez tcp, udp, tcp6, udp6, unix ou unix-dgram",
  "spawn.started": "pid {pid}, dans son propre groupe de processus",
  "starttls.agreed":
    "négocié : {hasVersion, select, yes {protocole {version}, } other {}}{hasCipher, select, yes {chiffrement {cipher}, } other {}}ALPN {hasAlpn, select, yes {{alpn}} other {aucun négocié}}",
  "starttls.alreadyTls": "la socket {fd} parle déjà TLS",
  "starttls.cannotRead": "{option} {file} ne peut pas être lu ({error})",
  "starttls.clientOnly":
    "-k, --ca et un nom de serveur sont pour le côté client, pas avec -s",
  "starttls.closed": "{detail} ; la connexion est fermée",
  "starttls.failedClosed":
    "la poignée de main TLS a échoué et a fermé la connexion",
  "starttls.keyEncrypted":
    "{option} {file} : la clé est chiffrée et starttls ne peut pas demander sa phrase secrète : openssl pkey -in {path} -out key.pem l'écrit en clair",
  "starttls.listening":
    "la socket {fd} est en écoute : starttls -s se fait sur une socket renvoyée par accept",
  "starttls.needsValue": "l'option {option} attend une valeur",
  "starttls.noName":
    "aucun nom vérifié : seule la chaîne du certificat l'a été (starttls NOM vérifie aussi son nom)",
  "starttls.notPem":
    "{option} {file} n'est pas au format PEM (aucune ligne -----BEGIN ...-----) : s'il est en DER, {convert} le convertit",
  "starttls.overTcp":
    "TLS fonctionne sur TCP (DTLS n'a pas d'équivalent dans Deno)",
  "starttls.pemEmpty": "{option} {file} est vide",
  "starttls.pemHolds":
    "{option} {file} contient {found}, pas {want, select, key {une clé privée} other {un certificat}}",
  "starttls.peerCertificate":
    "certificat du pair : sujet {subject} ; émetteur {issuer} ; expire le {expires}",
  "starttls.readPending":
    "la lecture d'un recv interrompu attend encore sur cette socket : TLS ne peut pas démarrer par-dessous (faites recv de ce qu'elle apporte, ou close)",
  "starttls.server": "serveur TLS : la poignée de main du client est faite",
  "starttls.serverNeedsCert": "-s attend --cert FICHIER et --key FICHIER",
  "starttls.serverOnly":
    "--cert et --key sont pour le côté serveur (-s) : les certificats client ne sont pas pris en charge",
  "starttls.skippedFailed": "vérification sautée : elle aurait échoué : {why}",
  "starttls.skippedPassed":
    "vérification sautée (-k) : le certificat aurait été accepté",
  "starttls.unixPeer": "le pair de la socket Unix",
  "starttls.unknownOption":
    "option inconnue {option} (options : -s -k -t --ca --alpn --cert --key)",
  "starttls.unread":
    "{n, plural, one {# octet reçu avant la poignée de main n'est pas encore lu : faites-en d'abord le recv} other {# octets reçus avant la poignée de main ne sont pas encore lus : faites-en d'abord le recv}}",
  "starttls.unverified": "TLS vers {name}, NON vérifié (-k)",
  "starttls.verifiedCa": "TLS vers {name}, vérifié avec {ca}",
  "starttls.verifiedRoots":
    "TLS vers {name}, vérifié avec les autorités racines du système",
  "trace.onOff": "trace prend on ou off, pas {text}",
  "transfer.afterReceived":
    "{hasDetail, select, yes {{detail} (après {n, plural, one {# octet} other {# octets}}, écrits dans {file})} other {après {n, plural, one {# octet écrit} other {# octets écrits}} dans {file}}}",
  "transfer.readFailed":
    "{n, plural, one {le premier octet} other {les # premiers octets}} de {file} {n, plural, one {a été envoyé} other {ont été envoyés}} avant que la lecture échoue",
  "transfer.writeFailed":
    "{file} contient les {written, plural, one {# premier octet} other {# premiers octets}} : {lost, plural, one {l'octet reçu ensuite n'a pas pu être écrit, il est perdu} other {les # octets reçus ensuite n'ont pas pu être écrits, ils sont perdus}}",
  "transfer.afterSent":
    "{hasDetail, select, yes {{detail} (après {n, plural, one {# octet} other {# octets}})} other {après {n, plural, one {# octet envoyé} other {# octets envoyés}}}}",
  "transfer.cannotOpen":
    "-f {file} ne peut pas être {how, select, read {lu} other {écrit}} ({error})",
  "transfer.fileAlone":
    "-f FICHIER envoie le fichier seul : pas de texte, ni -r, -n, -c ou -C",
  "transfer.forRecv":
    "{from, select, yes {-f et -a sont pour recv} other {-a va avec -f FICHIER}}",
  "transfer.interrupted":
    "interrompu par Ctrl-C après {n, plural, one {# octet} other {# octets}}",
  "transfer.noFiles": "ce shell ne peut pas ouvrir de fichiers",
  "transfer.progress": "  {size}  {rate}/s",
  "transfer.sent":
    "le fichier entier, en {calls, plural, one {# send} other {# send}} d'au plus {chunk}",
  "transfer.size":
    "{n} {unit, select, B {o} KiB {Kio} MiB {Mio} GiB {Gio} other {Tio}}",
  "transfer.streamsOnly":
    "-f est pour les flux : envoyez un datagramme avec son texte",
  "transfer.streamsOnlyRecv":
    "-f est pour les flux : recvfrom prend un datagramme à la fois",
  "transfer.written":
    "écrit dans {file} en {calls, plural, one {# appel} other {# appels}} à recv, {why, select, oneRead {une seule lecture} eof {jusqu'à la fin de flux} other {{n, plural, one {# octet demandé} other {# octets demandés}}}}",
  "use.noSocket": "aucune socket n'a le descripteur {fd} (ouverts : {open})",
  "use.noneOpen": "aucune socket n'a le descripteur {fd} (aucun n'est ouvert)",
  "talk.noInput":
    "pas de lignes à envoyer ici : lancez talk à l'invite, ou avec des commandes sur l'entrée standard (pas dans -c ni dans un fichier de script)",
  "talk.notConnected":
    "le descripteur {fd} {how, select, listening {écoute (accept donne une socket connectée)} connecting {est encore en train de se connecter} stream {n'est pas connecté (connectez-le d'abord)} other {n'a pas de pair (connectez-le d'abord à un pair)}} : talk a besoin d'une socket connectée",
  "talk.start":
    "talk sur {fd} : chaque ligne part avec {ending} dès qu'elle est tapée ; ~. ou Ctrl-C ou Ctrl-D pour sortir",
  "talk.awaitClose":
    "talk sur {fd} : fin de l'entrée sans ~. : ce qu'envoie le pair s'affiche jusqu'à ce qu'il ferme, comme avec nc (Ctrl-C pour quitter)",
  "talk.peerClosed":
    "le pair a fermé la connexion (fin de flux sur {fd}) : talk se termine",
  "talk.unsent":
    "{n, plural, one {# ligne n'a pas été envoyée : la connexion était terminée} other {# lignes n'ont pas été envoyées : la connexion était terminée}}",
  "view.takes": "view prend quoted, lines ou hex, pas {text}",
  "wait.interrupted": "interrompu",
  "wait.timeout":
    "le programme ne s'est pas terminé en {s} s : il tourne toujours",
  // ── the shell core, the network backends, the script language ──
  "shell.unknownCommand": "commande inconnue (help les liste toutes)",
  "shell.unknownCommandDidYouMean":
    'commande inconnue : vouliez-vous dire "{best}" ? (help les liste toutes)',
  "shell.takesNoFd": "{name} ne prend pas de descripteur ({word})",
  "shell.badFd":
    "descripteur {word} invalide : écrivez @ suivi d'un numéro, par exemple @4",
  "shell.internalError": "erreur interne : {message}",
  "shell.exitCut":
    "à la sortie, {n, plural, one {le descripteur {fds} avait} other {les descripteurs {fds} avaient}} encore des octets à envoyer après {s} s : le pair ne lisait pas, le reste a été abandonné",
  "shell.ending": "le shell se termine",
  "shell.recordStopped":
    "impossible d'écrire dans {file} : {error} : enregistrement arrêté",
  "shell.noCurrentFd":
    "pas de descripteur courant : créez-en un avec 'socket tcp' ou choisissez-en un avec 'use FD'",
  "shell.unknownOption": "option -{letter} inconnue",
  "shell.unknownOptionOf": "option -{letter} inconnue (options : {known})",
  "shell.optionNeedsValue": "l'option -{letter} attend une valeur",
  "shell.missingArgument": "argument manquant : usage : {usage}",
  "shell.tooManyArguments":
    "trop d'arguments ({word} et la suite) : usage : {usage}",
  "shell.badPort":
    "le port doit être un nombre entier de 0 à 65535, pas {text}",
  "shell.badInteger":
    "{what, select, backlog {la taille de la file d'attente} byteCount {le nombre d'octets} descriptor {le descripteur} exitStatus {le code de sortie} length {la longueur} repeatCount {le nombre de répétitions} segmentSize {la taille de segment} timeoutMs {le délai (ms)} other {{what}}} doit être un nombre entier de {min} à {max}, pas {text}",
  "shell.badTimeout":
    "le délai doit être un nombre de secondes jusqu'à 86400, pas {text}",
  "shell.wrongFamily":
    "{host} est une adresse IPv{literal} mais cette socket est de la famille {domain}",
  "shell.noAddressOfFamily": "{host} n'a pas d'adresse IPv{family}",
  "shell.interrupted": "interrompu par Ctrl-C",
  "shell.fileInterrupted":
    "{why} en attendant {file} (l'ouverture d'un tube nommé attend un processus à son autre bout)",
  "shell.noAnswer":
    "pas de réponse en {seconds} s{how, select, rcvtimeo { (SO_RCVTIMEO)} other {}}",
  "shell.wouldBlock":
    "{what, select, accept {aucune connexion en attente} other {rien à lire}} {why, select, flag {et MSG_DONTWAIT n'attend pas} other {sur une socket non bloquante (O_NONBLOCK)}} ; EWOULDBLOCK est le même errno",
  "shell.note": "remarque : {text}",
  "fd.notConnected": "la socket {fd} n'est pas connectée",
  "fd.writeShut": "le sens d'écriture a été fermé (shutdown)",
  "fd.closedWhileWaiting":
    "la socket {fd} a été fermée pendant que l'appel attendait",
  "fd.unixNotIp":
    "la socket {fd} est AF_UNIX : cet appel attend une adresse IP",
  "fd.noSuchFd": "aucune socket n'a le descripteur {fd} (ouverts : {open})",
  "fd.noSuchFdNoneOpen":
    "aucune socket n'a le descripteur {fd} (aucun n'est ouvert : commencez par 'socket tcp')",
  "script.nestingTooDeep": "imbrication trop profonde (limite {limit})",
  "script.needsCondition":
    "{kw} attend une condition, par exemple : {kw} $n.n == 0",
  "script.forNeedsList":
    "for attend une variable et une liste, par exemple : for fd in $r",
  "script.forkTakesNothing":
    "fork ne prend rien : le bloc qui le suit est le fils",
  "script.tryNeedsCommand":
    "try attend une commande après lui, comme dans : try recv -> m",
  "script.takesNothing":
    "{kw} ne prend rien après lui (séparez les commandes par ;)",
  "script.elseWithoutIf": "else sans if",
  "script.endWithoutBlock": "end sans if, while, for ni fork",
  "script.breakOutsideLoop": "break en dehors d'une boucle while ou for",
  "script.arrowNeedsName": "-> attend un nom de variable, pas {word}",
  "script.arrowAtEnd": "-> se place à la fin : CMD ... -> nom",
  "script.neverClosed": "{kw} n'est jamais fermé : ajoutez end",
  "script.stopped": "arrêté : {command}",
  "script.childStopped": "fils arrêté : {command}",
  "script.childFailed": "échec du fils : {message}",
  "script.exitEndedChild": "exit a terminé le fils",
  "script.binary":
    "contenu binaire (un octet NUL, ou des octets qui ne sont pas de l'UTF-8)",
  "script.noCommand":
    "la ligne {n} commence par {word}, qui n'est pas une commande",
  "script.badCondition":
    "impossible de lire la condition {text} : écrivez true, false, int X, not ..., ou A OP B avec OP parmi {operators} (mettez entre guillemets les mots qui ont des espaces)",
  "script.notInteger": "{text} n'est pas un nombre entier",
  "script.cannotCompute": "impossible de calculer {expr} : {why}",
  "script.endsTooEarly": "l'expression s'arrête trop tôt",
  "script.parenNeverClosed": "une ( n'est jamais fermée",
  "script.divisionByZero": "division par zéro",
  "script.unexpected": "{word} inattendu",
  "script.resultTooLarge": "le résultat est trop grand",
  "script.lineTooLong":
    "ligne trop longue : plus de {max, plural, one {# octet} other {# octets}}",
  "script.loneBackslash":
    "la ligne se termine par une barre oblique inverse isolée",
  "script.badHexEscape":
    'échappement "\\x{hex}" invalide : \\x attend deux chiffres hexadécimaux, par exemple \\x0a',
  "script.unknownEscape":
    'échappement "\\{c}" inconnu : utilisez \\n \\r \\t \\0 \\\\ \\" \\\' \\$ ou \\xHH',
  "script.badVariableReference":
    'référence de variable "{ref}..." invalide : écrivez {braced} ou {fallback}',
  "script.unterminatedSingle":
    "guillemet non terminé : une ' n'est jamais fermée",
  "script.unterminatedDouble":
    "guillemet non terminé : un \" n'est jamais fermé",
  "script.undefinedArgument":
    "variable ${name} non définie : l'argument {name} n'a pas été donné",
  "script.undefinedVariable":
    "variable ${name} non définie : donnez-lui d'abord une valeur, ou écrivez \\$ pour un signe dollar",
  "script.nothingToSend":
    'rien à envoyer : donnez le TEXTE, par exemple "hello\\n"',
  "script.payloadTooLarge":
    "données trop grandes : {n, plural, one {# octet} other {# octets}} (au plus {max})",
  "net.closed": "la socket est fermée",
  "net.closedDuringCall": "la socket a été fermée pendant l'appel",
  "net.anotherInProgress": "un autre {what} est déjà en cours",
  "net.connectionGone": "la connexion n'existe plus",
  "net.resetBeforeAccept":
    "le client a réinitialisé la connexion avant qu'accept la prenne",
  "net.onlyLingerZero":
    "seul l_linger 0 (réinitialisation à la fermeture) est possible",
  "net.noCallFor": "{api} n'a pas d'appel pour cela",
  "net.cannotSendToPort": "impossible d'envoyer vers le port {port}",
  "net.nodeNoReusePort":
    "net et dgram de Node 20 ne savent pas positionner SO_REUSEPORT",
  "net.noBufferSizes":
    "{api} n'a pas d'appel qui fixe la taille des tampons d'une socket",
  "net.noCallSets": "{api} n'a pas d'appel qui positionne {option}",
  "net.nodeNoUnixDgram":
    "Node n'a pas de sockets Unix en mode datagramme (node:dgram ne fait que de l'UDP)",
  "net.denoNoLinger":
    "Deno.TcpConn n'a pas d'appel pour linger (positionné avant connect ou listen, il est possible : le backend Deno utilise alors node:net, qui sait réinitialiser)",
  "net.denoMulticastLoop":
    "Deno le fixe au bind (loopback de listenDatagram) ou par l'adhésion à un groupe : positionnez-le avant bind, ou rejoignez d'abord un groupe",
  "net.denoMulticastTtl":
    "Deno le fixe par l'adhésion à un groupe : rejoignez d'abord un groupe (IP_ADD_MEMBERSHIP)",
  "net.denoNoReusePort":
    "Deno.listenDatagram ne sait pas positionner SO_REUSEPORT (SO_REUSEADDR partage un port UDP)",
  "net.denoNoV6Only":
    "Deno.listen et Deno.listenDatagram ne savent pas positionner IPV6_V6ONLY",
  "net.outsidePermissions": "hors de ce que sockshell a le droit de toucher",
  "net.tlsAlready": "la connexion parle déjà TLS",
  "net.tlsUnreadOrEnded":
    "la connexion a des octets lus et pas encore pris, ou elle est terminée",
  "net.tlsEof":
    "unexpected eof while reading : le pair a fermé pendant la poignée de main",
  "net.tlsKeyMismatch":
    "la clé privée (--key) ne va pas avec le certificat (--cert) : key values mismatch, comme le dit SSL_CTX_check_private_key()",
  "net.tlsReset":
    "la poignée de main a été coupée par une réinitialisation (RST)",
  "net.tlsExpired": "certificate verify failed : le certificat a expiré",
  "net.tlsNotYetValid":
    "certificate verify failed : le certificat n'est pas encore valide",
  "net.tlsHostname":
    "certificate verify failed : le nom ne correspond pas (le certificat nomme {names})",
  "net.tlsHostnameOther":
    "certificate verify failed : le nom ne correspond pas ({detail})",
  "net.tlsUnknownIssuer":
    "certificate verify failed : unable to get local issuer certificate (certificat auto-signé ou non signé par une autorité de confiance : --ca FICHIER lui fait confiance, -k saute la vérification)",
  "net.tlsWrongVersion": "wrong version number : le pair ne parle pas TLS",
  "net.tlsAlert":
    "le pair a envoyé une alerte : {alert}{clientCert, select, yes { : le serveur demande un certificat client, que starttls n'envoie pas} other {}}",
  "net.tlsNoAlpn": "aucun protocole applicatif en commun (ALPN)",
  "shell.moreBytes":
    "... et {n, plural, one {# octet de plus} other {# octets de plus}}{hint, select, x { (affichés avec -x)} other {}}",

  // ── the REPL, the command line, record, run, check ──
  // ── explain and diagram (lib/teach/) ──
  "teach.fieldProto": "protocole",
  "teach.fieldLocalPort": "port local",
  "teach.fieldLocalAddr": "adresse locale",
  "teach.fieldRemotePort": "port éloigné",
  "teach.fieldRemoteAddr": "adresse éloignée",
  "teach.fieldLocalPath": "chemin local",
  "teach.fieldRemotePath": "chemin éloigné",
  "teach.listSeparator": ", ",
  "teach.filledIn": "{call} a rempli : {fields}",
  "teach.filledNothing": "{call} n'a rien rempli",
  "teach.socketMade":
    "la socket {fd} n'a encore que son protocole : le premier élément du quintuplet",
  "teach.listenWaits":
    "listen : la socket {fd} attend maintenant des connexions ; son quintuplet reste à moitié rempli",
  "teach.listenBinds":
    "listen sur une socket non associée à un port : le système a choisi son port local",
  "teach.acceptMade":
    "accept a créé une nouvelle socket, {fd}, avec le quintuplet complet ; la socket {lfd} reste à l'écoute",
  "teach.connectComplete": "le quintuplet est maintenant complet",
  "teach.implicitBind":
    "{call} a d'abord associé la socket à un port : le système a choisi son port local",
  "teach.unixPaths":
    "les adresses d'une socket AF_UNIX sont des chemins : elle n'a pas de ports",
  "teach.acceptBlocks":
    "accept bloque : aucune connexion n'attend dans la file d'attente de la socket {fd}",
  "teach.recvBlocks":
    "{call} bloque : rien n'est encore arrivé sur la socket {fd} ; l'appel revient quand des données ou la fin arrivent",
  "teach.recvShort":
    "recv a rendu {n} octets sur {asked} : un flux ne garde pas les limites des messages, recv rend ce qui est arrivé",
  "teach.recvZero":
    "recv a rendu 0 : le correspondant a fermé son extrémité (FIN) : c'est la fin du flux",
  "teach.sendAfterPeerClosed":
    "send a réussi alors que le correspondant avait fermé : les données sont parties, et le système du correspondant y répond par un RST",
  "teach.sendEpipe":
    "send a échoué avec EPIPE : les données d'un send précédent ont reçu un RST en retour, la connexion n'existe plus (en C, il y a aussi SIGPIPE)",
  "teach.resetByPeer":
    "ECONNRESET : le système du correspondant a réinitialisé la connexion (RST) : des données ont été envoyées à une socket fermée",
  "teach.connectRefused":
    "connect a échoué avec ECONNREFUSED : personne n'écoute sur {addr}, son système a donc répondu au SYN par un RST",
  "teach.addrInUse":
    "bind a échoué avec EADDRINUSE : une autre socket occupe déjà {addr}",
  "teach.datagramTruncated":
    "le datagramme faisait {size} octets mais seuls {asked} ont été demandés : un datagramme se lit d'un seul coup, le reste est perdu",
  "teach.notConnected":
    "{call} a échoué avec ENOTCONN : la socket {fd} n'a pas encore de connexion (connect, ou accept sur une socket à l'écoute)",
  "teach.explainOn":
    "explain on : après chaque appel, le quintuplet de la socket '{'protocole, port local, adresse locale, port éloigné, adresse éloignée'}'",
  "teach.explainOff": "explain off",
  "teach.diagramEmpty":
    "rien à dessiner pour l'instant : faites d'abord quelques appels (socket, connect, send...)",
  "teach.diagramLeftOut":
    "{count, plural, one {# événement antérieur omis} other {# événements antérieurs omis}} : le journal garde les {kept} derniers",
  "teach.diagramLanesLeftOut":
    "{count, plural, one {# extrémité de plus omise} other {# extrémités de plus omises}} : seules les {kept} des événements les plus récents sont dessinées",
  "teach.diagramReset": "diagram reset : le journal de la session est vide",
  "teach.diagramWritten": "diagramme écrit dans {file}",
  "teach.diagramTitle":
    "session sockshell : {events, plural, one {# événement} other {# événements}}",
  "teach.transcriptTitle": "Transcription",
  "teach.laneSocket": "socket {fd}",
  "teach.lanePeer": "correspondant",
  "teach.laneUnbound": "(sans adresse)",
  "teach.evSocket": "socket() = {fd}",
  "teach.evBind": "bind {addr}",
  "teach.evListen": "listen : attend des connexions",
  "teach.evConnect": "connect vers {addr}",
  "teach.evConnectUdp": "connect : correspondant par défaut {addr}",
  "teach.evAccept": "accept() = {fd}",
  "teach.evAcceptWaited": "accept() = {fd}, après attente",
  "teach.evSend": "send {n, plural, one {# octet} other {# octets}} {preview}",
  "teach.evRecv": "recv {n, plural, one {# octet} other {# octets}} {preview}",
  "teach.evRecvWaited":
    "recv a attendu, puis {n, plural, one {# octet} other {# octets}} {preview}",
  "teach.evRecvZero": "recv() = 0 : fin du flux",
  "teach.evSendto":
    "sendto {n, plural, one {# octet} other {# octets}} {preview} vers {addr}",
  "teach.evRecvfrom":
    "recvfrom {n, plural, one {# octet} other {# octets}} {preview} de {addr}",
  "teach.evRecvfromPeer":
    "{call} {n, plural, one {# octet} other {# octets}} {preview}",
  "teach.evClose": "close()",
  "teach.evCloseAtExit": "fermée à la fin du programme",
  "teach.evShutdown": "shutdown({how})",
  "teach.evFailed": "{call}() = -1 {errno}",
  "teach.evOther": "{call}()",
  "teach.arrowBytes": "{n, plural, one {# octet} other {# octets}}",
  "teach.arrowDatagram": "{n, plural, one {# octet} other {# octets}}",
  "cli.usage":
    "sockshell {version} : un shell interactif de sockets pour apprendre les sockets BSD\n\nUsage :\n  sockshell                      shell interactif (commandes lues sur l'entrée standard quand ce n'est pas un terminal)\n  sockshell -c \"CMD; CMD; ...\"   exécute les commandes, puis quitte\n  sockshell SCRIPT [ARGS...]     exécute un fichier script ; $1, $2... sont ses arguments\n  sockshell run NOM [ARGS...]    rejoue un exercice intégré du polycopié (sockshell run : la liste)\n  sockshell check EXERCICE PROGRAMME [ARGS...]\n                                 teste le programme d'un étudiant sur un exercice, en TAP (sockshell check : la liste) ;\n                                 demande --allow-run sous Deno (demandé sur un terminal), rien sous Node\n\nOptions :\n  -c COMMANDES   commandes séparées par ';'\n  -q, --quiet    n'affiche pas les appels qui réussissent (les erreurs s'affichent toujours)\n  --lang CODE    parle CODE (en, fr) au lieu de la langue de la locale (LC_ALL, LC_MESSAGES, LANG)\n  --explain      après chaque appel, le quintuplet de la socket et pourquoi (comme explain on)\n  -h, --help     cette aide\n  -V, --version  la version et le backend réseau\n\nUn script s'arrête à la première commande qui échoue et sort avec son code :\n1 un appel qui a échoué, 2 mauvais usage, 124 interrompu ou délai dépassé, 127 commande inconnue.\nTapez 'help' dans le shell pour la liste des commandes.",
  "repl.toExit":
    "(Pour quitter, appuyez de nouveau sur Ctrl+C, ou sur Ctrl+D, ou tapez exit)",
  "check.setupFailed": "la vérification elle-même a échoué à {at}",
  "check.interrupted": "interrompu (Ctrl-C) : le programme a été tué",
  "check.noScenario":
    "la vérification n'a aucun scénario : écrivez des blocs scenario NOM ... end",
  "check.timedOut":
    "le scénario ne s'est pas terminé en {seconds} s : il a été arrêté",
  "check.stillRunning": "toujours en cours à la fin du scénario : tué",
  "check.notKept":
    "{total} octets écrits en tout : les {dropped} entre son premier Mio et ses derniers 64 Kio n'ont pas été gardés",
  "check.escapedProcess": "{name} (pid {pid})",
  "check.leftBehind":
    "{n, plural, one {il a laissé # processus derrière lui, dans sa propre session (daemon(), setsid()) : {list} : tué} other {il a laissé # processus derrière lui, dans leurs propres sessions (daemon(), setsid()) : {list} : tués}}",
  "check.cutClosed": "le programme a fermé la connexion (recv a renvoyé 0)",
  "check.cutTimeout": "plus rien n'est arrivé : {line}",
  "check.cutReset": "la connexion a été réinitialisée (ECONNRESET)",
  "check.thenNothing": "{got} puis plus rien",
  "check.wantedLine": "une ligne entière, jusqu'à son saut de ligne",
  "check.wantedUntil": "des octets jusqu'à {delim}",
  "check.passed":
    "{passed, plural, one {# scénario réussi} other {# scénarios réussis}} sur {total} en {seconds} s",
  "check.earlier":
    "({n, plural, one {# ligne précédente omise} other {# lignes précédentes omises}})",
  "check.scenarioAtLine": "scénario de la ligne {line}",
  "check.cannotStart": "impossible de lancer {path} : {message}",
  "check.exitStatus": "code de sortie {code}",
  "check.killedBy": "tué par {signal}",
  "check.outputHeld":
    "{ending}, mais un processus qu'il a lancé garde encore sa sortie ouverte (un fils de fork() qui n'a pas terminé ?)",
  "check.stdinClosed": "son entrée standard est fermée",
  "check.programClosedStdin": "le programme a fermé son entrée standard",
  "check.notExecutable": "pas exécutable : chmod +x {path}",
  "check.noSuchFile": "fichier introuvable",
  "check.isDirectory": "un dossier, pas un programme",
  "check.noInterpreter":
    "le script est là, mais pas l'interpréteur que nomme sa ligne #! : {interpreter}",
  "check.crlfScript":
    "le script est là, mais sa ligne #! finit par \\r, des fins de ligne Windows : {interpreter} n'existe pas (dos2unix {path}, ou sed -i 's/\\r$//' {path}, le corrige)",
  "check.notInPath":
    "absent du PATH : écrivez ./{path} pour un programme de ce répertoire",
  "check.noSuchPid":
    "aucun programme de pid {pid} n'a été lancé ici : spawn en lance un (spawn PROGRAMME ARGS -> p, puis $p)",
  "cli.langTakes": "--lang attend {codes}",
  "cli.langTakesNot": "--lang attend {codes}, pas {code}",
  "cli.cNeedsCommands":
    '-c attend des commandes, par exemple -c "socket tcp; listen"',
  "cli.unknownOption": "option {option} inconnue (essayez --help)",
  "cli.cannotReadScript": "impossible de lire le script {file} : {why}",
  "cli.notAScript": "{file} n'est pas un script sockshell : {why}",
  "host.tooLarge":
    "{path} dépasse {limit, plural, one {# octet} other {# octets}}",
  "host.notRegular": "{path} n'est pas un fichier ordinaire",
  "check.runPermission":
    "lancer un programme demande --allow-run : lancez sockshell par deno run --allow-run --allow-net --allow-read --allow-write --allow-env mod.ts (les versions Node n'ont besoin de rien)",
  // ── the built-in checks' scenarios and hints (checks/*.sock) ──
  "checks.unknownKey": "{command} -k : aucun message ne s'appelle {key}",
  "checks.notNameValue":
    "{command} -k : {word} n'est pas de la forme nom=valeur (une valeur pour les paramètres du message)",
  "checks.tcpServer.handoutExchange":
    "l'échange du polycopié : un message, son accusé de réception",
  "checks.tcpServer.serverAcceptClientHint":
    "le serveur doit accepter un client, lire son message, l'afficher et répondre",
  "checks.tcpServer.serverPrintsReceivedHint":
    "le serveur affiche ce qu'il a reçu : Voici le message que j'ai reçu : bonjour",
  "checks.tcpServer.acknowledgementWholeNewline":
    "l'accusé de réception entier, saut de ligne compris",
  "checks.tcpServer.lengthByHandHint":
    'write(fd, "J\'ai reçu votre message\\n", 24) compte ç pour un octet : en UTF-8 le texte fait 25 octets et son saut de ligne est coupé ; utilisez strlen',
  "checks.tcpServer.message1Byte":
    "le message en segments d'un octet, à 50 ms d'intervalle",
  "checks.tcpServer.serverPrintedAfterHint":
    "votre serveur a affiché après le premier recv, mais le message est arrivé en 8 segments : lisez jusqu'au saut de ligne",
  "checks.tcpServer.clientClosesWithout":
    "un client qui ferme sans rien envoyer",
  "checks.tcpServer.recvReturning0Hint":
    "recv qui renvoie 0 signifie que le client est parti (fin de flux) : terminez proprement, sans attendre indéfiniment ni planter",
  "checks.tcpServer.clientResetsConnection":
    "un client qui réinitialise la connexion (RST)",
  "checks.tcpServer.resetMakesRecvHint":
    "une réinitialisation fait renvoyer -1 (ECONNRESET) à recv : signalez-la et terminez, sans mourir de SIGPIPE ni attendre indéfiniment",
  "checks.tcpServer.emptyLine": "une ligne vide",
  "checks.tcpServer.emptyLineStillHint":
    "une ligne vide est encore un message : accusez-en réception",
  "checks.tcpServer.bytes5000NoNewline":
    "5000 octets sans saut de ligne, plus que le tampon",
  "checks.tcpServer.messageLongerThanHint":
    "un message plus long que le tampon ne doit pas le déborder : lisez au plus sizeof buffer - 1 octets",
  "checks.tcpServer.notUtf8": "des octets qui ne sont pas de l'UTF-8",
  "checks.tcpServer.messageBytesPrintHint":
    "un message, ce sont des octets : affichez ce qui est arrivé",
  "checks.tcpServer.portErrorLine":
    "sans port : une ligne d'erreur et un code de retour non nul",
  "checks.tcpServer.withoutPortServerHint":
    "sans son port, le serveur doit le dire sur stderr et se terminer avec un code de retour non nul, comme celui du polycopié (exit(1))",
  "checks.tcpClient.handoutExchange":
    "l'échange du polycopié : la ligne tapée, la réponse affichée",
  "checks.tcpClient.clientConnectHostHint":
    "le client doit se connecter à l'hôte et au port qu'on lui donne",
  "checks.tcpClient.clientSendLineHint":
    "le client doit envoyer la ligne tapée, saut de ligne compris",
  "checks.tcpClient.clientPrintsServerHint":
    "le client affiche la réponse du serveur",
  "checks.tcpClient.answer1Byte":
    "la réponse en segments d'un octet, à 20 ms d'intervalle",
  "checks.tcpClient.clientPrintedFirstHint":
    "votre client a affiché le premier recv, mais la réponse est arrivée en morceaux : lisez jusqu'à la fin de la réponse (son saut de ligne, ou la fermeture par le serveur)",
  "checks.tcpClient.serverClosesWithout": "le serveur ferme sans répondre",
  "checks.tcpClient.recvReturning0Hint":
    "recv qui renvoie 0 signifie que le serveur est parti (fin de flux) : terminez proprement, sans attendre indéfiniment ni planter",
  "checks.tcpClient.serverResetsConnection":
    "le serveur réinitialise la connexion (RST)",
  "checks.tcpClient.resetMakesRecvHint":
    "une réinitialisation fait renvoyer -1 (ECONNRESET) à recv : signalez-la et terminez, sans mourir de SIGPIPE ni attendre indéfiniment",
  "checks.tcpClient.keyboardClosesCtrl":
    "le clavier se ferme (Ctrl-D) aussitôt, puis le serveur ferme",
  "checks.tcpClient.endInputFgetsHint":
    "en fin d'entrée (fgets renvoie NULL), le client n'a rien à envoyer : il doit tout de même se terminer quand le serveur ferme",
  "checks.tcpClient.emptyLineTyped": "une ligne vide tapée",
  "checks.tcpClient.emptyLineTypedHint":
    'une ligne vide tapée est encore une ligne : envoyez-la ("\\n")',
  "checks.tcpClient.line5000Bytes": "une ligne de 5000 octets tapée",
  "checks.tcpClient.lineLongerThanHint":
    "une ligne plus longue que le tampon ne doit pas le déborder : fgets avec sizeof buffer, et envoyez ce qui a été lu",
  "checks.tcpClient.answerNotUtf8": "une réponse qui n'est pas de l'UTF-8",
  "checks.tcpClient.clientPrintBytesHint":
    "le client doit afficher les octets reçus tels quels",
  "checks.tcpClient.portErrorLine":
    "sans port : une ligne d'erreur et un code de retour non nul",
  "checks.tcpClient.withoutPortClientHint":
    "sans son port, le client doit le dire sur stderr et se terminer avec un code de retour non nul (exit(1), pas exit(0))",
  "checks.udpServer.handoutDatagram":
    "le datagramme du polycopié : expéditeur, longueur, texte",
  "checks.udpServer.listenerPrintGotHint":
    'le listener doit afficher : got packet from 127.0.0.1, packet is 7 bytes long, packet contains "bonjour"',
  "checks.udpServer.datagram200Bytes":
    "un datagramme de 200 octets, plus que le tampon",
  "checks.udpServer.recvfromMostSizeofHint":
    "recvfrom avec au plus sizeof buffer - 1 octets : le reste du datagramme est perdu, jamais écrit au-delà du tampon",
  "checks.udpServer.emptyDatagram": "un datagramme vide",
  "checks.udpServer.datagram0BytesHint":
    "un datagramme de 0 octet est un datagramme : recvfrom renvoie 0, et ce n'est pas une erreur",
  "checks.udpServer.datagramNotUtf8": "un datagramme qui n'est pas de l'UTF-8",
  "checks.udpServer.datagramBytesPrintHint":
    "un datagramme, ce sont des octets : affichez ce qui est arrivé",
  "checks.udpClient.handoutDatagram":
    "le datagramme du polycopié : le message, puis sent N bytes",
  "checks.udpClient.talkerSendMessageHint":
    "le talker doit envoyer son message (argv[2], strlen octets) en un seul datagramme à l'hôte et au port",
  "checks.udpClient.talkerPrintsSentHint":
    "le talker affiche : sent 7 bytes to 127.0.0.1",
  "checks.udpClient.messageSpacesAccents":
    "un message avec des espaces et des accents, en un seul datagramme",
  "checks.udpClient.wholeMessageGoesHint":
    "tout le message part en un seul sendto, de longueur strlen (é fait 2 octets)",
  "checks.udpClient.message1000Bytes":
    "un message de 1000 octets, en un seul datagramme",
  "checks.udpClient.sendtoSendsWholeHint":
    "un seul sendto envoie tout le message : pas de tampon de taille fixe qui le coupe",
  "checks.udpClient.emptyMessage": "un message vide",
  "checks.udpClient.emptyMessageDatagramHint":
    "un message vide est un datagramme de 0 octet : envoyez-le, et affichez sent 0 bytes",
  "checks.udpClient.messageUsageLine":
    "sans message : la ligne d'usage et un code de retour non nul",
  "checks.udpClient.withoutArgumentsTalkerHint":
    "sans ses arguments, le talker doit afficher son usage sur stderr et se terminer avec un code de retour non nul",
  "checks.ageServer.handoutDialogue": "le dialogue du polycopié : ali, 1983, q",
  "checks.ageServer.serverSendQuestionHint":
    "le serveur doit envoyer chaque question, puis lire toute la ligne tapée, comme dans la trace du polycopié",
  "checks.ageServer.ageWholeNumberHint":
    "l'âge doit être un nombre entier : l'année de référence moins l'année de naissance",
  "checks.ageServer.lastQuestionCutHint":
    "la dernière question est coupée ou trop longue : une longueur comptée à la main est fausse en UTF-8 (â, é, ç font 2 octets) : utilisez strlen",
  "checks.ageServer.afterQServerHint": "après q, le serveur ferme la connexion",
  "checks.ageServer.line1Byte":
    "chaque ligne en segments d'un octet, à 50 ms d'intervalle",
  "checks.ageServer.serverAnsweredAfterHint":
    "votre serveur a répondu après le premier recv, mais chaque ligne est arrivée en plusieurs segments : lisez jusqu'au saut de ligne",
  "checks.ageServer.nameYearQ":
    "le nom, l'année et q réunis dans un seul segment",
  "checks.ageServer.serverReadSegmentHint":
    "votre serveur a pris un segment pour une ligne, mais le nom, l'année et q sont arrivés ensemble : découpez ce que vous lisez à chaque saut de ligne",
  "checks.ageServer.clientLeavesMid":
    "un client qui part au milieu du dialogue, puis un autre client",
  "checks.ageServer.serverGreetClientHint":
    "le serveur doit accueillir chaque client et lire ses lignes jusqu'au saut de ligne",
  "checks.ageServer.whenRecvReturnsHint":
    "quand recv renvoie 0, le client est parti (fin de flux) : terminez son dialogue (close, fin du fils) et continuez de servir les autres",
  "checks.ageServer.clientResetsConnection":
    "un client qui réinitialise la connexion (RST), puis un autre client",
  "checks.ageServer.resetMakesRecvHint":
    "une réinitialisation fait renvoyer -1 (ECONNRESET) à recv et lever SIGPIPE à send : terminez le dialogue de ce client (send avec MSG_NOSIGNAL) et continuez de servir les autres",
  "checks.ageServer.yearNumberEmpty":
    "une année qui n'est pas un nombre, puis une ligne vide, puis 1983",
  "checks.ageServer.abcYearAtoiHint":
    "abc n'est pas une année : atoi donne 0 et un âge calculé à partir de 0 ; vérifiez les chiffres (strtol et son pointeur de fin) et redemandez",
  "checks.ageServer.emptyLineYearHint":
    "une ligne vide n'est pas une année non plus : dites-le et redemandez",
  "checks.ageServer.afterWrongYearHint":
    "après une année erronée, le serveur redemande, et répond à la bonne qui suit",
  "checks.ageServer.emptyName": "un nom vide",
  "checks.ageServer.emptyLineStillHint":
    "une ligne vide est encore une ligne : répondez-y (Bonjour, ) ou redemandez, sans jamais attendre la suite ni planter",
  "checks.ageServer.name5000Bytes":
    "un nom de 5000 octets, puis un autre client",
  "checks.ageServer.lineLongerThanHint":
    "une ligne plus longue que votre tampon ne doit pas le déborder : lisez au plus la taille du tampon (fgets, recv avec sizeof buffer - 1)",
  "checks.ageServer.afterLongLineHint":
    "après une longue ligne, le serveur doit continuer de servir les autres",
  "checks.ageServer.nameNotUtf8": "un nom qui n'est pas de l'UTF-8",
  "checks.ageServer.nameBytesSendHint":
    "un nom, ce sont des octets : renvoyez ce qui est arrivé (pas de strlen sur un tampon jamais terminé par un zéro, pas d'UTF-8 supposé)",
  "checks.ageServer.clients50AtOnce":
    "50 clients à la fois : chacun accueilli avant que l'un d'eux ne réponde, chacun son âge",
  "checks.ageServer.serverServeClientHint":
    "le serveur doit servir chaque client dans son propre processus (fork après accept) ou avec select/poll, pas l'un après l'autre",
  "checks.ageServer.clientGetOwnHint":
    "chaque client doit recevoir ses propres réponses : gardez séparées les données de chaque client (pas de tampon partagé entre clients)",
  "checks.ageServer.portErrorLine":
    "sans port : une ligne d'erreur et un code de retour non nul",
  "checks.ageServer.withoutPortServerHint":
    "sans son port, le serveur doit le dire sur stderr et se terminer avec un code de retour non nul, comme celui du polycopié (exit(1))",
  "checks.ageClient.handoutDialogue":
    "le dialogue du polycopié : ali, 1983, q, chaque question affichée avant la lecture du clavier",
  "checks.ageClient.clientConnectHostHint":
    "le client doit se connecter à l'hôte et au port qu'on lui donne",
  "checks.ageClient.clientPrintQuestionHint":
    "le client doit afficher chaque question dès qu'elle arrive, avant d'attendre le clavier (printf sur un tube passe par un tampon : fflush(stdout), ou write(1, ...))",
  "checks.ageClient.clientSendLineHint":
    "le client doit envoyer la ligne tapée, saut de ligne compris",
  "checks.ageClient.clientPrintQuestionShortHint":
    "le client doit afficher chaque question dès qu'elle arrive, avant d'attendre le clavier",
  "checks.ageClient.question1Byte":
    "chaque question en segments d'un octet, à 20 ms d'intervalle",
  "checks.ageClient.clientAnsweredAfterHint":
    'votre client a répondu après le premier recv, mais la question est arrivée en morceaux : lisez jusqu\'à la fin de la question (": ") avant de lire le clavier',
  "checks.ageClient.serverClosesAfter": "le serveur ferme après le nom",
  "checks.ageClient.whenRecvReturnsHint":
    "quand recv renvoie 0, le serveur est parti (fin de flux) : arrêtez-vous et terminez (une boucle qui relit 0 encore et encore tourne sans fin)",
  "checks.ageClient.serverResetsConnection":
    "le serveur réinitialise la connexion (RST) après le nom",
  "checks.ageClient.resetMakesRecvHint":
    "une réinitialisation fait renvoyer -1 (ECONNRESET) à recv : signalez-la et terminez, sans mourir de SIGPIPE ni boucler",
  "checks.ageClient.keyboardClosesCtrl":
    "le clavier se ferme (Ctrl-D) à la première question",
  "checks.ageClient.endInputFgetsHint":
    "en fin d'entrée (fgets renvoie NULL), le client ne doit plus rien envoyer : pas de vieux tampon renvoyé",
  "checks.ageClient.emptyLineVery":
    "une ligne vide, puis une très longue ligne tapées",
  "checks.ageClient.emptyLineTypedHint":
    'une ligne vide tapée est encore une ligne : envoyez-la ("\\n")',
  "checks.ageClient.lineLongerThanHint":
    "une ligne plus longue que le tampon ne doit pas le déborder : fgets avec sizeof buffer, et envoyez ce qui a été lu",
  "checks.ageClient.questionNotUtf8":
    "une question avec des octets qui ne sont pas de l'UTF-8",
  "checks.ageClient.clientPrintBytesHint":
    "le client doit afficher les octets reçus tels quels (écrivez ce que recv a renvoyé, pas une chaîne supposée)",
  "checks.ageClient.portErrorLine":
    "sans port : une ligne d'erreur et un code de retour non nul",
  "checks.ageClient.withoutPortClientHint":
    "sans son port, le client doit le dire sur stderr et se terminer avec un code de retour non nul",
} as const satisfies Catalogue;
