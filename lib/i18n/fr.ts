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

  // ── the shell core, the network backends, the script language ──

  // ── the REPL, the command line, record, run, check ──
} as const satisfies Catalogue;
