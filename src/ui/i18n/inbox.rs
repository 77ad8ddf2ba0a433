//! The Inbox: mentions and replies, checking for new ones, and why a check did not work.

macro_rules! inbox_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            InboxIntro => "What people said to the brand: mentions and replies, grouped by conversation, the most recent first. Triage them: to answer, waiting on them, snoozed, done.",
                "Ce que les gens ont dit à la marque\u{a0}: mentions et réponses, regroupées par conversation, les plus récentes d'abord. Triez-les\u{a0}: à traiter, en attente d'eux, en pause, terminées.";
            InboxEmpty => "Nothing yet. Connect an account in Accounts, then check again.",
                "Rien pour l'instant. Connectez un compte dans Comptes, puis vérifiez de nouveau.";
            FilterAccount => "Account", "Compte";
            LabelColours => "Label colours", "Couleurs des étiquettes";
            NoLabelsYet => "No label yet: add one to a conversation, then give it a colour here.",
                "Aucune étiquette pour l'instant\u{a0}: ajoutez-en une à une conversation, puis donnez-lui une couleur ici.";
            LabelColourFor => "Colour of the label {label}", "Couleur de l'étiquette {label}";
            InboxEmptyConnected => "Nothing has come to {accounts} yet. “Check now” looks again.",
                "Rien n'est encore arrivé à {accounts}. «\u{a0}Vérifier maintenant\u{a0}» regarde de nouveau.";
            InboxCount => plural("Showing {shown} of {count}.", "Showing {shown} of {count}."),
                plural("{shown} affiché sur {count}.", "{shown} affichés sur {count}.");
            CheckNow => "Check now", "Vérifier maintenant";
            Checking => "Checking…", "Vérification…";
            SyncDone => plural("Up to date: {count} new mention.", "Up to date: {count} new mentions."),
                plural("À jour\u{a0}: {count} nouvelle mention.", "À jour\u{a0}: {count} nouvelles mentions.");
            AnswersOurPost => "answers our post", "répond à notre publication";
            SyncRateLimited => "Checking {network} for new messages: {network} asks Attaché to slow down, paused until {until}. Nothing is lost; try again after that.",
                "Vérification des messages sur {network}\u{a0}: {network} demande à Attaché de ralentir, en pause jusqu'à {until}. Rien n'est perdu\u{a0}; réessayez ensuite.";
            SyncRateLimitedSoon => "Checking {network} for new messages: {network} asks Attaché to slow down for a few minutes. Nothing is lost; try again later.",
                "Vérification des messages sur {network}\u{a0}: {network} demande à Attaché de ralentir quelques minutes. Rien n'est perdu\u{a0}; réessayez plus tard.";
            SyncReconnect => "Checking {network} for new messages: {network} no longer accepts this account's key. Sign in again in Accounts.",
                "Vérification des messages sur {network}\u{a0}: {network} n'accepte plus la clé de ce compte. Reconnectez-le dans Comptes.";
            SyncRejected => "Checking {network} for new messages: {network} refused: {message}",
                "Vérification des messages sur {network}\u{a0}: {network} a refusé\u{a0}: {message}";
            SyncUnreachable => "Checking {network} for new messages: {network} could not be reached. The messages already here are kept; try again when you are online.",
                "Vérification des messages sur {network}\u{a0}: {network} est injoignable. Les messages déjà là sont gardés\u{a0}; réessayez une fois en ligne.";
            SyncNoAccount => "Checking {network} for new messages: no {network} account is connected in this workspace. Connect one in Accounts.",
                "Vérification des messages sur {network}\u{a0}: aucun compte {network} n'est connecté dans cet espace. Connectez-en un dans Comptes.";
            ThreadReading => "Reading the whole thread from {network}…", "Lecture de tout le fil sur {network}…";
            ThreadAsOf => "The whole thread, as {network} showed it at {when}.", "Tout le fil, tel que {network} le montrait à {when}.";
            ThreadReadAgain => "Read the thread again", "Relire le fil";
            ThreadOurs => "Our post", "Notre publication";
            ThreadAround => "In the thread", "Dans le fil";
            ThreadOnlyKept => "Only the messages kept on this device are shown.", "Seuls les messages gardés sur cet appareil sont affichés.";
            ThreadUnreachable => "The rest of the thread could not be read: {network} could not be reached.",
                "La suite du fil n'a pas pu être lue\u{a0}: {network} est injoignable.";
            ThreadRateLimited => "The rest of the thread could not be read: {network} asks Attaché to slow down until {until}.",
                "La suite du fil n'a pas pu être lue\u{a0}: {network} demande à Attaché de ralentir jusqu'à {until}.";
            ThreadRateLimitedSoon => "The rest of the thread could not be read: {network} asks Attaché to slow down for a few minutes.",
                "La suite du fil n'a pas pu être lue\u{a0}: {network} demande à Attaché de ralentir quelques minutes.";
            ThreadReconnect => "The rest of the thread could not be read: {network} no longer accepts this account's key. Sign in again in Accounts.",
                "La suite du fil n'a pas pu être lue\u{a0}: {network} n'accepte plus la clé de ce compte. Reconnectez-le dans Comptes.";
            ThreadRejected => "The rest of the thread could not be read: {network} refused: {message}",
                "La suite du fil n'a pas pu être lue\u{a0}: {network} a refusé\u{a0}: {message}";
            ThreadNoAccount => "The rest of the thread could not be read: the {network} account of this conversation is no longer connected.",
                "La suite du fil n'a pas pu être lue\u{a0}: le compte {network} de cette conversation n'est plus connecté.";
            Interactions => "Likes, boosts and follows", "J'aime, partages et abonnements";
            InteractionsIntro => "People who liked or boosted the brand's posts, or followed the account, in the last 30 days. They are counted here, not listed as conversations.",
                "Les personnes qui ont aimé ou partagé les publications de la marque, ou se sont abonnées au compte, ces 30 derniers jours. Elles sont comptées ici, pas listées comme conversations.";
            InteractionsNone => "None in the last 30 days.", "Aucun ces 30 derniers jours.";
            InteractionsTotals => "The last 30 days", "Les 30 derniers jours";
            InteractionsPeople => "Who gave the most", "Qui en a donné le plus";
            InteractionsLatest => "The latest", "Les plus récents";
            PersonHeader => "Person", "Personne";
            KindFavourites => "Likes", "J'aime";
            KindBoosts => "Boosts", "Partages";
            KindFollows => "Follows", "Abonnements";
            GaveFavourite => "{name} liked a post", "{name} a aimé une publication";
            GaveBoost => "{name} boosted a post", "{name} a partagé une publication";
            GaveFollow => "{name} followed the account", "{name} s'est abonné au compte";
        }
    };
}
