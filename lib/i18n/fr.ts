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
  "shell.unknownCommand": "commande inconnue (help les liste toutes)",
  "shell.unknownCommandDidYouMean":
    'commande inconnue : vouliez-vous dire "{best}" ? (help les liste toutes)',
  "shell.takesNoFd": "{name} ne prend pas de descripteur ({word})",
  "shell.badFd":
    "descripteur {word} invalide : écrivez @ suivi d'un numéro, par exemple @4",
  "shell.internalError": "erreur interne : {message}",
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
    "{what} doit être un nombre entier de {min} à {max}, pas {text}",
  "shell.badTimeout":
    "le délai doit être un nombre de secondes jusqu'à 86400, pas {text}",
  "shell.wrongFamily":
    "{host} est une adresse IPv{literal} mais cette socket est de la famille {domain}",
  "shell.noAddressOfFamily": "{host} n'a pas d'adresse IPv{family}",
  "shell.interrupted": "interrompu par Ctrl-C",
  "shell.noAnswer":
    "pas de réponse en {seconds} s{how, select, rcvtimeo { (SO_RCVTIMEO)} other {}}",
  "shell.wouldBlock":
    "{what} sur une socket non bloquante (O_NONBLOCK) ; EWOULDBLOCK est le même errno",
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
  "script.repeatCount": "le nombre de répétitions",
  "script.payloadTooLarge":
    "données trop grandes : {n, plural, one {# octet} other {# octets}} (au plus {max})",
  "net.closed": "la socket est fermée",
  "net.closedDuringCall": "la socket a été fermée pendant l'appel",
  "net.anotherInProgress": "un autre {what} est déjà en cours",
  "net.connectionGone": "la connexion n'existe plus",
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
  "check.stdinClosed": "son entrée standard est fermée",
  "check.programClosedStdin": "le programme a fermé son entrée standard",
  "check.notExecutable": "pas exécutable : chmod +x {path}",
  "check.noSuchFile": "fichier introuvable",
  "check.notInPath":
    "absent du PATH : écrivez ./{path} pour un programme de ce répertoire",
  "check.noSuchPid":
    "aucun programme de pid {pid} n'a été lancé ici : spawn en lance un (spawn PROGRAMME ARGS -> p, puis $p)",
  "repl.banner":
    "sockshell {version} : tapez 'help' pour la liste des commandes, Ctrl-D pour quitter",
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
} as const satisfies Catalogue;
