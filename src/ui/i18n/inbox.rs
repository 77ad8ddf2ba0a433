//! The Inbox: mentions and replies, checking for new ones.

macro_rules! inbox_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            InboxIntro => "What people said to the brand: mentions and replies, newest first.",
                "Ce que les gens ont dit à la marque\u{a0}: mentions et réponses, les plus récentes d'abord.";
            InboxEmpty => "Nothing yet. Connect an account in Accounts, then check again.",
                "Rien pour l'instant. Connectez un compte dans Comptes, puis vérifiez de nouveau.";
            InboxCount => plural("Showing {shown} of {count}.", "Showing {shown} of {count}."),
                plural("{shown} affiché sur {count}.", "{shown} affichés sur {count}.");
            CheckNow => "Check now", "Vérifier maintenant";
            Checking => "Checking…", "Vérification…";
            SyncDone => plural("Up to date: {count} new mention.", "Up to date: {count} new mentions."),
                plural("À jour\u{a0}: {count} nouvelle mention.", "À jour\u{a0}: {count} nouvelles mentions.");
            AnswersOurPost => "answers our post", "répond à notre publication";
        }
    };
}
