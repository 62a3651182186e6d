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
  // ── help: each command's summary and details (`help`, README's table) ──

  // ── commands: what each command says as it runs (errors, notes) ──
  "accept.noneWaiting": "aucune connexion en attente",
  "accept.notInherited": "{option} non hérité : {reason}",
  "accept.notListening":
    "la socket {fd} n'est pas en écoute : appelez d'abord listen",
  "accept.peer": "pair {addr}",
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
  "connect.unixDgram":
    "le runtime n'a pas de connect pour les datagrammes Unix : le pair est mémorisé, et s'il manque, cela se voit au send (le connect du C dit ENOENT ou ECONNREFUSED dès maintenant)",
  "connect.unnamed": "adresse locale (sans nom) : pas de bind, comme en C",
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
  "recv.droppedFrom":
    "{n, plural, one {# datagramme écarté} other {# datagrammes écartés}} ({size}) venant de {from} : ce n'est pas le pair connecté",
  "recv.droppedOthers":
    "{n, plural, one {# datagramme écarté} other {# datagrammes écartés}} ({size}) venant d'autres que le pair connecté",
  "recv.emptyDelimiter": "-u demande un délimiteur non vide",
  "recv.eof": "fin de flux : le pair a fermé",
  "recv.from": "de {addr}",
  "recv.kB": "{n} ko",
  "recv.moreBytes":
    "{n, plural, one {# octet de plus déjà reçu} other {# octets de plus déjà reçus}} : un flux ne garde pas les limites des messages",
  "recv.notConnected": "la socket {fd} n'est pas connectée",
  "recv.nothing": "rien à lire",
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
  "run.replays": "Replays intégrés (run -p NOM en affiche un) :",
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
  "shutdown.rd":
    "SHUT_RD n'a pas d'équivalent dans Deno (utilisez shutdown wr, ou close)",
  "shutdown.rdwr":
    "seule l'écriture a été fermée : SHUT_RD n'a pas d'équivalent dans Deno (close libère les deux)",
  "shutdown.udp": "le shutdown d'une socket UDP n'a pas d'équivalent dans Deno",
  "shutdown.udpNotConnected": "la socket UDP {fd} n'est pas connectée",
  "socket.unknownType":
    "type de socket inconnu {text} : choisissez tcp, udp, tcp6, udp6, unix ou unix-dgram",
  "spawn.started": "pid {pid}, dans son propre groupe de processus",
  "trace.onOff": "trace prend on ou off, pas {text}",
  "use.noSocket": "aucune socket n'a le descripteur {fd} (ouverts : {open})",
  "use.noneOpen": "aucune socket n'a le descripteur {fd} (aucun n'est ouvert)",
  "wait.interrupted": "interrompu",
  "wait.timeout":
    "le programme ne s'est pas terminé en {s} s : il tourne toujours",
  // ── the shell core, the network backends, the script language ──

  // ── the REPL, the command line, record, run, check ──
} as const satisfies Catalogue;
