//! Every sentence of the interface, in English and French. The table is a `match` per
//! message, so a message missing in one language does not compile. `{}` marks a value,
//! filled in order by [`fill`].

use super::locale::Lang;

macro_rules! messages {
    ($($key:ident => $en:expr, $fr:expr;)*) => {
        /// A sentence of the interface, independent of language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message, for tests that check the table as a whole.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The sentence in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

messages! {
    AppName => "Attaché", "Attaché";
    Tagline => "The community manager's desk", "Le bureau du community manager";
    SkipToContent => "Skip to content", "Aller au contenu";
    NavLabel => "Main", "Principale";
    NavWorkspaces => "Workspaces", "Espaces de travail";
    NavSettings => "Settings", "Réglages";
    NavOutbox => "Outbox", "Boîte d'envoi";
    OutboxBadge => "{} waiting", "{} en attente";
    SwitcherLabel => "Current workspace", "Espace de travail actuel";
    SwitcherNone => "No workspace yet", "Aucun espace pour l'instant";
    Opening => "Opening your desk…", "Ouverture de votre bureau…";
    WorkspacesIntro => "A workspace holds one brand or client: its posts, members and plans stay apart from the others.",
        "Un espace de travail contient une marque ou un client : ses publications, membres et plans restent séparés des autres.";
    WorkspacesEmpty => "You have no workspace yet. Create one for your first brand or client.",
        "Vous n'avez pas encore d'espace. Créez-en un pour votre première marque ou votre premier client.";
    NewWorkspaceHeading => "New workspace", "Nouvel espace";
    NewWorkspaceLabel => "Name of the brand or client", "Nom de la marque ou du client";
    Create => "Create workspace", "Créer l'espace";
    CurrentBadge => "current", "actuel";
    SwitchTo => "Switch to", "Passer à";
    Rename => "Rename", "Renommer";
    RenameLabel => "New name for {}", "Nouveau nom pour {}";
    Save => "Save", "Enregistrer";
    Cancel => "Cancel", "Annuler";
    Delete => "Delete", "Supprimer";
    ConfirmDelete => "Delete “{}” and everything in it? This cannot be undone.",
        "Supprimer «\u{a0}{}\u{a0}» et tout son contenu\u{a0}? C'est définitif.";
    ConfirmDeleteYes => "Yes, delete", "Oui, supprimer";
    Created => "Workspace “{}” created.", "Espace «\u{a0}{}\u{a0}» créé.";
    Renamed => "Renamed to “{}”.", "Renommé en «\u{a0}{}\u{a0}».";
    Deleted => "Workspace “{}” deleted.", "Espace «\u{a0}{}\u{a0}» supprimé.";
    Switched => "Now working in “{}”.", "Vous travaillez dans «\u{a0}{}\u{a0}».";
    CreatedOn => "Created {}", "Créé le {}";
    NameEmpty => "Give the workspace a name.", "Donnez un nom à l'espace.";
    NameTooLong => "Keep the name to 60 characters or fewer.", "Le nom doit faire 60 caractères au plus.";
    NameControl => "The name contains an invisible control character. Type it again.",
        "Le nom contient un caractère de contrôle invisible. Retapez-le.";
    NameTaken => "Another workspace already has this name.", "Un autre espace porte déjà ce nom.";
    SaveFailed => "Could not save: {}. What was saved before is still there; try again.",
        "Enregistrement impossible\u{a0}: {}. Ce qui était enregistré est toujours là\u{a0}; réessayez.";
    SettingsIntro => "These settings stay on this device.", "Ces réglages restent sur cet appareil.";
    LanguageHeading => "Language", "Langue";
    LanguageAuto => "Same as the browser", "Comme le navigateur";
    AppearanceHeading => "Appearance", "Apparence";
    ThemeLabel => "Theme", "Thème";
    ThemeSystem => "Follow the system", "Comme le système";
    ThemeLight => "Light", "Clair";
    ThemeDark => "Dark", "Sombre";
    LargeText => "Large text", "Grand texte";
    LargeTextHint => "Makes every text and button bigger.", "Agrandit tous les textes et boutons.";
    FormatsHeading => "Dates and numbers", "Dates et nombres";
    FormatsExample => "Today is {}. One hundred thousand records is written {}.",
        "Nous sommes le {}. Cent mille fiches s'écrit {}.";
    OpenFailedTitle => "Your desk could not be opened", "Impossible d'ouvrir votre bureau";
    OpenFailedBody => "The browser refused to open the app's storage on this device ({}).",
        "Le navigateur a refusé d'ouvrir le stockage de l'application sur cet appareil ({}).";
    OpenFailedWhat => "Close the other Attaché tabs and reload. If it happens again, free some disk space. Your data has not been deleted.",
        "Fermez les autres onglets d'Attaché et rechargez. Si cela recommence, libérez de l'espace disque. Vos données n'ont pas été effacées.";
    Reload => "Reload", "Recharger";
    NotFound => "This page does not exist.", "Cette page n'existe pas.";
    BackToWorkspaces => "Back to workspaces", "Retour aux espaces";
    YourWorkspaces => "Your workspaces", "Vos espaces";
    ErrUnavailable => "this browser gives the app no storage (a private window?)",
        "ce navigateur ne donne aucun stockage à l'application (fenêtre privée\u{a0}?)";
    ErrBlocked => "another Attaché tab keeps the old version open", "un autre onglet d'Attaché garde l'ancienne version ouverte";
    ErrQuota => "the storage space on this device is full", "l'espace de stockage de cet appareil est plein";
    ErrBackend => "the browser's storage is damaged or cannot be read", "le stockage du navigateur est abîmé ou illisible";
    ErrClosed => "a newer version of Attaché opened in another tab", "une version plus récente d'Attaché s'est ouverte dans un autre onglet";
    ErrNewer => "this device holds data from a newer version of Attaché", "cet appareil contient des données d'une version plus récente d'Attaché";
    ErrCorrupt => "a saved record could not be read", "un enregistrement n'a pas pu être lu";
    ErrAborted => "the write was cancelled", "l'écriture a été annulée";
    ErrOther => "an unexpected error happened", "une erreur inattendue s'est produite";
    SupersededBanner => "Attaché was updated in another tab. Reload this tab to keep working; nothing was lost.",
        "Attaché a été mis à jour dans un autre onglet. Rechargez cet onglet pour continuer\u{a0}; rien n'a été perdu.";
    StorageHeading => "Storage on this device", "Stockage sur cet appareil";
    StorageUse => "{} used of {} available.", "{} utilisés sur {} disponibles.";
    StoragePersisted => "The browser will keep this data even when disk space runs low.",
        "Le navigateur conservera ces données même si l'espace disque manque.";
    StorageNotPersisted => "The browser may clear this data if the disk gets full: export a copy regularly.",
        "Le navigateur peut effacer ces données si le disque se remplit\u{a0}: exportez une copie régulièrement.";
    StorageLow => "Storage is nearly full. Export your data, then delete what you no longer need.",
        "Le stockage est presque plein. Exportez vos données, puis supprimez ce qui ne sert plus.";
    StorageUnknown => "This browser does not say how much space is left.", "Ce navigateur n'indique pas l'espace restant.";
    LeaderThis => "This tab runs the background work (sending, syncing).", "Cet onglet fait le travail de fond (envoi, synchronisation).";
    LeaderOther => "Another Attaché tab runs the background work.", "Un autre onglet d'Attaché fait le travail de fond.";
    DataHeading => "Export and import", "Exporter et importer";
    DataIntro => "An export is one file with everything, to keep a copy or to move to another computer.",
        "Un export est un seul fichier avec tout, pour garder une copie ou changer d'ordinateur.";
    ExportAll => "Export everything", "Tout exporter";
    ExportWorkspace => "Export “{}”", "Exporter «\u{a0}{}\u{a0}»";
    Exported => "Exported to {}.", "Exporté dans {}.";
    ImportLabel => "Import a file", "Importer un fichier";
    ImportHint => "A full export replaces everything once you confirm; a workspace export is added as a new workspace.",
        "Un export complet remplace tout après confirmation\u{a0}; l'export d'un espace est ajouté comme nouvel espace.";
    ImportChecking => "Checking the file…", "Vérification du fichier…";
    ImportUnreadable => "This file could not be read. Nothing was changed.", "Ce fichier n'a pas pu être lu. Rien n'a été modifié.";
    ImportNotJson => "This file is not valid JSON (line {}, column {}). Nothing was changed.",
        "Ce fichier n'est pas du JSON valide (ligne {}, colonne {}). Rien n'a été modifié.";
    ImportNotBackup => "This file is not an Attaché export. Nothing was changed.",
        "Ce fichier n'est pas un export d'Attaché. Rien n'a été modifié.";
    ImportNewer => "This file comes from a newer version of Attaché (format {}). Update the app, then try again. Nothing was changed.",
        "Ce fichier vient d'une version plus récente d'Attaché (format {}). Mettez l'application à jour, puis réessayez. Rien n'a été modifié.";
    ImportProblems => "This file has {} problem(s), so nothing was changed:", "Ce fichier a {} problème(s), donc rien n'a été modifié\u{a0}:";
    ImportMoreProblems => "…and {} more.", "…et {} de plus.";
    ProblemMissing => "missing", "manquant";
    ProblemWrongType => "should be {}", "devrait être {}";
    TypeText => "text", "du texte";
    TypeNumber => "a number", "un nombre";
    TypeList => "a list", "une liste";
    TypeObject => "an object", "un objet";
    ProblemDuplicate => "the id “{}” is used twice", "l'identifiant «\u{a0}{}\u{a0}» est utilisé deux fois";
    ProblemUnknownWorkspace => "refers to a workspace that is not in the file (“{}”)",
        "renvoie à un espace absent du fichier («\u{a0}{}\u{a0}»)";
    ProblemBadValue => "has a value that is not allowed", "a une valeur non autorisée";
    ConfirmReplace => "This file replaces everything on this device: {} workspace(s) and {} note(s) now, by {} workspace(s) and {} note(s) from the file.",
        "Ce fichier remplace tout sur cet appareil\u{a0}: {} espace(s) et {} note(s) actuels, par {} espace(s) et {} note(s) du fichier.";
    ExportFirst => "Export what will be replaced", "Exporter ce qui sera remplacé";
    ReplaceEverything => "Replace everything", "Tout remplacer";
    ConfirmAddWorkspace => "Add the workspace “{}” with {} note(s)?", "Ajouter l'espace «\u{a0}{}\u{a0}» avec {} note(s)\u{a0}?";
    AddWorkspace => "Add workspace", "Ajouter l'espace";
    Importing => "Importing…", "Importation…";
    ImportedAll => "Import done: {} workspace(s) and {} note(s).", "Importation terminée\u{a0}: {} espace(s) et {} note(s).";
    ImportedWorkspace => "Workspace “{}” added with {} note(s).", "Espace «\u{a0}{}\u{a0}» ajouté avec {} note(s).";
    ImportFailed => "The import failed: {}. Nothing was changed.", "L'importation a échoué\u{a0}: {}. Rien n'a été modifié.";
    UpdateReady => "A new version of Attaché is ready.", "Une nouvelle version d'Attaché est prête.";
    UpdateReload => "Reload to update", "Recharger pour mettre à jour";
    NavNotes => "Notes", "Notes";
    NotesIntro => "Links and ideas kept for later in this workspace. Share a page to Attaché from your browser or phone to add one.",
        "Liens et idées gardés pour plus tard dans cet espace. Partagez une page vers Attaché depuis votre navigateur ou téléphone pour en ajouter.";
    NotesEmpty => "No notes in this workspace yet.", "Aucune note dans cet espace pour l'instant.";
    NotesCount => "{} of {} notes, newest first.", "{} notes sur {}, les plus récentes d'abord.";
    NoWorkspaceYet => "Create a workspace first: notes belong to a workspace.", "Créez d'abord un espace\u{a0}: les notes appartiennent à un espace.";
    SharedKept => "Kept as a note in “{}”.", "Gardé comme note dans «\u{a0}{}\u{a0}».";
    SharedNothing => "Nothing was shared: the share had no title, text or link.", "Rien n'a été partagé\u{a0}: le partage n'avait ni titre, ni texte, ni lien.";
    NoteDeleted => "Note deleted.", "Note supprimée.";
    DeleteNote => "Delete note", "Supprimer la note";
    Untitled => "(untitled)", "(sans titre)";
    NavCompose => "Compose", "Rédiger";
    ComposeIntro => "Write once, adjust per network. Every counter follows that network's own rules.",
        "Écrivez une fois, ajustez par réseau. Chaque compteur suit les règles du réseau.";
    PostText => "Text of the post", "Texte de la publication";
    NetworksLegend => "Networks", "Réseaux";
    ContentWarning => "Content warning (Mastodon)", "Avertissement de contenu (Mastodon)";
    CharsLeft => "{}: {} left", "{}\u{a0}: reste {}";
    CharsOver => "{}: {} too many", "{}\u{a0}: {} de trop";
    ExtraBytes => "{}: {} bytes, the limit is 3,000", "{}\u{a0}: {} octets, la limite est 3\u{a0}000";
    ExtraLinks => "{}: {} links, the limit is 5", "{}\u{a0}: {} liens, la limite est 5";
    ExtraHashtags => "{}: {} hashtags, the limit is 30", "{}\u{a0}: {} hashtags, la limite est 30";
    PreviewHeading => "Preview for {}", "Aperçu pour {}";
    OverflowHint => "The highlighted part does not fit.", "La partie surlignée ne rentre pas.";
    ImagesLabel => "Add images", "Ajouter des images";
    AltLabel => "Describe this image for people who cannot see it (alt text)", "Décrivez cette image pour les personnes qui ne la voient pas (texte alternatif)";
    RemoveImage => "Remove image", "Retirer l'image";
    GateHeading => "Before publishing", "Avant de publier";
    GateNoNetwork => "Choose at least one network.", "Choisissez au moins un réseau.";
    GateEmpty => "{}: the post is empty.", "{}\u{a0}: la publication est vide.";
    GateTooLong => "{}: the text is too long.", "{}\u{a0}: le texte est trop long.";
    GateOther => "{}: a limit of the network is exceeded (see the counter).", "{}\u{a0}: une limite du réseau est dépassée (voir le compteur).";
    GateAlt => "{}: describe every image (alt text).", "{}\u{a0}: décrivez chaque image (texte alternatif).";
    GateTooManyImages => "{}: too many images.", "{}\u{a0}: trop d'images.";
    GateImageTooLarge => "{}: an image is over 1 MB; make it smaller.", "{}\u{a0}: une image dépasse 1 Mo\u{a0}; réduisez-la.";
    SaveDraft => "Save draft", "Enregistrer le brouillon";
    DraftSaved => "Draft saved.", "Brouillon enregistré.";
    DueLabel => "Date and time to publish", "Date et heure de publication";
    Schedule => "Schedule", "Programmer";
    Scheduled => "Scheduled for {}.", "Programmé pour le {}.";
    DueMissing => "Choose a date and time first.", "Choisissez d'abord une date et une heure.";
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
    NavCalendar => "Calendar", "Calendrier";
    PrevMonth => "Previous month", "Mois précédent";
    NextMonth => "Next month", "Mois suivant";
    ViewLabel => "View", "Affichage";
    ViewMonth => "Month", "Mois";
    ViewList => "List", "Liste";
    FilterNetwork => "Network", "Réseau";
    FilterState => "State", "État";
    FilterAll => "All", "Tous";
    ExportIcs => "Export to a calendar (.ics)", "Exporter vers un agenda (.ics)";
    MoveLabel => "New date for “{}”", "Nouvelle date pour «\u{a0}{}\u{a0}»";
    MovePost => "Move", "Déplacer";
    Moved => "Moved to {}.", "Déplacé au {}.";
    CalendarEmpty => "Nothing scheduled this month.", "Rien de programmé ce mois-ci.";
    DragHint => "Drag a post to another day (or hour, in the week view), or use its “Move…” button.", "Glissez une publication vers un autre jour (ou une autre heure, en vue semaine), ou utilisez son bouton «\u{a0}Déplacer…\u{a0}».";
    MakeDraft => "Make a draft", "En faire un brouillon";
    PublishHeading => "Publish by hand", "Publier à la main";
    PublishHint => "These networks have no way for the app to post for you: Attaché opens their share window with your text.",
        "Ces réseaux ne permettent pas à l'application de publier pour vous\u{a0}: Attaché ouvre leur fenêtre de partage avec votre texte.";
    PublishOn => "Publish on {}", "Publier sur {}";
    CopiedThenOpened => "The text is copied: paste it in {}'s window.", "Le texte est copié\u{a0}: collez-le dans la fenêtre de {}.";
    CopiedOnly => "The text is copied: paste it in the {} app.", "Le texte est copié\u{a0}: collez-le dans l'application {}.";
    DidItGoOut => "Did it go out on {}?", "La publication est-elle partie sur {}\u{a0}?";
    PublishedUrl => "Address of the published post on {} (optional)", "Adresse de la publication sur {} (facultatif)";
    YesPublished => "Yes, it is published", "Oui, c'est publié";
    NotYet => "Not yet", "Pas encore";
    MarkedPublished => "Marked as published on {}.", "Marqué comme publié sur {}.";
    PublishedOnAt => "Published on {}.", "Publié sur {}.";
    NavLibrary => "Library", "Bibliothèque";
    LibraryIntro => "Reusable pieces for your posts (signatures, hashtag sets, standard answers), the campaigns you tag posts with, and your posting slots.",
        "Des morceaux réutilisables pour vos publications (signatures, lots de hashtags, réponses types), les campagnes qui classent vos publications, et vos créneaux de publication.";
    SnippetsHeading => "Snippets", "Extraits";
    SnippetKindLabel => "Kind", "Type";
    KindSignature => "Signature", "Signature de fin";
    KindHashtags => "Hashtag set", "Lot de hashtags";
    KindAnswer => "Standard answer", "Réponse type";
    KindOther => "Other", "Autre";
    SnippetTitle => "Title", "Titre";
    SnippetText => "Text", "Texte";
    HashtagHint => "For a hashtag set, separate the tags with commas or new lines: the # is added for you.",
        "Pour un lot de hashtags, séparez-les par des virgules ou des retours à la ligne\u{a0}: le # est ajouté pour vous.";
    AddSnippet => "Add the snippet", "Ajouter l'extrait";
    SnippetAdded => "Snippet “{}” added.", "Extrait «\u{a0}{}\u{a0}» ajouté.";
    SnippetsEmpty => "No snippet yet.", "Aucun extrait pour l'instant.";
    ItemDeleted => "“{}” deleted.", "«\u{a0}{}\u{a0}» supprimé.";
    DeleteNamed => "Delete “{}”", "Supprimer «\u{a0}{}\u{a0}»";
    CampaignsHeading => "Campaigns", "Campagnes";
    CampaignName => "Campaign name", "Nom de la campagne";
    CampaignColour => "Colour", "Couleur";
    AddCampaign => "Add the campaign", "Ajouter la campagne";
    CampaignAdded => "Campaign “{}” added.", "Campagne «\u{a0}{}\u{a0}» ajoutée.";
    CampaignsEmpty => "No campaign yet.", "Aucune campagne pour l'instant.";
    ColourBlue => "Blue", "Bleu";
    ColourGreen => "Green", "Vert";
    ColourRed => "Red", "Rouge";
    ColourPurple => "Purple", "Violet";
    ColourOchre => "Ochre", "Ocre";
    ColourTeal => "Teal", "Bleu canard";
    ColourPink => "Pink", "Rose";
    ColourGrey => "Grey", "Gris";
    LibEmpty => "Write something first.", "Écrivez d'abord quelque chose.";
    LibTooLong => "This is too long.", "C'est trop long.";
    LibBadColour => "Choose a colour.", "Choisissez une couleur.";
    LibTaken => "A campaign already has this name.", "Une campagne porte déjà ce nom.";
    SlotsHeading => "Posting slots", "Créneaux de publication";
    SlotsIntro => "“Add to queue” in the composer puts a post in the next free slot. Times are in your time zone.",
        "«\u{a0}Ajouter à la file\u{a0}» dans l'éditeur place une publication dans le prochain créneau libre. Les heures sont dans votre fuseau horaire.";
    SlotDay => "Day", "Jour";
    SlotTime => "Time", "Heure";
    AddSlot => "Add the slot", "Ajouter le créneau";
    SlotAdded => "Slot added: {}.", "Créneau ajouté\u{a0}: {}.";
    SlotExists => "This slot already exists.", "Ce créneau existe déjà.";
    SlotsEmpty => "No posting slot yet.", "Aucun créneau pour l'instant.";
    SlotRemoved => "Slot removed: {}.", "Créneau retiré\u{a0}: {}.";
    InsertSnippet => "Snippet to insert", "Extrait à insérer";
    Insert => "Insert", "Insérer";
    Inserted => "“{}” inserted.", "«\u{a0}{}\u{a0}» inséré.";
    NoSnippets => "Your snippets from the Library appear here.", "Vos extraits de la Bibliothèque apparaissent ici.";
    ViewWeek => "Week", "Semaine";
    PrevWeek => "Previous week", "Semaine précédente";
    NextWeek => "Next week", "Semaine suivante";
    WeekOf => "Week of {}", "Semaine du {}";
    FilterCampaign => "Campaign", "Campagne";
    MoreOnDay => "{} more on {}", "{} de plus le {}";
    MoveDialog => "Move “{}”", "Déplacer «\u{a0}{}\u{a0}»";
    MoveMenu => "Move…", "Déplacer…";
    NewDate => "Date", "Date du jour";
    NewTime => "Time", "Heure";
    AddToQueue => "Add to queue", "Ajouter à la file";
    Queued => "Added to the queue: {}.", "Ajouté à la file\u{a0}: {}.";
    NoSlots => "No free posting slot: add slots in the Library.", "Aucun créneau libre\u{a0}: ajoutez des créneaux dans la Bibliothèque.";
    RepeatLabel => "Repeat (evergreen)", "Répéter (contenu intemporel)";
    RepeatEvery => "Every how many days", "Tous les combien de jours";
    RepeatUntil => "Until", "Jusqu'au";
    RepeatScheduled => "{} dates scheduled, the first on {}.", "{} dates programmées, la première le {}.";
    RepeatBad => "Give a number of days (1 or more) and an end date after the first date.", "Indiquez un nombre de jours (1 ou plus) et une date de fin après la première date.";
    ThreadHeading => "Thread", "Fil";
    SplitThread => "Split into a thread for {}", "Découper en fil pour {}";
    ThreadSegment => "Part {} of {}", "Partie {} sur {}";
    JoinThread => "Back to one post", "Revenir à une seule publication";
    ThreadSplit => "Split into {} parts.", "Découpé en {} parties.";
    ReviewHeading => "Review", "Relecture";
    AskReview => "Ask for review", "Demander une relecture";
    Approve => "Approve", "Approuver";
    BackToDraft => "Back to draft", "Revenir au brouillon";
    CommentLabel => "Comment", "Commentaire";
    AddComment => "Add the comment", "Ajouter le commentaire";
    CommentsEmpty => "No comment yet.", "Aucun commentaire pour l'instant.";
    HistoryHeading => "History", "Historique";
    HistoryLine => "{}: {} → {}", "{}\u{a0}: {} → {}";
    StateChanged => "Now {}.", "Désormais\u{a0}: {}.";
    Me => "me", "moi";
    DropHint => "Drop or paste images here, or choose them:", "Déposez ou collez des images ici, ou choisissez-les\u{a0}:";
    Downscale => "Make it smaller for Bluesky", "La réduire pour Bluesky";
    Downscaled => "Image reduced to {}.", "Image réduite à {}.";
    DownscaleFailed => "This image could not be reduced: try a smaller one.", "Cette image n'a pas pu être réduite\u{a0}: essayez-en une plus petite.";
    NotAnImage => "Only images can be added here.", "Seules des images peuvent être ajoutées ici.";
    ShareWith => "Share with another app", "Partager avec une autre application";
    RemindMe => "Remind me when it is due", "Me le rappeler à l'heure prévue";
    RemindersOn => "You will get a reminder when a post to publish by hand is due, while Attaché is open.",
        "Vous recevrez un rappel quand une publication à faire à la main arrive à l'heure, tant qu'Attaché est ouvert.";
    RemindersDenied => "Notifications are blocked for this site: change it in the browser's settings.",
        "Les notifications sont bloquées pour ce site\u{a0}: changez-le dans les réglages du navigateur.";
    ReminderTitle => "Time to publish on {}", "C'est l'heure de publier sur {}";
    CampaignsLegend => "Campaigns", "Campagnes de la publication";
    ShowMore => "Show {} more ({} not shown)", "Afficher {} de plus ({} non affichées)";
    NavAccounts => "Accounts", "Comptes";
    AccountsIntro => "Connect the brand's accounts. Attaché talks to them straight from this browser; their keys stay on this device.",
        "Connectez les comptes de la marque. Attaché leur parle directement depuis ce navigateur\u{a0}; leurs clés restent sur cet appareil.";
    MastodonHeading => "Mastodon (and compatible servers)", "Mastodon (et serveurs compatibles)";
    InstanceLabel => "Your Mastodon server (for example mastodon.social)", "Votre serveur Mastodon (par exemple mastodon.social)";
    ConnectMastodon => "Connect", "Connecter";
    CheckingServer => "Checking the server…", "Vérification du serveur…";
    AccountConnected => "{} is connected.", "{} est connecté.";
    AccountsEmpty => "No account connected in this workspace yet.", "Aucun compte connecté dans cet espace pour l'instant.";
    DisconnectNamed => "Disconnect {}", "Déconnecter {}";
    Disconnect => "Disconnect", "Déconnecter";
    Disconnected => "{} is disconnected and its key was revoked.", "{} est déconnecté et sa clé a été révoquée.";
    DisconnectedNotRevoked => "{} is disconnected here, but the server could not be told: remove Attaché in that server's settings.",
        "{} est déconnecté ici, mais le serveur n'a pas pu être prévenu\u{a0}: retirez Attaché dans les réglages de ce serveur.";
    BadgeConnected => "connected", "connecté";
    BadgeReconnect => "sign in again", "reconnexion nécessaire";
    ErrInstanceEmpty => "Type the address of your server.", "Tapez l'adresse de votre serveur.";
    ErrInstanceInvalid => "This is not a server address.", "Ce n'est pas une adresse de serveur.";
    ErrInstanceInsecure => "Only secure (https) servers can be connected.", "Seuls les serveurs sécurisés (https) peuvent être connectés.";
    ErrNotMastodon => "This server does not answer like a Mastodon server.", "Ce serveur ne répond pas comme un serveur Mastodon.";
    ErrOffline => "You are offline: connect to the internet and try again.", "Vous êtes hors ligne\u{a0}: connectez-vous à internet et réessayez.";
    ErrUnreachable => "The server could not be reached. Check the address, or try again later.", "Le serveur est injoignable. Vérifiez l'adresse, ou réessayez plus tard.";
    ErrDenied => "The connection was refused on the server's page. Nothing was changed.", "La connexion a été refusée sur la page du serveur. Rien n'a changé.";
    ErrStateMismatch => "This sign-in is not one Attaché started, or it was already used. Start again from Accounts.", "Cette connexion n'a pas été lancée par Attaché, ou a déjà servi. Recommencez depuis Comptes.";
    ErrServerSaid => "The server said: {}", "Le serveur a répondu\u{a0}: {}";
    FinishingSignIn => "Finishing the connection…", "Connexion en cours…";
    BackToAccounts => "Back to accounts", "Retour aux comptes";
    BlueskyHeading => "Bluesky (or your own PDS)", "Bluesky (ou votre propre PDS)";
    BlueskyIntro => "Sign in with your handle and an app password, made in Bluesky under Settings → Privacy and security → App passwords. Never type your main password here.",
        "Connectez-vous avec votre identifiant et un mot de passe d'application, créé dans Bluesky sous Réglages → Confidentialité et sécurité → Mots de passe d'application. Ne tapez jamais votre mot de passe principal ici.";
    HandleLabel => "Handle (for example name.bsky.social)", "Identifiant (par exemple nom.bsky.social)";
    AppPasswordLabel => "App password", "Mot de passe d'application";
    BlueskyServerLabel => "Server, if you host your own (leave empty for bsky.social)", "Serveur, si vous hébergez le vôtre (laissez vide pour bsky.social)";
    CodeLabel => "Code received by e-mail (only if Bluesky asks)", "Code reçu par e-mail (seulement si Bluesky le demande)";
    ConnectBluesky => "Sign in to Bluesky", "Se connecter à Bluesky";
    SigningIn => "Signing in…", "Connexion…";
    ErrHandleInvalid => "Type a handle such as name.bsky.social.", "Tapez un identifiant comme nom.bsky.social.";
    ErrUnknownHandle => "No account has this handle on that server. Check the spelling.", "Aucun compte n'a cet identifiant sur ce serveur. Vérifiez l'orthographe.";
    ErrWrongPassword => "The handle is right but the password is not. Use an app password made in Bluesky's settings.",
        "L'identifiant est bon, mais pas le mot de passe. Utilisez un mot de passe d'application créé dans les réglages de Bluesky.";
    ErrCodeNeeded => "This account asks for the code Bluesky just sent by e-mail: type it in the code field and sign in again.",
        "Ce compte demande le code que Bluesky vient d'envoyer par e-mail\u{a0}: tapez-le dans le champ du code et reconnectez-vous.";
    ErrInactive => "This account is deactivated or suspended on its server.", "Ce compte est désactivé ou suspendu sur son serveur.";
    ErrTooManyTries => "Too many tries: wait a few minutes, then try again.", "Trop d'essais\u{a0}: attendez quelques minutes, puis réessayez.";
    DisconnectedEnded => "{} is disconnected and its session was ended.", "{} est déconnecté et sa session a été fermée.";
    DisconnectedNotEnded => "{} is disconnected here, but the server could not be told: delete the app password in Bluesky's settings.",
        "{} est déconnecté ici, mais le serveur n'a pas pu être prévenu\u{a0}: supprimez le mot de passe d'application dans les réglages de Bluesky.";
    PostCounts => "Likes: {} · Reposts: {} · Replies: {} · Quotes: {} (read {})", "J'aime\u{a0}: {} · Republications\u{a0}: {} · Réponses\u{a0}: {} · Citations\u{a0}: {} (relevé le {})";
    PostLanguage => "Language of the post", "Langue de la publication";
    LanguageNotSaid => "Not said", "Non précisée";
    LinkCardLegend => "Link card for {}", "Carte du lien {}";
    LinkCardHint => "Bluesky shows a card under the post. Attaché cannot read the linked page from your browser (the site does not allow it), so write the title and description yourself, or leave them empty for no card.",
        "Bluesky affiche une carte sous la publication. Attaché ne peut pas lire la page liée depuis votre navigateur (le site ne l'autorise pas)\u{a0}: écrivez vous-même le titre et la description, ou laissez-les vides pour ne pas avoir de carte.";
    LinkCardTitle => "Card title", "Titre de la carte";
    LinkCardDescription => "Card description", "Description de la carte";
    PublishNowOn => "Publish now on {}", "Publier maintenant sur {}";
    SendingTo => "Sending to {}…", "Envoi vers {}…";
    PublishedOnNamed => "Published on {}.", "Publié sur {}.";
    SeeItOn => "See it on {}", "Le voir sur {}";
    HeldByServer => "{} holds this post and publishes it on {}, even with this computer off.",
        "{} garde cette publication et la publie le {}, même ordinateur éteint.";
    HeldUpdated => "Moved to {}; the server was told.", "Déplacée au {}\u{a0}; le serveur a été prévenu.";
    TakeBack => "Take it back from the server", "La reprendre au serveur";
    TakenBack => "The server no longer holds this post; it stays here, scheduled.", "Le serveur ne garde plus cette publication\u{a0}; elle reste ici, programmée.";
    ProblemRateLimited => "{} asks Attaché to slow down: paused until {}. Nothing is lost; try again after that.",
        "{} demande à Attaché de ralentir\u{a0}: en pause jusqu'à {}. Rien n'est perdu\u{a0}; réessayez ensuite.";
    ProblemRateLimitedSoon => "{} asks Attaché to slow down for a few minutes. Nothing is lost; try again later.",
        "{} demande à Attaché de ralentir quelques minutes. Rien n'est perdu\u{a0}; réessayez plus tard.";
    ProblemReconnect => "{} no longer accepts this account's key: sign in again in Accounts. The post is kept.",
        "{} n'accepte plus la clé de ce compte\u{a0}: reconnectez-le dans Comptes. La publication est gardée.";
    ProblemRejected => "{} refused the post: {}", "{} a refusé la publication\u{a0}: {}";
    ProblemUnreachable => "{} could not be reached. The post is kept; try again when you are online.",
        "{} est injoignable. La publication est gardée\u{a0}; réessayez une fois en ligne.";
    ProblemHeldGone => "{} no longer holds this post and it was not published there: it was probably deleted on the server. Schedule it again or cancel it.",
        "{} ne garde plus cette publication et ne l'a pas publiée\u{a0}: elle a sans doute été supprimée sur le serveur. Programmez-la de nouveau ou annulez-la.";
    OutboxNeedsYou => "A post for {} needs you", "Une publication pour {} a besoin de vous";
    OutboxLateTitle => "{} post(s) missed their time: decide in the Outbox", "{} publication(s) ont passé leur heure\u{a0}: décidez dans la boîte d'envoi";
    QueuedOffline => "You are offline: the post for {} waits in the outbox and goes out once you are back online.",
        "Vous êtes hors ligne\u{a0}: la publication pour {} attend dans la boîte d'envoi et partira dès le retour en ligne.";
    SeeOutbox => "See the outbox", "Voir la boîte d'envoi";
    OutboxSending => "In the outbox: being sent now.", "Dans la boîte d'envoi\u{a0}: envoi en cours.";
    OutboxWaitingNetwork => "In the outbox: waiting for the network.", "Dans la boîte d'envoi\u{a0}: en attente du réseau.";
    OutboxWaitingDue => "In the outbox: goes out on {}.", "Dans la boîte d'envoi\u{a0}: part le {}.";
    OutboxNextTry => "In the outbox: next try at {} ({} attempt(s) so far).", "Dans la boîte d'envoi\u{a0}: prochain essai à {} ({} essai(s) jusqu'ici).";
    OutboxNeedsReconnect => "Stopped: the account must be signed in again in Accounts; then it goes on by itself.",
        "Arrêtée\u{a0}: le compte doit être reconnecté dans Comptes\u{a0}; l'envoi reprendra ensuite tout seul.";
    OutboxNeedsEdit => "Stopped: the server refused the post. Change it, then retry.", "Arrêtée\u{a0}: le serveur a refusé la publication. Modifiez-la, puis réessayez.";
    OutboxAccountBlocked => "Waiting: this account must be signed in again first.", "En attente\u{a0}: ce compte doit d'abord être reconnecté.";
    OutboxSent => "Sent.", "Envoyée.";
    OutboxCancelled => "Cancelled.", "Annulée.";
    OutboxTitle => "Outbox", "Boîte d'envoi";
    OutboxIntro => "Every post Attaché sends to Mastodon or Bluesky waits here until the server has it: offline, after a crash, or while a server asks to slow down. Nothing is sent twice, nothing is dropped.",
        "Chaque publication qu'Attaché envoie à Mastodon ou Bluesky attend ici jusqu'à ce que le serveur l'ait reçue\u{a0}: hors ligne, après un plantage, ou quand un serveur demande de ralentir. Rien n'est envoyé deux fois, rien n'est perdu.";
    OutboxEmpty => "Nothing waiting: every post has gone out.", "Rien en attente\u{a0}: tout est parti.";
    OutboxQueueHeading => "Waiting to go out", "En attente d'envoi";
    OutboxDoneHeading => "Sent or cancelled this week", "Envoyées ou annulées cette semaine";
    OutboxLateHeading => "Past their time", "Heure passée";
    OutboxLateIntro => "These posts were due while Attaché was closed or offline. Attaché never sends a post hours late without asking you.",
        "Ces publications étaient prévues pendant qu'Attaché était fermé ou hors ligne. Attaché n'envoie jamais une publication des heures en retard sans vous le demander.";
    OutboxLateDue => "Was due on {}, for {}", "Prévue le {}, pour {}";
    OutboxSendNow => "Send now", "Envoyer maintenant";
    OutboxReschedule => "Reschedule", "Reprogrammer";
    OutboxCancelSend => "Cancel sending", "Annuler l'envoi";
    OutboxCancelPost => "Cancel the post", "Annuler la publication";
    OutboxRetryNow => "Retry now", "Réessayer maintenant";
    OutboxAttempts => "Attempts: {}", "Essais\u{a0}: {}";
    OutboxLastError => "Last problem: {}", "Dernier problème\u{a0}: {}";
    OutboxSendLateAuto => "In this workspace, send posts found late by themselves when they are less than an hour late",
        "Dans cet espace, envoyer d'elles-mêmes les publications trouvées en retard de moins d'une heure";
    OutboxLateAutoHint => "Otherwise, a post more than 15 minutes late waits for your decision here.",
        "Sinon, une publication en retard de plus de 15 minutes attend ici votre décision.";
    OutboxCancelRefused => "It is being sent right now; wait for the server's answer.", "Elle est en cours d'envoi\u{a0}; attendez la réponse du serveur.";
    OutboxCancelDone => "Sending cancelled; the post is back in the drafts.", "Envoi annulé\u{a0}; la publication est revenue dans les brouillons.";
    OutboxRetrying => "Trying again now.", "Nouvel essai en cours.";
    OutboxLateCancelled => "The post is cancelled; its text is kept.", "La publication est annulée\u{a0}; son texte est gardé.";
    ProblemNoAccount => "No {} account is connected in this workspace: connect one in Accounts.",
        "Aucun compte {} n'est connecté dans cet espace\u{a0}: connectez-en un dans Comptes.";
    HeldBadge => "held by the server", "gardée par le serveur";
    NavInbox => "Inbox", "Messages";
    InboxIntro => "What people said to the brand: mentions and replies, newest first.", "Ce que les gens ont dit à la marque\u{a0}: mentions et réponses, les plus récentes d'abord.";
    InboxEmpty => "Nothing yet. Connect an account in Accounts, then check again.", "Rien pour l'instant. Connectez un compte dans Comptes, puis vérifiez de nouveau.";
    InboxCount => "Showing {} of {}.", "{} affichés sur {}.";
    CheckNow => "Check now", "Vérifier maintenant";
    Checking => "Checking…", "Vérification…";
    SyncDone => "Up to date: {} new mention(s).", "À jour\u{a0}: {} nouvelle(s) mention(s).";
    AnswersOurPost => "answers our post", "répond à notre publication";
    NavStrategy => "Strategy", "Stratégie";
    NavToday => "Today", "Aujourd'hui";
    MetricReplyShare => "Share of your activity that answers the community, in % (answers marked in the Inbox against posts published, 30 days)", "Part de votre activité qui répond à la communauté, en % (réponses marquées dans les Messages face aux publications, 30 jours)";
    RoutineHeading => "Daily routine", "Routine du jour";
    RoutineDoneToday => "{} of {} done today", "{} sur {} faits aujourd'hui";
    RoutineStreak => "{} day(s) in a row", "{} jour(s) d'affilée";
    RoutineHistory => "The last 30 days", "Les 30 derniers jours";
    RoutineDay => "{}: {} of {} done", "{}\u{a0}: {} sur {} faits";
    RoutineEdit => "Change the routine", "Modifier la routine";
    RoutineTimeOf => "Time of “{}”", "Heure de «\u{a0}{}\u{a0}»";
    RoutineNewItem => "New step of the routine", "Nouvelle étape de la routine";
    RoutineNewTime => "Its time (optional)", "Son heure (facultative)";
    RoutineAdd => "Add the step", "Ajouter l'étape";
    RoutineItemAdded => "Step added to the routine.", "Étape ajoutée à la routine.";
    RoutineReminder => "Time for: {}", "C'est l'heure de\u{a0}: {}";
    MoveUpNamed => "Move “{}” up", "Monter «\u{a0}{}\u{a0}»";
    MoveDownNamed => "Move “{}” down", "Descendre «\u{a0}{}\u{a0}»";
    RemoveNamed => "Remove “{}”", "Retirer «\u{a0}{}\u{a0}»";
    AuditHeading => "Health of the practice", "Santé de la pratique";
    AuditScore => "Score: {}/100", "Score\u{a0}: {}/100";
    AuditNoScore => "Not enough data for a score yet.", "Pas encore assez de données pour un score.";
    AuditNoDataFor => "Not enough data yet for:", "Pas encore assez de données pour\u{a0}:";
    AuditGoingWell => "Going well ({})", "Ce qui va bien ({})";
    TodayNoWorkspace => "No workspace yet: start with the guide, it takes a few minutes.", "Pas encore d'espace de travail\u{a0}: commencez par le guide, cela prend quelques minutes.";
    TodayObjectivesNoData => "No figures yet for your objectives: connect an account or publish a post.", "Pas encore de chiffres pour vos objectifs\u{a0}: connectez un compte ou publiez.";
    StartHeading => "Let's set up your desk", "Installons votre bureau";
    StartIntro => "Four short steps. You can skip any of them and change everything later.", "Quatre petites étapes. Vous pouvez en passer et tout changer plus tard.";
    StepOf => "Step {} of {}", "Étape {} sur {}";
    StartStepName => "Name the brand or client you work for", "Nommez la marque ou le client pour qui vous travaillez";
    StartNameLabel => "Name of the workspace", "Nom de l'espace de travail";
    Next => "Next", "Suivant";
    StartStepNetworks => "Where is the brand?", "Où est la marque\u{a0}?";
    StartNetworksLegend => "Networks the brand posts on", "Réseaux où la marque publie";
    StartStepObjective => "Set one objective", "Fixez un objectif";
    StartObjectiveHint => "Pick something Attaché can measure, a number to reach and a date. Progress is computed for you.", "Choisissez ce qu'Attaché peut mesurer, un nombre à atteindre et une date. La progression est calculée pour vous.";
    StartMetricPosts => "Posts per week on the first network", "Publications par semaine sur le premier réseau";
    SkipStep => "Skip this step", "Passer cette étape";
    StartStepDraft => "Write a first draft", "Écrivez un premier brouillon";
    StartDraftLabel => "What would you like to tell the community?", "Que voulez-vous dire à la communauté\u{a0}?";
    StartSaveDraft => "Save the draft and finish", "Enregistrer le brouillon et terminer";
    StartDraftEmpty => "Write a few words first, or skip the guide.", "Écrivez quelques mots d'abord, ou passez le guide.";
    StartDone => "All set. Here is your day.", "C'est prêt. Voici votre journée.";
    SkipGuide => "Skip the guide", "Passer le guide";
    StartLink => "New here? Let Attaché guide you (4 short steps)", "Nouveau ici\u{a0}? Laissez Attaché vous guider (4 petites étapes)";
    MetricAnswerHours => "Median hours to answer a message (30 days; lower is better)", "Heures médianes pour répondre à un message (30 jours\u{a0}; moins, c'est mieux)";
    MetricAnsweredShare => "Share of messages answered, in % (30 days)", "Part des messages répondus, en % (30 jours)";
    Answered => "Answered", "Répondu";
    LessThanAnHour => "less than an hour", "moins d'une heure";
    Hours => "{} hours", "{} heures";
    Days => "{} days", "{} jours";
    TodayPosts => "Today's posts", "Publications du jour";
    TodayNoPosts => "Nothing is planned for today.", "Rien n'est prévu aujourd'hui.";
    TodayByHand => "{} post(s) to publish by hand are due: open them to share them.", "{} publication(s) à publier à la main sont à l'heure\u{a0}: ouvrez-les pour les partager.";
    TodayUnanswered => "{} message(s) wait for an answer; the oldest for {}.", "{} message(s) attendent une réponse\u{a0}; le plus ancien depuis {}.";
    TodayInboxClear => "No message waits for an answer.", "Aucun message n'attend de réponse.";
    TodayLatestMessage => "Latest message: {}", "Dernier message\u{a0}: {}";
    TodayNoObjectives => "No objective yet: set one in Strategy.", "Pas encore d'objectif\u{a0}: fixez-en un dans Stratégie.";
    TodayObjectivesOnTrack => "Every objective is on track.", "Tous les objectifs sont en bonne voie.";
    TodayObjectiveAtRisk => "{} (by {}) is at risk.", "{} (pour le {}) est en retard.";
    TodayAlerts => "Needs you", "À traiter";
    TodaySignInAgain => "{} needs you to sign in again.", "{} demande une reconnexion.";
    TodayFailed => "{} post(s) could not be sent: open them to see why.", "{} publication(s) n'ont pas pu partir\u{a0}: ouvrez-les pour voir pourquoi.";
    TodayOpenCalendar => "Open the calendar", "Ouvrir le calendrier";
    TodayOpenInbox => "Open the inbox", "Ouvrir la boîte de réception";
    TodayOpenStrategy => "Open the strategy", "Ouvrir la stratégie";
    StrategyIntro => "Why the brand has a community, who is in it, and how the brand speaks to it.",
        "Pourquoi la marque a une communauté, qui la compose, et comment la marque lui parle.";
    MissionLabel => "The community's mission", "La mission de la communauté";
    AudienceLabel => "Who the community is (audience)", "Qui compose la communauté (public)";
    ToneHeading => "Tone of voice", "Ton de la marque";
    ToneDoLabel => "Our voice does (one per line, an example after a colon)", "Notre ton fait (un par ligne, un exemple après deux-points)";
    ToneDontLabel => "Our voice never does (one per line)", "Notre ton ne fait jamais (un par ligne)";
    SaveStrategy => "Save the strategy", "Enregistrer la stratégie";
    StrategySaved => "Strategy saved.", "Stratégie enregistrée.";
    GlossaryHeading => "Glossary", "Glossaire";
    GlossaryIntro => "Words the brand does not use, and what to write instead. The composer points them out as you type.",
        "Les mots que la marque n'emploie pas, et quoi écrire à la place. L'éditeur les signale pendant la frappe.";
    BannedLabel => "Word or phrase to avoid", "Mot ou expression à éviter";
    ReplacementLabel => "Write instead", "Écrire plutôt";
    TermLangLabel => "For posts in", "Pour les publications en";
    AllLanguages => "every language", "toutes les langues";
    LangEnglish => "English", "anglais";
    LangFrench => "French", "français";
    AddTerm => "Add to the glossary", "Ajouter au glossaire";
    TermAdded => "“{}” is now a word to avoid.", "«\u{a0}{}\u{a0}» est maintenant un mot à éviter.";
    TermRemoved => "“{}” is no longer on the list.", "«\u{a0}{}\u{a0}» ne fait plus partie de la liste.";
    RemoveTermNamed => "Remove “{}”", "Retirer «\u{a0}{}\u{a0}»";
    RemoveTerm => "Remove", "Retirer";
    GlossaryEmpty => "No word to avoid yet.", "Aucun mot à éviter pour l'instant.";
    TermEntry => "Avoid “{}”, write “{}”", "Éviter «\u{a0}{}\u{a0}», écrire «\u{a0}{}\u{a0}»";
    ErrTermEmpty => "Fill in both the word to avoid and what to write instead.", "Remplissez le mot à éviter et ce qu'il faut écrire à la place.";
    ErrTermTooLong => "Keep each term under 100 characters.", "Gardez chaque terme sous 100 caractères.";
    ErrTermDuplicate => "This word is already on the list for that language.", "Ce mot est déjà dans la liste pour cette langue.";
    ErrTermCircular => "What to write instead must differ from the word to avoid.", "Ce qu'il faut écrire doit différer du mot à éviter.";
    ToneCheckHeading => "Words the glossary asks to change", "Mots que le glossaire demande de changer";
    BannedHit => "“{}”: the glossary says “{}”.", "«\u{a0}{}\u{a0}»\u{a0}: le glossaire dit «\u{a0}{}\u{a0}».";
    ReplaceWithAt => "Replace “{}” with “{}” ({})", "Remplacer «\u{a0}{}\u{a0}» par «\u{a0}{}\u{a0}» ({})";
    Replace => "Replace", "Remplacer";
    WhereBase => "in the text", "dans le texte";
    WhereOwn => "in the {} version", "dans la version {}";
    WherePart => "in the {} thread, part {}", "dans le fil {}, partie {}";
    ReplacedWith => "Replaced with “{}”.", "Remplacé par «\u{a0}{}\u{a0}».";
    ObjectivesHeading => "Objectives", "Objectifs";
    ObjectivesIntro => "Each objective follows a figure Attaché measures, so its progress is computed, not typed.",
        "Chaque objectif suit un chiffre mesuré par Attaché\u{a0}: sa progression est calculée, pas saisie.";
    MetricLabel => "What to measure", "Ce qu'on mesure";
    MetricFollowers => "Followers on Mastodon", "Abonnés sur Mastodon";
    MetricPostsPerWeek => "Posts per week on {}", "Publications par semaine sur {}";
    TargetLabel => "Target", "Cible";
    DeadlineLabel => "By (date)", "Échéance (date)";
    OwnerLabel => "Owner", "Responsable";
    AddObjective => "Add the objective", "Ajouter l'objectif";
    ObjectiveAdded => "Objective added.", "Objectif ajouté.";
    ObjectiveRemoved => "Objective removed.", "Objectif retiré.";
    RemoveObjectiveNamed => "Remove the objective “{}”", "Retirer l'objectif «\u{a0}{}\u{a0}»";
    ObjectiveProgress => "{}: {} of {} by {}", "{}\u{a0}: {} sur {} d'ici le {}";
    ObjectiveOwner => "owner: {}", "responsable\u{a0}: {}";
    ObjectiveNoData => "{}: no figures yet. Connect the account or publish, and they will show here.",
        "{}\u{a0}: pas encore de chiffres. Connectez le compte ou publiez, et ils s'afficheront ici.";
    StandingReached => "reached", "atteint";
    StandingOnTrack => "on track", "en bonne voie";
    StandingAtRisk => "at risk", "en retard";
    ErrTarget => "The target must be a number above zero.", "La cible doit être un nombre supérieur à zéro.";
    ErrDeadline => "Choose a date after today.", "Choisissez une date après aujourd'hui.";
    ObjectivesEmpty => "No objective yet.", "Aucun objectif pour l'instant.";
    PersonasHeading => "Personas", "Les personas";
    PersonasIntro => "The people the community is for, so every post is written for someone.",
        "Les personnes pour qui la communauté existe, pour que chaque publication s'adresse à quelqu'un.";
    PersonaName => "Name (for example “Léa, student”)", "Nom (par exemple «\u{a0}Léa, étudiante\u{a0}»)";
    PersonaNeeds => "What they need", "Ce dont elle a besoin";
    PersonaWhere => "Where to find them (networks, times)", "Où la trouver (réseaux, moments)";
    PersonaExpects => "What they expect from the brand", "Ce qu'elle attend de la marque";
    AddPersona => "Add the persona", "Ajouter la persona";
    PersonaAdded => "“{}” added.", "«\u{a0}{}\u{a0}» ajoutée.";
    PersonaRemoved => "“{}” removed.", "«\u{a0}{}\u{a0}» retirée.";
    PersonasEmpty => "No persona yet.", "Aucune persona pour l'instant.";
    ErrPersonaName => "Give the persona a name (100 characters at most).", "Donnez un nom à la persona (100 caractères au plus).";
    TryAgain => "Try again", "Réessayer";
    CharsPerInstance => "Posts up to {} characters on this server.", "Publications jusqu'à {} caractères sur ce serveur.";
}

/// Replaces each `{}` in `template` by the next value, in order. Extra `{}` stay as they are.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        match values.next() {
            Some(v) => out.push_str(v),
            None => out.push_str("{}"),
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}
