//! Sending to the networks: "Publish now", posts held by a server, send problems, the
//! Outbox screen and the outbox's line under "Publish now", a post's counts.

macro_rules! sending_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            PostCounts => "Likes: {likes} · Reposts: {reposts} · Replies: {replies} · Quotes: {quotes} (read {when})",
                "J'aime\u{a0}: {likes} · Republications\u{a0}: {reposts} · Réponses\u{a0}: {replies} · Citations\u{a0}: {quotes} (relevé le {when})";
            PublishNowOn => "Publish now on {network}", "Publier maintenant sur {network}";
            SendingTo => "Sending to {network}…", "Envoi vers {network}…";
            PublishedOnNamed => "Published on {network}.", "Publié sur {network}.";
            SeeItOn => "See it on {network}", "Le voir sur {network}";
            HeldByServer => "{network} holds this post and publishes it on {when}, even with this computer off.",
                "{network} garde cette publication et la publie le {when}, même ordinateur éteint.";
            HeldUpdated => "Moved to {when}; the server was told.",
                "Déplacée au {when}\u{a0}; le serveur a été prévenu.";
            TakeBack => "Take it back from the server", "La reprendre au serveur";
            HeldStale => "{network} holds an earlier version of this post: the changes made since are saved here only.",
                "{network} garde une version précédente de cette publication\u{a0}: les modifications faites depuis sont enregistrées ici seulement.";
            UpdateHeld => "Send the new version to {network}", "Envoyer la nouvelle version à {network}";
            HeldStaleTooLate => "Too close to its time (or a thread): {network} can no longer take a new version. Take it back to publish the new one yourself, or leave the earlier one.",
                "Trop près de son heure (ou c'est un fil)\u{a0}: {network} ne peut plus prendre de nouvelle version. Reprenez-la pour publier la nouvelle vous-même, ou laissez la précédente.";
            TakenBack => "The server no longer holds this post; it stays here, scheduled.",
                "Le serveur ne garde plus cette publication\u{a0}; elle reste ici, programmée.";
            ProblemRateLimited => "{network} asks Attaché to slow down: paused until {until}. Nothing is lost; try again after that.",
                "{network} demande à Attaché de ralentir\u{a0}: en pause jusqu'à {until}. Rien n'est perdu\u{a0}; réessayez ensuite.";
            ProblemRateLimitedSoon => "{network} asks Attaché to slow down for a few minutes. Nothing is lost; try again later.",
                "{network} demande à Attaché de ralentir quelques minutes. Rien n'est perdu\u{a0}; réessayez plus tard.";
            ProblemReconnect => "{network} no longer accepts this account's key: sign in again in Accounts. The post is kept.",
                "{network} n'accepte plus la clé de ce compte\u{a0}: reconnectez-le dans Comptes. La publication est gardée.";
            ProblemRejected => "{network} refused the post: {message}",
                "{network} a refusé la publication\u{a0}: {message}";
            ProblemUnreachable => "{network} could not be reached. The post is kept; try again when you are online.",
                "{network} est injoignable. La publication est gardée\u{a0}; réessayez une fois en ligne.";
            ProblemHeldGone => "{network} no longer holds this post and it was not published there: it was probably deleted on the server. Schedule it again or cancel it.",
                "{network} ne garde plus cette publication et ne l'a pas publiée\u{a0}: elle a sans doute été supprimée sur le serveur. Programmez-la de nouveau ou annulez-la.";
            OutboxNeedsYou => "A post for {network} needs you",
                "Une publication pour {network} a besoin de vous";
            OutboxLateTitle => plural("{count} post missed its time: decide in the Outbox", "{count} posts missed their time: decide in the Outbox"),
                plural("{count} publication a passé son heure\u{a0}: décidez dans la boîte d'envoi", "{count} publications ont passé leur heure\u{a0}: décidez dans la boîte d'envoi");
            QueuedOffline => "You are offline: the post for {network} waits in the outbox and goes out once you are back online.",
                "Vous êtes hors ligne\u{a0}: la publication pour {network} attend dans la boîte d'envoi et partira dès le retour en ligne.";
            SeeOutbox => "See the outbox", "Voir la boîte d'envoi";
            OutboxSending => "In the outbox: being sent now.",
                "Dans la boîte d'envoi\u{a0}: envoi en cours.";
            OutboxWaitingNetwork => "In the outbox: waiting for the network.",
                "Dans la boîte d'envoi\u{a0}: en attente du réseau.";
            OutboxWaitingDue => "In the outbox: goes out on {when}.",
                "Dans la boîte d'envoi\u{a0}: part le {when}.";
            OutboxNextTry => plural("In the outbox: next try at {when} ({count} attempt so far).", "In the outbox: next try at {when} ({count} attempts so far)."),
                plural("Dans la boîte d'envoi\u{a0}: prochain essai à {when} ({count} essai jusqu'ici).", "Dans la boîte d'envoi\u{a0}: prochain essai à {when} ({count} essais jusqu'ici).");
            OutboxNeedsReconnect => "Stopped: the account must be signed in again in Accounts; then it goes on by itself.",
                "Arrêtée\u{a0}: le compte doit être reconnecté dans Comptes\u{a0}; l'envoi reprendra ensuite tout seul.";
            OutboxNeedsEdit => "Stopped: the server refused the post. Change it, then retry.",
                "Arrêtée\u{a0}: le serveur a refusé la publication. Modifiez-la, puis réessayez.";
            OutboxAccountBlocked => "Waiting: this account must be signed in again first.",
                "En attente\u{a0}: ce compte doit d'abord être reconnecté.";
            OutboxSent => "Sent.", "Envoyée.";
            OutboxCancelled => "Cancelled.", "Annulée.";
            OutboxTitle => "Outbox", "Boîte d'envoi";
            OutboxIntro => "Every post Attaché sends to Mastodon or Bluesky waits here until the server has it: offline, after a crash, or while a server asks to slow down. Nothing is sent twice, nothing is dropped.",
                "Chaque publication qu'Attaché envoie à Mastodon ou Bluesky attend ici jusqu'à ce que le serveur l'ait reçue\u{a0}: hors ligne, après un plantage, ou quand un serveur demande de ralentir. Rien n'est envoyé deux fois, rien n'est perdu.";
            OutboxEmpty => "Nothing waiting: every post has gone out.",
                "Rien en attente\u{a0}: tout est parti.";
            OutboxQueueHeading => "Waiting to go out", "En attente d'envoi";
            OutboxDoneHeading => "Sent or cancelled this week", "Envoyées ou annulées cette semaine";
            OutboxLateHeading => "Past their time", "Heure passée";
            OutboxLateIntro => "These posts were due while Attaché was closed or offline. Attaché never sends a post hours late without asking you.",
                "Ces publications étaient prévues pendant qu'Attaché était fermé ou hors ligne. Attaché n'envoie jamais une publication des heures en retard sans vous le demander.";
            OutboxLateDue => "Was due on {when}, for {networks}", "Prévue le {when}, pour {networks}";
            OutboxSendNow => "Send now", "Envoyer maintenant";
            OutboxReschedule => "Reschedule", "Reprogrammer";
            OutboxCancelSend => "Cancel sending", "Annuler l'envoi";
            OutboxCancelPost => "Cancel the post", "Annuler la publication";
            OutboxRetryNow => "Retry now", "Réessayer maintenant";
            OutboxAttempts => "Attempts: {count}", "Essais\u{a0}: {count}";
            OutboxLastError => "Last problem: {problem}", "Dernier problème\u{a0}: {problem}";
            OutboxSendLateAuto => "In this workspace, send posts found late by themselves when they are less than an hour late",
                "Dans cet espace, envoyer d'elles-mêmes les publications trouvées en retard de moins d'une heure";
            OutboxLateAutoHint => "Otherwise, a post more than 15 minutes late waits for your decision here.",
                "Sinon, une publication en retard de plus de 15 minutes attend ici votre décision.";
            OutboxCancelRefused => "It is being sent right now; wait for the server's answer.",
                "Elle est en cours d'envoi\u{a0}; attendez la réponse du serveur.";
            OutboxCancelDone => "Sending cancelled; the post is back in the drafts.",
                "Envoi annulé\u{a0}; la publication est revenue dans les brouillons.";
            OutboxRetrying => "Trying again now.", "Nouvel essai en cours.";
            OutboxLateCancelled => "The post is cancelled; its text is kept.",
                "La publication est annulée\u{a0}; son texte est gardé.";
            ProblemNoAccount => "No {network} account is connected in this workspace: connect one in Accounts.",
                "Aucun compte {network} n'est connecté dans cet espace\u{a0}: connectez-en un dans Comptes.";
            HeldBadge => "held by the server", "gardée par le serveur";
        }
    };
}
