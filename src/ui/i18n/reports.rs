//! Reports: followers over time, the posts' engagement, the period and the downloads.

macro_rules! reports_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            NavReports => "Reports", "Rapports";
            ReportsIntro => "What the checks of your accounts counted: followers day by day and how each post published with Attaché was received. Counts are kept each time the Inbox checks; a day without a check has no figure.",
                "Ce que les vérifications de vos comptes ont compté\u{a0}: les abonnés jour après jour et l'accueil de chaque publication faite avec Attaché. Les chiffres sont gardés à chaque vérification des messages\u{a0}; un jour sans vérification n'a pas de chiffre.";
            ReportPeriod => "Period", "Période";
            ReportRangeChosen => "Days of my choosing", "Des jours de mon choix";
            ReportFrom => "From", "Du";
            ReportTo => "To", "Au";
            ReportRangeMissing => "Choose the first and the last day.", "Choisissez le premier et le dernier jour.";
            ReportRangeReversed => "The first day must come before the last.", "Le premier jour doit précéder le dernier.";
            ReportRangeTooLong => "Two years at most: choose a shorter range.", "Deux ans au plus\u{a0}: choisissez une période plus courte.";
            ReportFor => "{brand}, {from} to {to}", "{brand}, du {from} au {to}";
            ReportPrint => "Print the report (or save it as PDF)", "Imprimer le rapport (ou l'enregistrer en PDF)";
            ReportObjectivesHeading => "Objectives", "Objectifs";
            ReportNoObjectives => "No objective yet: set them on the Strategy page.", "Pas encore d'objectif\u{a0}: fixez-les dans la page Stratégie.";
            ReportLastDays => plural("The last {count} day", "The last {count} days"),
                plural("Le dernier {count} jour", "Les {count} derniers jours");
            ReportFollowersHeading => "Followers", "Abonnés";
            ReportNoAccount => "No account is connected to this workspace: connect one in Accounts, and its figures start with the next check.",
                "Aucun compte n'est connecté à cet espace\u{a0}: connectez-en un dans Comptes, ses chiffres commencent à la prochaine vérification.";
            ReportGrowth => "Followers {change} ({percent}) over the period: from {from} to {to}, counted on {counted} of {days} days.",
                "Abonnés {change} ({percent}) sur la période\u{a0}: de {from} à {to}, comptés {counted} jours sur {days}.";
            ReportGrowthNoPercent => "Followers {change} over the period: from {from} to {to}, counted on {counted} of {days} days.",
                "Abonnés {change} sur la période\u{a0}: de {from} à {to}, comptés {counted} jours sur {days}.";
            ReportNoCount => "No count of followers in this period yet.", "Pas encore de comptage d'abonnés sur cette période.";
            ReportBefore => "The period before: {change}.", "La période précédente\u{a0}: {change}.";
            ReportBeforeNone => "The period before: no count.", "La période précédente\u{a0}: pas de comptage.";
            ReportChartOf => "Followers of {account}, day by day", "Abonnés de {account}, jour après jour";
            ReportPoint => "{day}: {count} followers", "{day}\u{a0}: {count} abonnés";
            ReportTable => "Show the figures as a table", "Voir les chiffres en tableau";
            ReportDay => "Day", "Jour";
            ReportFollowers => "Followers", "Abonnés";
            ReportNoFigure => "no count", "pas de comptage";
            ReportFollowersCsv => "Download the followers (CSV)", "Télécharger les abonnés (CSV)";
            ReportMessagesHeading => "Messages received", "Messages reçus";
            ReportMessages => plural("{count} message received over the period; {before} the period before.", "{count} messages received over the period; {before} the period before."),
                plural("{count} message reçu sur la période\u{a0}; {before} la période précédente.", "{count} messages reçus sur la période\u{a0}; {before} la période précédente.");
            ReportMessagesChart => "Messages received, day by day", "Messages reçus, jour après jour";
            ReportMessagesPoint => "{day}: {count} messages", "{day}\u{a0}: {count} messages";
            ReportMessagesCount => "Messages", "Messages";
            ReportWeeksHeading => "Posts per week", "Publications par semaine";
            ReportWeekOf => "Week of {date}", "Semaine du {date}";
            ReportWeekObjective => "{network} (objective: {target} a week)", "{network} (objectif\u{a0}: {target} par semaine)";
            ReportWeekOfTarget => "{count} of {target}", "{count} sur {target}";
            ReportWeeksNone => "No network to count yet: connect an account or publish a post.", "Aucun réseau à compter pour l'instant\u{a0}: connectez un compte ou publiez.";
            ReportPostsHeading => "Posts published with Attaché", "Publications faites avec Attaché";
            ReportPostsIntro => "The highest engagement rate first: likes, boosts, replies and quotes, divided by the account's followers counted before the post went out.",
                "Le meilleur taux d'engagement d'abord\u{a0}: favoris, partages, réponses et citations, divisés par les abonnés du compte comptés avant la publication.";
            ReportNoPosts => "No post published with Attaché in this period.", "Aucune publication faite avec Attaché sur cette période.";
            ReportPublished => "Published", "Publiée";
            ReportNetwork => "Network", "Réseau";
            ReportPost => "Post", "Publication";
            ReportLikes => "Likes", "Favoris";
            ReportBoosts => "Boosts", "Partages";
            ReportReplies => "Replies", "Réponses";
            ReportQuotes => "Quotes", "Citations";
            ReportFollowersThen => "Followers when posted", "Abonnés à la publication";
            ReportRate => "Engagement rate", "Taux d'engagement";
            ReportNotCounted => "not counted yet", "pas encore compté";
            BestTimeHeading => "Best time to post", "Meilleur moment pour publier";
            BestTimeSample => plural("Worked out from {count} post of the last 16 weeks with an engagement rate; an hour needs 3 posts to count.", "Worked out from {count} posts of the last 16 weeks with an engagement rate; an hour needs 3 posts to count."),
                plural("Calculé sur {count} publication des 16 dernières semaines ayant un taux d'engagement\u{a0}; une heure compte à partir de 3 publications.", "Calculé sur {count} publications des 16 dernières semaines ayant un taux d'engagement\u{a0}; une heure compte à partir de 3 publications.");
            BestTimeTop => "Best hours: {slots}.", "Meilleures heures\u{a0}: {slots}.";
            BestTimeNoTop => "No hour has 3 posts yet: not enough data to choose.", "Aucune heure n'a encore 3 publications\u{a0}: pas assez de données pour choisir.";
            BestTimeCaption => "Mean engagement rate by day and hour (the darker, the higher)", "Taux d'engagement moyen par jour et par heure (plus c'est foncé, plus il est élevé)";
            BestTimeNotEnough => plural("not enough data ({count} post)", "not enough data ({count} posts)"),
                plural("pas assez de données ({count} publication)", "pas assez de données ({count} publications)");
            ReportPostsTable => "The posts' figures", "Les chiffres des publications";
            ReportResponsesHeading => "Answering the community", "Répondre à la communauté";
            ReportResponsesIntro => "How fast the Inbox's conversations were answered, for those answered or closed in the period (within the working hours set in the Strategy, when there are some).",
                "La rapidité des réponses aux conversations de la boîte de réception, pour celles auxquelles on a répondu ou qui ont été closes sur la période (dans les heures de travail fixées dans la Stratégie, s'il y en a).";
            ReportResponsesByNetwork => "First response by network", "Première réponse par réseau";
            BestTimeAdopt => "Use these hours as the queue's posting slots", "Utiliser ces heures comme créneaux de la file";
            BestTimeAdopted => plural("{count} posting slot added to the queue (Library).", "{count} posting slots added to the queue (Library)."),
                plural("{count} créneau ajouté à la file (Bibliothèque).", "{count} créneaux ajoutés à la file (Bibliothèque).");
            BestTimeAlreadySlots => "These hours are already posting slots of the queue.", "Ces heures sont déjà des créneaux de la file.";
            ReportTopHeading => "Best received", "Les mieux accueillies";
            ReportBottomHeading => "Least received", "Les moins bien accueillies";
            ReportRateOf => "engagement rate {rate}", "taux d'engagement {rate}";
            ReportPostsCsv => "Download the posts (CSV)", "Télécharger les publications (CSV)";
            ReportShowAllPosts => "Show all {count} posts", "Afficher les {count} publications";
            ReportLevelsHeading => "Members by level", "Membres par niveau";
            ReportLevelsIntro => "Each member's level at the end of the period (teammates left out), and how they got there since it began: moved up or new, held, or moved down. The People page explains each level.",
                "Le niveau de chaque membre à la fin de la période (coéquipiers exclus), et comment il y est arrivé depuis son début\u{a0}: monté ou nouveau, resté, ou descendu. La page Personnes explique chaque niveau.";
            ReportLevelsSummary => plural("{count} member at the end of the period ({before} at the end of the period before): {up} moved up or new, {down} moved down.", "{count} members at the end of the period ({before} at the end of the period before): {up} moved up or new, {down} moved down."),
                plural("{count} membre à la fin de la période ({before} à la fin de la période précédente)\u{a0}: {up} montés ou nouveaux, {down} descendus.", "{count} membres à la fin de la période ({before} à la fin de la période précédente)\u{a0}: {up} montés ou nouveaux, {down} descendus.");
            ReportLevelsCaption => "Members by level at the end of the period, and how they moved", "Membres par niveau à la fin de la période, et leurs mouvements";
            ReportLevel => "Level", "Niveau";
            ReportLevelMembers => "Members", "Membres";
            ReportLevelUp => "Moved up or new", "Montés ou nouveaux";
            ReportLevelHeld => "Held", "Restés";
            ReportLevelDown => "Moved down", "Descendus";
            ReportLevelBefore => "Members the period before", "Membres la période précédente";
            ReportLevelsCsv => "Download the members by level (CSV)", "Télécharger les membres par niveau (CSV)";
        }
    };
}
