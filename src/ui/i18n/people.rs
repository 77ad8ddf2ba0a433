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
            ProfileLink => "Their profile", "Son profil";
            Timeline => "What they did", "Ce qu'elle ou il a fait";
        }
    };
}
