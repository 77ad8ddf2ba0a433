//! The composer: text and counters per network, images, the publish gate, drafts and
//! scheduling, the post list and states, publishing by hand, snippets, the queue and repeats,
//! threads, review and history, reminders, the post's language and link card.

macro_rules! compose_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            ComposeQuotes => "This post quotes:", "Cette publication cite\u{a0}:";
            ComposeRemoveQuote => "Remove the quote", "Retirer la citation";
            ComposeIntro => "Write once, adjust per network. Every counter follows that network's own rules.",
                "Écrivez une fois, ajustez par réseau. Chaque compteur suit les règles du réseau.";
            PostText => "Text of the post", "Texte de la publication";
            NetworksLegend => "Networks", "Réseaux";
            ContentWarning => "Content warning (Mastodon)", "Avertissement de contenu (Mastodon)";
            CharsLeft => plural("{network}: {count} left", "{network}: {count} left"),
                plural("{network}\u{a0}: reste {count}", "{network}\u{a0}: reste {count}");
            CharsOver => plural("{network}: {count} too many", "{network}: {count} too many"),
                plural("{network}\u{a0}: {count} de trop", "{network}\u{a0}: {count} de trop");
            ExtraBytes => plural("{network}: {count} byte, the limit is 3,000", "{network}: {count} bytes, the limit is 3,000"),
                plural("{network}\u{a0}: {count} octet, la limite est 3\u{a0}000", "{network}\u{a0}: {count} octets, la limite est 3\u{a0}000");
            ExtraLinks => plural("{network}: {count} link, the limit is 5", "{network}: {count} links, the limit is 5"),
                plural("{network}\u{a0}: {count} lien, la limite est 5", "{network}\u{a0}: {count} liens, la limite est 5");
            ExtraHashtags => plural("{network}: {count} hashtag, the limit is 30", "{network}: {count} hashtags, the limit is 30"),
                plural("{network}\u{a0}: {count} hashtag, la limite est 30", "{network}\u{a0}: {count} hashtags, la limite est 30");
            PreviewHeading => "Preview for {network}", "Aperçu pour {network}";
            OverflowHint => "The highlighted part does not fit.", "La partie surlignée ne rentre pas.";
            PostDeleted => "Post “{name}” deleted.", "Publication «\u{a0}{name}\u{a0}» supprimée.";
            DeletePost => "Delete", "Supprimer";
            PostBack => "Post “{name}” is back.", "Publication «\u{a0}{name}\u{a0}» revenue.";
            PreviewsHeading => "Preview", "Aperçu";
            PreviewChoose => "Network to preview", "Réseau à prévisualiser";
            PreviewNow => "now", "maintenant";
            PreviewEmpty => "Nothing to show yet.", "Rien à montrer pour l'instant.";
            SeeMoreLinkedIn => "…see more", "…voir plus";
            SeeMoreInstagram => "… more", "… plus";
            SeeMoreFacebook => "See more", "Voir plus";
            SeeLess => "See less", "Voir moins";
            PreviewFoldHint => "In the feed, {network} hides the rest behind “{more}”.",
                "Dans le fil, {network} cache la suite derrière «\u{a0}{more}\u{a0}».";
            PreviewCwShow => "Show more", "Afficher plus";
            PreviewCwHide => "Show less", "Afficher moins";
            PreviewCardByNetwork => "{network} makes this card from the page.", "{network} crée cette carte à partir de la page.";
            PreviewMoreImages => plural("+{count}", "+{count}"), plural("+{count}", "+{count}");
            PreviewCarousel => plural("1 of {count}", "1 of {count}"), plural("1 sur {count}", "1 sur {count}");
            ImagesLabel => "Add images", "Ajouter des images";
            AltLabel => "Describe this image for people who cannot see it (alt text)",
                "Décrivez cette image pour les personnes qui ne la voient pas (texte alternatif)";
            RemoveImage => "Remove image", "Retirer l'image";
            GateHeading => "Before publishing", "Avant de publier";
            GateNoNetwork => "Choose at least one network.", "Choisissez au moins un réseau.";
            GateEmpty => "{network}: the post is empty.", "{network}\u{a0}: la publication est vide.";
            GateTooLong => "{network}: the text is too long.", "{network}\u{a0}: le texte est trop long.";
            GateOther => "{network}: a limit of the network is exceeded (see the counter).",
                "{network}\u{a0}: une limite du réseau est dépassée (voir le compteur).";
            GateAlt => "{network}: describe every image (alt text).",
                "{network}\u{a0}: décrivez chaque image (texte alternatif).";
            GateTooManyImages => "{network}: too many images.", "{network}\u{a0}: trop d'images.";
            GateNeedsMedia => "{network}: add an image or a video ({network} takes no text-only post).",
                "{network}\u{a0}: ajoutez une image ou une vidéo ({network} ne publie pas de texte seul).";
            GateImageTooLarge => "{network}: an image is over 1 MB; make it smaller.",
                "{network}\u{a0}: une image dépasse 1 Mo\u{a0}; réduisez-la.";
            SaveDraft => "Save draft", "Enregistrer le brouillon";
            DraftSaved => "Draft saved.", "Brouillon enregistré.";
            ErrEditedElsewhere => "This post was changed in another tab since you opened it: nothing was saved here. Open it again to see that change.",
                "Cette publication a été modifiée dans un autre onglet depuis que vous l'avez ouverte\u{a0}: rien n'a été enregistré ici. Rouvrez-la pour voir ce changement.";
            EditedElsewhereHeading => "Changed in another tab", "Modifiée dans un autre onglet";
            EditedElsewhereText => "This post was saved in another tab while you were writing here. What you typed here is not saved yet: keep yours (it replaces the other tab's version), or take the other tab's version (what you typed here is dropped).",
                "Cette publication a été enregistrée dans un autre onglet pendant que vous écriviez ici. Ce que vous avez tapé ici n'est pas encore enregistré\u{a0}: gardez votre version (elle remplace celle de l'autre onglet), ou reprenez la version de l'autre onglet (ce que vous avez tapé ici est abandonné).";
            EditedElsewhereKeep => "Keep mine", "Garder la mienne";
            EditedElsewhereReload => "Take the other tab's version", "Reprendre celle de l'autre onglet";
            AutosavedAt => "Saved as you type — last at {time}.", "Enregistré au fil de la frappe — dernière fois à {time}.";
            DueLabel => "Date and time to publish", "Date et heure de publication";
            PublishEverywhere => "Publish everywhere now", "Publier partout maintenant";
            EverywhereQueued => "On its way to {networks}: each one's outcome shows in its section below.",
                "En route vers {networks}\u{a0}: le résultat de chacun s'affiche dans sa partie ci-dessous.";
            EverywhereByHand => "{networks}: publish by hand below.", "{networks}\u{a0}: publiez à la main ci-dessous.";
            EverywhereNothing => "No network of this post has an account connected: connect one in Accounts, or publish by hand below.",
                "Aucun réseau de cette publication n'a de compte connecté\u{a0}: connectez-en un dans Comptes, ou publiez à la main ci-dessous.";
            ScheduleWhileOpen => "{networks}: goes out only if Attaché is open at that time (Mastodon keeps scheduled posts itself).",
                "{networks}\u{a0}: part seulement si Attaché est ouvert à ce moment-là (Mastodon garde lui-même les publications programmées).";
            ScheduleByHand => "{networks}: Attaché reminds you at that time, and you publish by hand.",
                "{networks}\u{a0}: Attaché vous le rappelle à ce moment-là, et vous publiez à la main.";
            Schedule => "Schedule", "Programmer";
            Scheduled => "Scheduled for {when}.", "Programmé pour le {when}.";
            DueMissing => "Choose a date and time first.", "Choisissez d'abord une date et une heure.";
            DueInPast => "That time has passed: choose a date and time ahead. Nothing was changed.",
                "Ce moment est passé\u{a0}: choisissez une date et une heure à venir. Rien n'a été changé.";
            PostsHeading => "Posts in this workspace", "Publications de cet espace";
            PostsEmpty => "No posts yet.", "Aucune publication pour l'instant.";
            OpenPost => "Open", "Ouvrir";
            StateDraft => "draft", "brouillon";
            StateInReview => "in review", "en relecture";
            StateApproved => "approved", "approuvé";
            StateScheduled => "scheduled", "programmé";
            StatePublishing => "publishing", "en cours d'envoi";
            StatePublished => "published", "publié";
            StateFailed => "failed", "échec";
            StateCancelled => "cancelled", "annulé";
            NewPost => "New post", "Nouvelle publication";
            PublishHeading => "Publish by hand", "Publier à la main";
            PublishHint => "These networks have no way for the app to post for you: Attaché opens their share window with your text.",
                "Ces réseaux ne permettent pas à l'application de publier pour vous\u{a0}: Attaché ouvre leur fenêtre de partage avec votre texte.";
            PublishOn => "Publish on {network}", "Publier sur {network}";
            CopiedThenOpened => "The text is copied: paste it in {network}'s window.",
                "Le texte est copié\u{a0}: collez-le dans la fenêtre de {network}.";
            CopiedOnly => "The text is copied: paste it in the {network} app.",
                "Le texte est copié\u{a0}: collez-le dans l'application {network}.";
            DidItGoOut => "Did it go out on {network}?",
                "La publication est-elle partie sur {network}\u{a0}?";
            PublishedUrl => "Address of the published post on {network} (optional)",
                "Adresse de la publication sur {network} (facultatif)";
            YesPublished => "Yes, it is published", "Oui, c'est publié";
            NotYet => "Not yet", "Pas encore";
            MarkedPublished => "Marked as published on {network}.", "Marqué comme publié sur {network}.";
            PublishedOnAt => "Published on {network}.", "Publié sur {network}.";
            InsertSnippet => "Snippet to insert", "Extrait à insérer";
            Insert => "Insert", "Insérer";
            Inserted => "“{title}” inserted.", "«\u{a0}{title}\u{a0}» inséré.";
            NoSnippets => "Your snippets from the Library appear here.",
                "Vos extraits de la Bibliothèque apparaissent ici.";
            AddToQueue => "Add to queue", "Ajouter à la file";
            Queued => "Added to the queue: {when}.", "Ajouté à la file\u{a0}: {when}.";
            NoSlots => "No free posting slot: add slots in the Library.",
                "Aucun créneau libre\u{a0}: ajoutez des créneaux dans la Bibliothèque.";
            RepeatLabel => "Repeat (evergreen)", "Répéter (contenu intemporel)";
            RepeatEvery => "Every how many days", "Tous les combien de jours";
            RepeatUntil => "Until", "Jusqu'au";
            RepeatScheduled => plural("{count} date scheduled, on {first}.", "{count} dates scheduled, the first on {first}."),
                plural("{count} date programmée, le {first}.", "{count} dates programmées, la première le {first}.");
            RepeatBad => "Give a number of days (1 or more) and an end date after the first date.",
                "Indiquez un nombre de jours (1 ou plus) et une date de fin après la première date.";
            ThreadHeading => "Thread", "Fil";
            SplitThread => "Split into a thread for {network}", "Découper en fil pour {network}";
            ThreadSegment => "Part {part} of {total}", "Partie {part} sur {total}";
            JoinThread => "Back to one post", "Revenir à une seule publication";
            ThreadSplit => plural("Split into {count} part.", "Split into {count} parts."),
                plural("Découpé en {count} partie.", "Découpé en {count} parties.");
            ReviewHeading => "Review", "Relecture";
            AskReview => "Ask for review", "Demander une relecture";
            Approve => "Approve", "Approuver";
            BackToDraft => "Back to draft", "Revenir au brouillon";
            CommentLabel => "Comment", "Commentaire";
            AddComment => "Add the comment", "Ajouter le commentaire";
            CommentsEmpty => "No comment yet.", "Aucun commentaire pour l'instant.";
            HistoryHeading => "History", "Historique";
            HistoryLine => "{when}: {from} → {to}", "{when}\u{a0}: {from} → {to}";
            StateChanged => "Now {state}.", "Désormais\u{a0}: {state}.";
            DropHint => "Drop or paste images here, or choose them:",
                "Déposez ou collez des images ici, ou choisissez-les\u{a0}:";
            Downscale => "Make it smaller for Bluesky", "La réduire pour Bluesky";
            Downscaled => "Image reduced to {size}.", "Image réduite à {size}.";
            DownscaleFailed => "This image could not be reduced: try a smaller one.",
                "Cette image n'a pas pu être réduite\u{a0}: essayez-en une plus petite.";
            NotAnImage => "Only images can be added here.", "Seules des images peuvent être ajoutées ici.";
            ShareWith => "Share with another app", "Partager avec une autre application";
            RemindMe => "Remind me when it is due", "Me le rappeler à l'heure prévue";
            RemindersOn => "You will get a reminder when a post to publish by hand is due, while Attaché is open.",
                "Vous recevrez un rappel quand une publication à faire à la main arrive à l'heure, tant qu'Attaché est ouvert.";
            RemindersDenied => "Notifications are blocked for this site: change it in the browser's settings.",
                "Les notifications sont bloquées pour ce site\u{a0}: changez-le dans les réglages du navigateur.";
            ReminderTitle => "Time to publish on {networks}", "C'est l'heure de publier sur {networks}";
            CampaignsLegend => "Campaigns", "Campagnes de la publication";
            PostLanguage => "Language of the post", "Langue de la publication";
            LanguageNotSaid => "Not said", "Non précisée";
            LinkCardLegend => "Link card for {link}", "Carte du lien {link}";
            LinkCardHint => "Bluesky shows a card under the post. Attaché cannot read the linked page from your browser (the site does not allow it), so write the title and description yourself, or leave them empty for no card.",
                "Bluesky affiche une carte sous la publication. Attaché ne peut pas lire la page liée depuis votre navigateur (le site ne l'autorise pas)\u{a0}: écrivez vous-même le titre et la description, ou laissez-les vides pour ne pas avoir de carte.";
            LinkCardTitle => "Card title", "Titre de la carte";
            LinkCardDescription => "Card description", "Description de la carte";
        }
    };
}
