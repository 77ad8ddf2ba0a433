//! Listening: saved searches, their runs, what they found and what a find becomes.

macro_rules! listening_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            NavListening => "Listening", "Écoute";
            ListeningIntro => "Saved searches look for what is said about the brand on Mastodon and Bluesky while Attaché is open, through the accounts connected to this workspace. Write words and hashtags as you would say them: “café lumière #cafelumiere -spam”. A post that holds any of the words or hashtags is found; +#tag must be there too; -word and -#tag leave a post out; put a phrase in quotes. Mastodon finds posts by hashtag only. Finds are kept for six months.",
                "Les recherches enregistrées cherchent ce qui se dit de la marque sur Mastodon et Bluesky tant qu'Attaché est ouvert, avec les comptes connectés à cet espace. Écrivez les mots et les mots-dièse comme vous les diriez\u{a0}: «\u{a0}café lumière #cafelumiere -spam\u{a0}». Une publication qui contient l'un des mots ou mots-dièse est trouvée\u{a0}; +#mot doit y être aussi\u{a0}; -mot et -#mot l'écartent\u{a0}; mettez une expression entre guillemets. Mastodon ne trouve que par mot-dièse. Les publications trouvées sont gardées six mois.";
            ListeningNew => "New search", "Nouvelle recherche";
            ListeningChangeHeading => "Change a saved search", "Modifier une recherche enregistrée";
            ListeningChangeIntro => "What it already found stays; from now on it looks for what you write here.", "Ce qu'elle a déjà trouvé reste\u{a0}; elle cherchera désormais ce que vous écrivez ici.";
            ListeningSaveChanges => "Save the changes", "Enregistrer les modifications";
            ListeningCancelChange => "Cancel the changes", "Annuler les modifications";
            ListeningChange => "Change the search", "Modifier la recherche";
            ListeningName => "Name", "Nom";
            ListeningQuery => "Words and hashtags", "Mots et mots-dièse";
            ListeningLang => "Language", "Langue";
            ListeningAnyLang => "Any language", "Toutes les langues";
            ListeningEvery => "Look every", "Chercher toutes les";
            ListeningMinutes => plural("{count} minute", "{count} minutes"), plural("{count} minute", "{count} minutes");
            ListeningSave => "Save the search", "Enregistrer la recherche";
            ListeningSaved => "Search “{name}” saved: it runs now, then every {every} minutes while Attaché is open.",
                "Recherche «\u{a0}{name}\u{a0}» enregistrée\u{a0}: elle tourne maintenant, puis toutes les {every} minutes tant qu'Attaché est ouvert.";
            ListeningNoName => "Give the search a name.", "Donnez un nom à la recherche.";
            ListeningNothing => "Write at least one word or hashtag to look for (exclusions alone find nothing).",
                "Écrivez au moins un mot ou un mot-dièse à chercher (des exclusions seules ne trouvent rien).";
            ListeningBadEvery => "Choose how often to look.", "Choisissez à quelle fréquence chercher.";
            ListeningNone => "No saved search yet: write the first one above.", "Pas encore de recherche enregistrée\u{a0}: écrivez la première ci-dessus.";
            ListeningNoAccount => "No Mastodon or Bluesky account is connected to this workspace: connect one in Accounts for the searches to run.",
                "Aucun compte Mastodon ou Bluesky n'est connecté à cet espace\u{a0}: connectez-en un dans Comptes pour que les recherches tournent.";
            ListeningRunNow => "Search now", "Chercher maintenant";
            ListeningRunning => "Searching…", "Recherche…";
            ListeningDelete => "Delete the search", "Supprimer la recherche";
            ListeningDeleted => "Search “{name}” deleted.", "Recherche «\u{a0}{name}\u{a0}» supprimée.";
            ListeningNeverRan => "Not run yet.", "Pas encore lancée.";
            ListeningLastRun => "Last search {when}; next about {next}.", "Dernière recherche {when}\u{a0}; prochaine vers {next}.";
            ListeningFoundOn => plural("{network}: {count} post found.", "{network}: {count} posts found."),
                plural("{network}\u{a0}: {count} publication trouvée.", "{network}\u{a0}: {count} publications trouvées.");
            ListeningHashtagsOnly => "Mastodon: finds posts by hashtag only; add a #hashtag to listen there.",
                "Mastodon\u{a0}: ne trouve que par mot-dièse\u{a0}; ajoutez un #mot-dièse pour y écouter.";
            ListeningFeedsOff => "Mastodon: this server has switched its hashtag feeds off, so nothing can be searched there.",
                "Mastodon\u{a0}: ce serveur a désactivé ses fils de mots-dièse, rien ne peut y être cherché.";
            ListeningSignedInOnly => "This server shows hashtag feeds to signed-in users only: Attaché reads them as your account.",
                "Ce serveur ne montre les fils de mots-dièse qu'aux personnes connectées\u{a0}: Attaché les lit avec votre compte.";
            ListeningLocalOnly => "This server shows only its own posts in hashtag feeds: posts from other servers are not found.",
                "Ce serveur ne montre que ses propres publications dans les fils de mots-dièse\u{a0}: celles des autres serveurs ne sont pas trouvées.";
            ListeningRemoteOnly => "This server shows only other servers' posts in hashtag feeds: its own are not found.",
                "Ce serveur ne montre que les publications des autres serveurs dans les fils de mots-dièse\u{a0}: les siennes ne sont pas trouvées.";
            ListeningSpike => "Today: {today} posts, far above the usual {mean} a day (more than {threshold}, over the last {days} days).",
                "Aujourd'hui\u{a0}: {today} publications, bien au-dessus des {mean} habituelles par jour (plus de {threshold}, sur les {days} derniers jours).";
            ListeningSpikeTitle => "More than usual is said: {name}", "On en parle plus que d'habitude\u{a0}: {name}";
            ListeningVolume => "Posts per day", "Publications par jour";
            ListeningVolumeTable => "Posts per day, as a table", "Publications par jour, en tableau";
            ListeningVolumeSummary => "Posts per day over the last {days} days: {today} today, {most} at most in a day.",
                "Publications par jour sur les {days} derniers jours\u{a0}: {today} aujourd'hui, {most} au plus en un jour.";
            ListeningDay => "Day", "Jour";
            ListeningPosts => "Posts", "Publications";
            ListeningFound => plural("{count} post found", "{count} posts found"), plural("{count} publication trouvée", "{count} publications trouvées");
            ListeningNoHits => "Nothing found yet.", "Rien de trouvé pour l'instant.";
            ListeningOpen => "Open on {network}", "Ouvrir sur {network}";
            ListeningReply => "Reply in the composer", "Répondre dans le rédacteur";
            ListeningQuote => "Quote in the composer", "Citer dans le rédacteur";
            ListeningToInbox => "Add to the Inbox", "Ajouter à la boîte de réception";
            ListeningInInbox => "In the Inbox", "Dans la boîte de réception";
            ListeningToPeople => "Add to People", "Ajouter aux membres";
            ListeningInPeople => "In People", "Dans les membres";
            ListeningAddedInbox => "Added to the Inbox as a conversation.", "Ajoutée à la boîte de réception comme conversation.";
            ListeningAddedPeople => "{name} is in People, with this post as writing about the brand.",
                "{name} est dans les membres, avec cette publication comme contenu sur la marque.";
            ListeningGone => "This post is no longer kept: its author asked to be forgotten. Nothing was done with it.",
                "Cette publication n'est plus gardée\u{a0}: son auteur a demandé à être oublié. Rien n'en a été fait.";
            ListeningTodayHeading => "Listening", "Écoute";
            ListeningTodayOpen => "Open Listening", "Ouvrir l'écoute";
            ToneNegative => "negative", "négatif";
            ToneNeutral => "neutral", "neutre";
            TonePositive => "positive", "positif";
            ToneSeems => "Seems {tone} (a guess from its words)", "Semble {tone} (deviné d'après ses mots)";
            ToneSaid => "Tone: {tone} (your word)", "Ton\u{a0}: {tone} (selon vous)";
            ToneCorrect => "Tone", "Ton";
            ToneKeepHint => "As guessed", "Comme deviné";
            CrisisHeading => "More negative messages than usual", "Plus de messages négatifs que d'habitude";
            CrisisWords => "{count} messages that seem negative in the last hour, against {mean} usually at this hour (over the last {days} days). Look at the Inbox: something may be going on.",
                "{count} messages qui semblent négatifs dans la dernière heure, contre {mean} d'habitude à cette heure (sur les {days} derniers jours). Regardez les messages\u{a0}: il se passe peut-être quelque chose.";
            CrisisTitle => "Possible crisis: {count} negative messages in an hour", "Crise possible\u{a0}: {count} messages négatifs en une heure";
            CrisisOpenInbox => "Open the Inbox", "Ouvrir les messages";
            GaveContent => "{name} wrote about the brand", "{name} a parlé de la marque";
        }
    };
}
