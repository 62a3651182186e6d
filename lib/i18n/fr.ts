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
  "errno.EEXIST": "Le fichier existe",
  "errno.EFBIG": "Fichier trop gros",
  "errno.EHOSTUNREACH": "Aucun chemin d'accès pour atteindre l'hôte cible",
  "errno.EINPROGRESS": "Opération maintenant en cours",
  "errno.EINTR": "Appel système interrompu",
  "errno.EINVAL": "Argument invalide",
  "errno.EISCONN": "Noeud final de transport déjà connecté",
  "errno.EMFILE": "Trop de fichiers ouverts",
  "errno.EMSGSIZE": "Message trop long",
  "errno.ENETUNREACH": "Le réseau n'est pas accessible",
  "errno.ENAMETOOLONG": "Nom de fichier trop long",
  "errno.ENOBUFS": "Aucun espace tampon disponible",
  "errno.ENOENT": "Aucun fichier ou dossier de ce type",
  "errno.ENOPROTOOPT": "Protocole non disponible",
  "errno.ENOTCONN": "Noeud final de transport n'est pas connecté",
  "errno.EOPNOTSUPP": "Opération non supportée",
  "errno.EPERM": "Opération non permise",
  "errno.EPIPE": "Relais brisé (pipe)",
  "errno.EPROTO": "Erreur de protocole",
  "errno.EPROTOTYPE": "Mauvais type pour un socket de protocole",
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

  // ── commands: what each command says as it runs (errors, notes) ──

  // ── the shell core, the network backends, the script language ──

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
} as const satisfies Catalogue;
