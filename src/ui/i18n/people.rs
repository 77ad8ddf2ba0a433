//! People: the members list, their Orbit levels, why they are there and what moves them.

macro_rules! people_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            NavPeople => "People", "Membres";
            PeopleIntro => "Everyone who wrote to the workspace's accounts, liked, boosted or followed them. Levels follow the Orbit model: 4 Exploring to 1 Leading, from the weight of what they did or how often they came, over the last year.",
                "Toutes les personnes qui ont écrit aux comptes de l'espace, les ont aimés, partagés ou suivis. Les niveaux suivent le modèle Orbit\u{a0}: de 4 Exploration à 1 Moteur, selon le poids de ce qu'elles ont fait ou leur fréquence, sur la dernière année.";
            PeopleEmpty => "Nobody yet: the people who write to, like, boost or follow your accounts appear here once the Inbox has checked.",
                "Personne pour l'instant\u{a0}: les personnes qui écrivent à vos comptes, les aiment, les partagent ou les suivent apparaissent ici une fois les messages vérifiés.";
            PeopleSearch => "Search people", "Chercher des membres";
            PeopleByLevel => "Members by level", "Membres par niveau";
            PeopleCount => plural("{count} member.", "{count} members."),
                plural("{count} membre.", "{count} membres.");
            PeopleGlance => "Reading every member… Meanwhile, here is the list as it was on {date}; a member opens once everything is read.",
                "Lecture de tous les membres… En attendant, voici la liste telle qu'elle était le {date}\u{a0}; un membre s'ouvre une fois tout lu.";
            PeopleFirstLook => "Reading every member for the first time… Meanwhile, here are the people seen most recently; their levels follow, and a member opens once everything is read.",
                "Première lecture de tous les membres… En attendant, voici les personnes vues le plus récemment\u{a0}; leurs niveaux suivent, et un membre s'ouvre une fois tout lu.";
            PeopleFirstLookCount => plural("{count} person seen most recently.", "The {count} people seen most recently."),
                plural("{count} personne vue le plus récemment.", "Les {count} personnes vues le plus récemment.");
            PeopleGlanceSearch => plural("Searching the first {count} member only, until everyone is read.", "Searching the first {count} members only, until everyone is read."),
                plural("Recherche limitée à {count} membre pour l'instant, jusqu'à ce que tout soit lu.", "Recherche limitée aux {count} premiers membres, jusqu'à ce que tout soit lu.");
            PeopleShownOf => "Showing {shown} of {count}: search to narrow.",
                "{shown} affichés sur {count}\u{a0}: cherchez pour affiner.";
            FollowUpsHeading => "Follow-ups", "Relances";
            FollowUpWhen => "Follow up on", "Relancer le";
            FollowUpWhat => "About what", "À propos de";
            FollowUpAdd => "Add the follow-up", "Ajouter la relance";
            FollowUpAdded => "Follow-up added: it shows on Today when it is due.", "Relance ajoutée\u{a0}: elle apparaît dans Aujourd'hui le jour venu.";
            FollowUpDone => "Done", "Fait";
            FollowUpDoneNamed => "Mark “{what}” done", "Marquer «\u{a0}{what}\u{a0}» comme fait";
            FollowUpDue => "due {when}", "pour le {when}";
            FollowUpEmpty => "Write what to do.", "Écrivez ce qu'il faut faire.";
            FollowUpTooLong => "500 characters at most.", "500 caractères au plus.";
            FollowUpNoDue => "Choose a date and time.", "Choisissez une date et une heure.";
            FollowUpReminder => "Follow up with {name}", "Relancer {name}";
            TodayFollowUps => "Follow-ups due", "Relances à faire";
            TodayNoFollowUps => "No follow-up due today.", "Aucune relance pour aujourd'hui.";
            TodayFollowUpLine => "{name}: {what} ({when})", "{name}\u{a0}: {what} ({when})";
            TodayOpenPeople => "Open People", "Ouvrir les membres";
            WeightsHeading => "Activity weights", "Poids des activités";
            WeightsIntro => "What each kind of activity weighs in this workspace. One activity of weight 5 or more makes a member Participating, 8 Contributing, 11 Leading.",
                "Ce que pèse chaque type d'activité dans cet espace. Une activité de poids 5 ou plus place un membre en Participation, 8 en Contribution, 11 en Moteur.";
            WeightsSave => "Save the weights", "Enregistrer les poids";
            WeightsDefaults => "Back to the Orbit defaults", "Revenir aux valeurs d'Orbit";
            WeightsSaved => "Weights saved: the levels are worked out again.", "Poids enregistrés\u{a0}: les niveaux sont recalculés.";
            KindFollow => "Follow", "Abonnement";
            KindFavourite => "Like", "Favori";
            KindBoost => "Boost", "Partage";
            KindMention => "Mention of the account", "Mention du compte";
            KindReply => "Reply to our post", "Réponse à notre publication";
            KindQuote => "Quote", "Citation";
            KindConversation => "Conversation started", "Conversation lancée";
            KindContent => "Post about the brand", "Publication sur la marque";
            KindEvent => "Event hosted", "Événement organisé";
            FilterLevel => "Member level", "Niveau du membre";
            LevelLeading => "Leading", "Moteur";
            LevelContributing => "Contributing", "Contribution";
            LevelParticipating => "Participating", "Participation";
            LevelExploring => "Exploring", "Exploration";
            LastSeen => "last seen {date}", "vu·e le {date}";
            ActFollow => "a follow", "un abonnement";
            ActFavourite => "a like", "un favori";
            ActBoost => "a boost", "un partage";
            ActMention => "a mention", "une mention";
            ActReply => "a reply to our post", "une réponse à notre publication";
            ActQuote => "a quote", "une citation";
            ActConversation => "a conversation started", "une conversation lancée";
            ActContent => "a post about the brand", "une publication sur la marque";
            ActEvent => "an event hosted", "un événement organisé";
            WhyWeight => "At this level for {what} on {date} (weight {weight}; this level needs {need}).",
                "À ce niveau pour {what} le {date} (poids {weight}\u{a0}; ce niveau demande {need}).";
            WhyPresence => "At this level for being active {days} days within {window} days, from {from} to {to}.",
                "À ce niveau pour {days} jours d'activité en {window} jours, du {from} au {to}.";
            WhyAny => "Active in the last year; nothing yet that weighs more.",
                "Actif·ve dans l'année\u{a0}; rien encore qui pèse plus.";
            WhyNothing => "Nothing in the last year.", "Rien dans la dernière année.";
            KeepsUntil => "Keeps this level until {date} without anything new, then until the monthly review.",
                "Garde ce niveau jusqu'au {date} sans rien de nouveau, puis jusqu'à la revue du mois.";
            NextByWeight => "Next, {level}: one activity of weight {weight} or more ({kinds}).",
                "Ensuite, {level}\u{a0}: une activité de poids {weight} ou plus ({kinds}).";
            NextByPresence => "Or active {days} days within {window} days (now {have}).",
                "Ou actif·ve {days} jours en {window} jours (actuellement {have}).";
            FirstSeenLove => "First seen {date}. Love (the weight of the last year): {love}.",
                "Vu·e pour la première fois le {date}. Attachement (le poids de la dernière année)\u{a0}: {love}.";
            MemberReach => plural("Reach: {count} follower, all their accounts together (as their networks last said).",
                    "Reach: {count} followers, all their accounts together (as their networks last said)."),
                plural("Portée\u{a0}: {count} abonné, tous ses comptes réunis (selon le dernier chiffre de ses réseaux).",
                    "Portée\u{a0}: {count} abonnés, tous ses comptes réunis (selon le dernier chiffre de ses réseaux).");
            MapSummary => "Relationship map: reach and love", "Carte des relations\u{a0}: portée et affection";
            MapExplained => "Each dot is a member: further right, more followers (reach); higher up, more love (their weighted activity); both on a log scale. The colour is their level; ambassadors (Leading, or tagged ambassador) and detractors (a message of the last 90 days that seems negative, or an interaction you marked negative) are named.",
                "Chaque point est un membre\u{a0}: plus à droite, plus d'abonnés (portée)\u{a0}; plus haut, plus d'affection (son activité pondérée)\u{a0}; les deux sur une échelle logarithmique. La couleur est son niveau\u{a0}; les ambassadeurs (Leader, ou étiquetés ambassadeur) et les détracteurs (un message des 90 derniers jours qui semble négatif, ou une interaction que vous avez marquée négative) sont nommés.";
            MapShownOf => "The map shows {shown} of {count} members: the named ones, then those with the most love.",
                "La carte montre {shown} membres sur {count}\u{a0}: ceux qui sont nommés, puis ceux qui ont le plus d'affection.";
            MapKeys => "On the map: the arrows go from one member to the next, Enter opens them, + and − zoom, Shift and the arrows move the view.",
                "Sur la carte\u{a0}: les flèches passent d'un membre au suivant, Entrée l'ouvre, + et − zooment, Maj et les flèches déplacent la vue.";
            MapTools => "The map's view", "La vue de la carte";
            MapZoomIn => "Zoom in", "Zoomer";
            MapZoomOut => "Zoom out", "Dézoomer";
            MapWhole => "Whole map", "Toute la carte";
            MapAxisReach => "Reach (followers) →", "Portée (abonnés) →";
            MapAxisLove => "Love →", "Affection →";
            MapPointLabel => "{name}, {level}, love {love}, reach {reach}", "{name}, {level}, affection {love}, portée {reach}";
            MapAmbassador => "ambassador", "ambassadeur";
            MapDetractor => "detractor", "détracteur";
            MapAsTable => "The map as a table", "La carte sous forme de tableau";
            MapCaption => "The members on the map, the most love first", "Les membres de la carte, le plus d'affection d'abord";
            MapColMember => "Member", "Membre";
            MapColLevel => "Level", "Niveau";
            MapColLove => "Love", "Affection";
            MapColReach => "Reach", "Portée";
            MapColMark => "Named as", "Nommé comme";
            MarkNegative => "Negative", "Négatif";
            MarkNegativeOf => "Negative: {when}, {what}", "Négatif\u{a0}: {when}, {what}";
            GravitySummary => "Gravity and moves by month", "Gravité et mouvements par mois";
            GravityCaption => "The last six months, newest first: the gravity, then for each level how many members moved up to it (or arrived), held it, or moved down to it.",
                "Les six derniers mois, le plus récent d'abord\u{a0}: la gravité, puis pour chaque niveau combien de membres y sont montés (ou arrivés), y sont restés ou y sont descendus.";
            GravityExplained => "Gravity is the pull of the community: each member's love (the weight of their last year) times their reach (1 + log10(1 + followers)), added up.",
                "La gravité est l'attraction de la communauté\u{a0}: l'attachement de chaque membre (le poids de sa dernière année) multiplié par sa portée (1 + log10(1 + abonnés)), le tout additionné.";
            GravityMonth => "Month", "Mois";
            Gravity => "Gravity", "Gravité";
            GravityMoves => "up {up} · held {held} · down {down}", "montés {up} · restés {held} · descendus {down}";
            ProfileLink => "Their profile", "Son profil";
            Timeline => "What they did", "Ce qu'elle ou il a fait";
            Someone => "Someone", "Quelqu'un";
            ErasedMessage => "Message erased: its author asked to be forgotten.",
                "Message effacé\u{a0}: son auteur a demandé à être oublié.";
            TeammatesCount => plural("{count} teammate, left out of the levels", "{count} teammates, left out of the levels"),
                plural("{count} coéquipier, hors des niveaux", "{count} coéquipiers, hors des niveaux");
            MemberTeammate => "A teammate (left out of the levels and counts)",
                "Membre de l'équipe (hors des niveaux et des comptes)";
            MemberTags => "Tags (separated by commas)", "Étiquettes (séparées par des virgules)";
            MemberFields => "Fields", "Champs";
            MemberFieldName => "Field", "Champ";
            MemberFieldValue => "Value", "Valeur";
            MemberFieldAdd => "Set the field", "Enregistrer le champ";
            MemberFieldRemove => "Remove the field {name}", "Retirer le champ {name}";
            MemberNotes => "Notes", "Notes";
            MemberNoteText => "New note", "Nouvelle note";
            MemberNoteSigned => "Your name", "Votre nom";
            MemberNoteAdd => "Add the note", "Ajouter la note";
            MemberNoteAdded => "Note added.", "Note ajoutée.";
            MemberNoteBy => "{date}, by {name}", "{date}, par {name}";
            MemberNoteDelete => "Delete the note", "Supprimer la note";
            MemberNoteEmpty => "Write something first.", "Écrivez d'abord quelque chose.";
            MemberTooLong => "That is too long.", "C'est trop long.";
            ForgetOpen => "Forget this member…", "Oublier ce membre…";
            ForgetIntro => "Forget {name} on this device? This erases, at once and for good:",
                "Oublier {name} sur cet appareil\u{a0}? Cela efface, tout de suite et pour de bon\u{a0}:";
            ForgetMessages => plural("who wrote {count} message and what it said (kept as from “someone”, so counts stay right);",
                    "who wrote {count} messages and what they said (each kept as from “someone”, so counts stay right);"),
                plural("l'auteur et le texte de {count} message (gardé comme venant de «\u{a0}quelqu'un\u{a0}», pour que les comptes restent justes)\u{a0};",
                    "l'auteur et le texte de {count} messages (gardés comme venant de «\u{a0}quelqu'un\u{a0}», pour que les comptes restent justes)\u{a0};");
            ForgetSigns => plural("who gave {count} like, boost or follow;", "who gave {count} likes, boosts and follows;"),
                plural("l'auteur de {count} favori, partage ou abonnement\u{a0};", "l'auteur de {count} favoris, partages et abonnements\u{a0};");
            ForgetRecord => "what the workspace noted: notes ({notes}), tags ({tags}), fields ({fields});",
                "ce que l'espace a noté\u{a0}: notes ({notes}), étiquettes ({tags}), champs ({fields})\u{a0};";
            ForgetFollowUps => "their follow-ups, done or not (open: {count});",
                "ses suivis, terminés ou non (en cours\u{a0}: {count})\u{a0};";
            ForgetThreads => "the threads of their conversations kept on the device.",
                "les fils de ses conversations gardés sur l'appareil.";
            ForgetAfter => "The next check of the Inbox will not bring them back; if they write again later, they come back as a new member. Their posts stay on their network.",
                "La prochaine vérification des messages ne les fera pas revenir\u{a0}; s'ils écrivent à nouveau plus tard, ils reviennent comme nouveau membre. Leurs publications restent sur leur réseau.";
            ForgetDownload => "Download their data first (JSON)", "Télécharger d'abord ses données (JSON)";
            ForgetConfirm => "Forget them for good", "Oublier définitivement";
            MergeSuggestions => plural("{count} possible merge: the same person twice?", "{count} possible merges: the same person twice?"),
                plural("{count} fusion possible\u{a0}: la même personne deux fois\u{a0}?", "{count} fusions possibles\u{a0}: la même personne deux fois\u{a0}?");
            MergePair => "{a} and {b}", "{a} et {b}";
            Merge => "Merge", "Fusionner";
            MergeNamed => "Merge {a} and {b}", "Fusionner {a} et {b}";
            MergeDismiss => "Not the same person", "Pas la même personne";
            MergeDismissNamed => "{a} and {b} are not the same person", "{a} et {b} ne sont pas la même personne";
            Merged => "Merged: one member now.", "Fusionnés\u{a0}: un seul membre désormais.";
            MergeDismissed => "Noted: they will not be suggested again.", "C'est noté\u{a0}: ils ne seront plus proposés.";
            Unmerge => "Unmerge", "Séparer";
            UnmergeNamed => "Unmerge {handle}", "Séparer {handle}";
            Unmerged => "Unmerged: two members again.", "Séparés\u{a0}: deux membres à nouveau.";
            AlsoKnownAs => "Also known as", "Aussi connu·e comme";
            ReasonVerifiedLink => "the same verified link ({link})", "le même lien vérifié ({link})";
            ReasonSameLink => "the same link in their profiles ({link})", "le même lien dans leurs profils ({link})";
            ReasonLinksToProfile => "one profile links to the other ({link})", "un profil renvoie à l'autre ({link})";
            ReasonSameHandle => "the same handle on two networks ({handle})", "le même identifiant sur deux réseaux ({handle})";
            ReasonSimilarName => "names {percent}% alike", "noms semblables à {percent}\u{a0}%";
            ReasonSameSite => "links to the same site ({site})", "des liens vers le même site ({site})";
            ReasonSameLanguage => "they write in the same language ({lang})", "ils écrivent dans la même langue ({lang})";
            ReasonSamePicture => "the same profile picture", "la même photo de profil";
            SegmentLegend => "Segment", "Segment";
            SegmentChoose => "Show", "Afficher";
            SegmentAll => "All members", "Tous les membres";
            SegmentCustom => "Filters chosen below", "Filtres choisis ci-dessous";
            PresetSlipping => "Slipping away (levels 1–2, idle over a month)", "En train de s'éloigner (niveaux 1–2, inactifs depuis plus d'un mois)";
            PresetNew => "New and active (first seen and active in the last 7 days)", "Nouveaux et actifs (arrivés et actifs ces 7 derniers jours)";
            PresetEngaged => "Most engaged (the most love first)", "Les plus engagés (le plus d'attachement d'abord)";
            SegmentAny => "Any", "Peu importe";
            SegmentTag => "Tag", "Étiquette";
            SegmentNetwork => "Network", "Réseau";
            SegmentSeen => "Last seen", "Vu·e pour la dernière fois";
            SegmentTone => "Their messages of the last 90 days", "Leurs messages des 90 derniers jours";
            ToneSeemNegative => "one seems negative (or was marked so)", "l'un semble négatif (ou a été marqué ainsi)";
            ToneSeemPositive => "seem positive, none negative", "semblent positifs, aucun négatif";
            SeenWithin7 => "in the last 7 days", "ces 7 derniers jours";
            SeenWithin30 => "in the last 30 days", "ces 30 derniers jours";
            SeenIdle30 => "not in the last 30 days", "pas depuis 30 jours";
            SeenIdle90 => "not in the last 90 days", "pas depuis 90 jours";
            SegmentExport => plural("Download this segment as CSV ({count} member)", "Download this segment as CSV ({count} members)"),
                plural("Télécharger ce segment en CSV ({count} membre)", "Télécharger ce segment en CSV ({count} membres)");
            SegmentName => "Save these filters as", "Enregistrer ces filtres sous le nom";
            SegmentSave => "Save the segment", "Enregistrer le segment";
            SegmentSaved => "Segment “{name}” saved.", "Segment «\u{a0}{name}\u{a0}» enregistré.";
            SegmentNameNeeded => "Give the segment a name (60 characters at most).", "Donnez un nom au segment (60 caractères au plus).";
            SegmentDeleteNamed => "Delete the segment {name}", "Supprimer le segment {name}";
            MemberForgotten => "{name} was forgotten.", "{name} a été oublié·e.";
        }
    };
}
