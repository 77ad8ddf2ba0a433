//! Today: the daily routine (and the words of its default steps), the day's posts, messages,
//! objectives and alerts, the audit block's frame, and the first-run guide.

macro_rules! today_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            RoutineHeading => "Daily routine", "Routine du jour";
            RoutineDoneToday => plural("{count} of {total} done today", "{count} of {total} done today"),
                plural("{count} sur {total} fait aujourd'hui", "{count} sur {total} faits aujourd'hui");
            RoutineStreak => plural("{count} day in a row", "{count} days in a row"),
                plural("{count} jour d'affilée", "{count} jours d'affilée");
            RoutineHistory => "The last 30 days", "Les 30 derniers jours";
            RoutineDay => plural("{day}: {count} of {total} done", "{day}: {count} of {total} done"),
                plural("{day}\u{a0}: {count} sur {total} fait", "{day}\u{a0}: {count} sur {total} faits");
            RoutineEdit => "Change the routine", "Modifier la routine";
            RoutineTimeOf => "Time of “{name}”", "Heure de «\u{a0}{name}\u{a0}»";
            RoutineNewItem => "New step of the routine", "Nouvelle étape de la routine";
            RoutineNewTime => "Its time (optional)", "Son heure (facultative)";
            RoutineAdd => "Add the step", "Ajouter l'étape";
            RoutineItemAdded => "Step added to the routine.", "Étape ajoutée à la routine.";
            RoutineReminder => "Time for: {step}", "C'est l'heure de\u{a0}: {step}";
            MoveUpNamed => "Move “{name}” up", "Monter «\u{a0}{name}\u{a0}»";
            MoveDownNamed => "Move “{name}” down", "Descendre «\u{a0}{name}\u{a0}»";
            RemoveNamed => "Remove “{name}”", "Retirer «\u{a0}{name}\u{a0}»";
            AuditHeading => "Health of the practice", "Santé de la pratique";
            AuditScore => "Score: {score}/100", "Score\u{a0}: {score}/100";
            AuditNoScore => "Not enough data for a score yet.",
                "Pas encore assez de données pour un score.";
            AuditNoDataFor => "Not enough data yet for:", "Pas encore assez de données pour\u{a0}:";
            AuditGoingWell => "Going well ({count})", "Ce qui va bien ({count})";
            TodayNoWorkspace => "No workspace yet: start with the guide, it takes a few minutes.",
                "Pas encore d'espace de travail\u{a0}: commencez par le guide, cela prend quelques minutes.";
            TodayObjectivesNoData => "No figures yet for your objectives: connect an account or publish a post.",
                "Pas encore de chiffres pour vos objectifs\u{a0}: connectez un compte ou publiez.";
            StartHeading => "Let's set up your desk", "Installons votre bureau";
            StartIntro => "Four short steps. You can skip any of them and change everything later.",
                "Quatre petites étapes. Vous pouvez en passer et tout changer plus tard.";
            StepOf => "Step {step} of {total}", "Étape {step} sur {total}";
            StartStepName => "Name the brand or client you work for",
                "Nommez la marque ou le client pour qui vous travaillez";
            StartNameLabel => "Name of the workspace", "Nom de l'espace de travail";
            Next => "Next", "Suivant";
            StartStepNetworks => "Where is the brand?", "Où est la marque\u{a0}?";
            StartNetworksLegend => "Networks the brand posts on", "Réseaux où la marque publie";
            StartStepObjective => "Set one objective", "Fixez un objectif";
            StartObjectiveHint => "Pick something Attaché can measure, a number to reach and a date. Progress is computed for you.",
                "Choisissez ce qu'Attaché peut mesurer, un nombre à atteindre et une date. La progression est calculée pour vous.";
            StartMetricPosts => "Posts per week on the first network",
                "Publications par semaine sur le premier réseau";
            SkipStep => "Skip this step", "Passer cette étape";
            StartStepDraft => "Write a first draft", "Écrivez un premier brouillon";
            StartDraftLabel => "What would you like to tell the community?",
                "Que voulez-vous dire à la communauté\u{a0}?";
            StartSaveDraft => "Save the draft and finish", "Enregistrer le brouillon et terminer";
            StartDraftEmpty => "Write a few words first, or skip the guide.",
                "Écrivez quelques mots d'abord, ou passez le guide.";
            StartDone => "All set. Here is your day.", "C'est prêt. Voici votre journée.";
            SkipGuide => "Skip the guide", "Passer le guide";
            StartLink => "New here? Let Attaché guide you (4 short steps)",
                "Nouveau ici\u{a0}? Laissez Attaché vous guider (4 petites étapes)";
            LessThanAnHour => "less than an hour", "moins d'une heure";
            Hours => plural("{count} hour", "{count} hours"),
                plural("{count} heure", "{count} heures");
            Days => plural("{count} day", "{count} days"),
                plural("{count} jour", "{count} jours");
            TodayPosts => "Today's posts", "Publications du jour";
            TodayNoPosts => "Nothing is planned for today.", "Rien n'est prévu aujourd'hui.";
            TodayByHand => plural("{count} post to publish by hand is due: open it to share it.", "{count} posts to publish by hand are due: open them to share them."),
                plural("{count} publication à publier à la main est à l'heure\u{a0}: ouvrez-la pour la partager.", "{count} publications à publier à la main sont à l'heure\u{a0}: ouvrez-les pour les partager.");
            TodayUnanswered => plural("{count} conversation waits for an answer, for {waited}.", "{count} conversations wait for an answer; the oldest for {waited}."),
                plural("{count} conversation attend une réponse depuis {waited}.", "{count} conversations attendent une réponse\u{a0}; la plus ancienne depuis {waited}.");
            TodayInboxClear => "No conversation waits for an answer.", "Aucune conversation n'attend de réponse.";
            TodaySnoozedBack => plural("{count} snoozed conversation comes back today.", "{count} snoozed conversations come back today."),
                plural("{count} conversation en pause revient aujourd'hui.", "{count} conversations en pause reviennent aujourd'hui.");
            TodayLatestMessage => "Latest message: {when}", "Dernier message\u{a0}: {when}";
            TodayNoObjectives => "No objective yet: set one in Strategy.",
                "Pas encore d'objectif\u{a0}: fixez-en un dans Stratégie.";
            TodayObjectivesOnTrack => "Every objective is on track.",
                "Tous les objectifs sont en bonne voie.";
            TodayObjectiveAtRisk => "{objective} (by {deadline}) is at risk.",
                "{objective} (pour le {deadline}) est en retard.";
            TodaySeeReport => "See the report: what was counted, post by post", "Voir le rapport\u{a0}: ce qui a été compté, publication par publication";
            TodayAlerts => "Needs you", "À traiter";
            TodaySignInAgain => "{handle} needs you to sign in again.", "{handle} demande une reconnexion.";
            TodayFailed => plural("{count} post could not be sent: open it to see why.", "{count} posts could not be sent: open them to see why."),
                plural("{count} publication n'a pas pu partir\u{a0}: ouvrez-la pour voir pourquoi.", "{count} publications n'ont pas pu partir\u{a0}: ouvrez-les pour voir pourquoi.");
            TodayOpenCalendar => "Open the calendar", "Ouvrir le calendrier";
            TodayOpenInbox => "Open the inbox", "Ouvrir la boîte de réception";
            TodayOpenStrategy => "Open the strategy", "Ouvrir la stratégie";
            RoutineStepOvernight => "Check what happened overnight: mentions, messages, emails",
                "Voir ce qui s'est passé pendant la nuit\u{a0}: mentions, messages, e-mails";
            RoutineStepAnswer => "Answer mentions and messages, the quick ones first",
                "Répondre aux mentions et aux messages, les plus simples d'abord";
            RoutineStepPublish => "Publish the posts planned for today",
                "Mettre en ligne les publications prévues aujourd'hui";
            RoutineStepListen => "Listen to the conversation: keywords, the brand's name, competitors",
                "Écouter la conversation\u{a0}: mots-clés, nom de la marque, concurrents";
            RoutineStepReport => "Note the day's figures for the report",
                "Relever les chiffres du jour pour le bilan";
        }
    };
}
