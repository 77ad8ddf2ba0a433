//! The frame of the app: its name, the navigation and its badge, the workspace switcher,
//! the words every screen shares (Save, Cancel, Delete, a failed save), the storage errors, the
//! "could not open" page and the update and superseded banners.

macro_rules! shell_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            AppName => "Attaché", "Attaché";
            Tagline => "The community manager's desk", "Le bureau du community manager";
            SkipToContent => "Skip to content", "Aller au contenu";
            NavLabel => "Main", "Principale";
            NavWorkspaces => "Workspaces", "Espaces de travail";
            NavSettings => "Settings", "Réglages";
            DismissNotice => "Dismiss this message", "Fermer ce message";
            Undo => "Undo", "Annuler";
            Restored => "Put back: “{name}”.", "Rétabli\u{a0}: «\u{a0}{name}\u{a0}».";
            OfflineNow => "You are offline.", "Vous êtes hors ligne.";
            OfflineNothingWaits => "Everything you do is kept on this device.",
                "Tout ce que vous faites est gardé sur cet appareil.";
            OfflineWaiting => plural("{count} post waits in the outbox and goes out once you are back online.", "{count} posts wait in the outbox and go out once you are back online."),
                plural("{count} publication attend dans la boîte d'envoi et partira dès le retour en ligne.", "{count} publications attendent dans la boîte d'envoi et partiront dès le retour en ligne.");
            NavOutbox => "Outbox", "Boîte d'envoi";
            OutboxBadge => plural("{count} waiting", "{count} waiting"),
                plural("{count} en attente", "{count} en attente");
            SwitcherLabel => "Current workspace", "Espace de travail actuel";
            SwitcherNone => "No workspace yet", "Aucun espace pour l'instant";
            Opening => "Opening your desk…", "Ouverture de votre bureau…";
            Save => "Save", "Enregistrer";
            PaletteTitle => "Commands", "Commandes";
            PalettePlaceholder => "A page or an action…", "Une page ou une action…";
            PaletteNothing => "Nothing by that name.", "Rien de ce nom.";
            PaletteNewPost => "Write a post", "Écrire une publication";
            PaletteGoTo => "Go to {page}", "Aller à\u{a0}: {page}";
            PaletteSwitch => "Switch to the workspace {name}", "Passer à l'espace {name}";
            PaletteShortcuts => "Keyboard shortcuts", "Raccourcis clavier";
            KeyPalette => "open the commands, from anywhere", "ouvrir les commandes, de n'importe où";
            KeyPaletteMove => "move in the list, run the command", "se déplacer dans la liste, lancer la commande";
            KeyPaletteClose => "close", "fermer";
            KeySearch => "search everything, from anywhere but a field", "tout rechercher, de n'importe où sauf d'un champ";
            KeyShortcuts => "list these shortcuts (in the Inbox, its own)", "lister ces raccourcis (dans la boîte de réception, les siens)";
            SearchTitle => "Search", "Rechercher";
            SearchPlaceholder => "A member, a conversation, a post, a note…", "Un membre, une conversation, une publication, une note…";
            SearchNothing => "Nothing found with all these words.", "Rien ne contient tous ces mots.";
            SearchReading => "Reading your records…", "Lecture de vos données…";
            SearchGroupMembers => "Members", "Membres";
            SearchGroupConversations => "Conversations", "Conversations";
            SearchGroupPosts => "Posts", "Publications";
            KeyInboxList => "in the Inbox: its own shortcuts, listed there by ?", "dans la boîte de réception\u{a0}: ses propres raccourcis, listés par ? sur place";
            Cancel => "Cancel", "Annuler";
            Delete => "Delete", "Supprimer";
            SaveFailed => "Could not save: {reason}. What was saved before is still there; try again.",
                "Enregistrement impossible\u{a0}: {reason}. Ce qui était enregistré est toujours là\u{a0}; réessayez.";
            ReadFailed => "Could not read this list: {reason}. Nothing was changed; reload the page to try again.",
                "Impossible de lire cette liste\u{a0}: {reason}. Rien n'a été modifié\u{a0}; rechargez la page pour réessayer.";
            OpenFailedTitle => "Your desk could not be opened", "Impossible d'ouvrir votre bureau";
            OpenFailedBody => "The browser refused to open the app's storage on this device ({reason}).",
                "Le navigateur a refusé d'ouvrir le stockage de l'application sur cet appareil ({reason}).";
            OpenFailedWhat => "Close the other Attaché tabs and reload. If it happens again, free some disk space. Your data has not been deleted.",
                "Fermez les autres onglets d'Attaché et rechargez. Si cela recommence, libérez de l'espace disque. Vos données n'ont pas été effacées.";
            Reload => "Reload", "Recharger";
            NotFound => "This page does not exist.", "Cette page n'existe pas.";
            BackToWorkspaces => "Back to workspaces", "Retour aux espaces";
            YourWorkspaces => "Your workspaces", "Vos espaces";
            ErrUnavailable => "this browser gives the app no storage (a private window?)",
                "ce navigateur ne donne aucun stockage à l'application (fenêtre privée\u{a0}?)";
            ErrBlocked => "another Attaché tab keeps the old version open",
                "un autre onglet d'Attaché garde l'ancienne version ouverte";
            ErrQuota => "the storage space on this device is full",
                "l'espace de stockage de cet appareil est plein";
            ErrBackend => "the browser's storage is damaged or cannot be read",
                "le stockage du navigateur est abîmé ou illisible";
            ErrClosed => "a newer version of Attaché opened in another tab",
                "une version plus récente d'Attaché s'est ouverte dans un autre onglet";
            ErrNewer => "this device holds data from a newer version of Attaché",
                "cet appareil contient des données d'une version plus récente d'Attaché";
            ErrCorrupt => "a saved record could not be read", "un enregistrement n'a pas pu être lu";
            ErrAborted => "the write was cancelled", "l'écriture a été annulée";
            ErrOther => "an unexpected error happened", "une erreur inattendue s'est produite";
            SupersededBanner => "Attaché was updated in another tab. Reload this tab to keep working; nothing was lost.",
                "Attaché a été mis à jour dans un autre onglet. Rechargez cet onglet pour continuer\u{a0}; rien n'a été perdu.";
            ErasedBanner => "This device's data was erased in another tab. Reload this tab to start again.",
                "Les données de cet appareil ont été effacées dans un autre onglet. Rechargez cet onglet pour recommencer.";
            UpdateReady => "A new version of Attaché is ready.",
                "Une nouvelle version d'Attaché est prête.";
            UpdateReload => "Reload to update", "Recharger pour mettre à jour";
            NavNotes => "Notes", "Notes";
            NavCompose => "Compose", "Rédiger";
            NavCalendar => "Calendar", "Calendrier";
            NavLibrary => "Library", "Bibliothèque";
            Me => "me", "moi";
            NavAccounts => "Accounts", "Comptes";
            NavInbox => "Inbox", "Messages";
            NavStrategy => "Strategy", "Stratégie";
            NavToday => "Today", "Aujourd'hui";
            TryAgain => "Try again", "Réessayer";
        }
    };
}
