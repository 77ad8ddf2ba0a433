//! The calendar: month, week and list views, filters, moving a post, and "show more".

macro_rules! calendar_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            PrevMonth => "Previous month", "Mois précédent";
            NextMonth => "Next month", "Mois suivant";
            ViewLabel => "View", "Affichage";
            ViewMonth => "Month", "Mois";
            ViewList => "List", "Liste";
            FilterNetwork => "Network", "Réseau";
            FilterState => "State", "État";
            FilterAll => "All", "Tous";
            ExportIcs => "Export to a calendar (.ics)", "Exporter vers un agenda (.ics)";
            MoveLabel => "New date for “{title}”", "Nouvelle date pour «\u{a0}{title}\u{a0}»";
            MovePost => "Move", "Déplacer";
            Moved => "Moved to {when}.", "Déplacé au {when}.";
            MovedBack => "Back to {when}.", "Remis au {when}.";
            CalendarEmpty => "Nothing scheduled this month.", "Rien de programmé ce mois-ci.";
            DragHint => "Drag a post to another day (or hour, in the week view), or use its “Move…” button.",
                "Glissez une publication vers un autre jour (ou une autre heure, en vue semaine), ou utilisez son bouton «\u{a0}Déplacer…\u{a0}».";
            MakeDraft => "Make a draft", "En faire un brouillon";
            ViewWeek => "Week", "Semaine";
            PrevWeek => "Previous week", "Semaine précédente";
            NextWeek => "Next week", "Semaine suivante";
            WeekOf => "Week of {date}", "Semaine du {date}";
            FilterCampaign => "Campaign", "Campagne";
            MoreOnDay => plural("{count} more on {date}", "{count} more on {date}"),
                plural("{count} de plus le {date}", "{count} de plus le {date}");
            MoveDialog => "Move “{title}”", "Déplacer «\u{a0}{title}\u{a0}»";
            MoveMenu => "Move…", "Déplacer…";
            NewDate => "Date", "Date du jour";
            NewTime => "Time", "Heure";
            ShowMore => plural("Show {more} more ({count} not shown)", "Show {more} more ({count} not shown)"),
                plural("Afficher {more} de plus ({count} non affichée)", "Afficher {more} de plus ({count} non affichées)");
        }
    };
}
