//! The Inbox's response-time report and the workspace's working hours.

macro_rules! response_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            ResponseTimes => "Response times", "Délais de réponse";
            ResponseTimesIntro => "How fast the conversations were answered and closed. First response: from their message (or a reopening) to our first reply. Reply time: from each time it started waiting on us to our reply. Resolution: from their first message to done.",
                "À quelle vitesse les conversations ont reçu une réponse et ont été terminées. Première réponse : de leur message (ou d'une réouverture) à notre première réponse. Délai de réponse : de chaque moment où elle nous attend à notre réponse. Résolution : de leur premier message à « terminée ».";
            ResponsePeriod => "Period", "Période";
            LastWeeks => plural("Last {count} week", "Last {count} weeks"),
                plural("{count} dernière semaine", "{count} dernières semaines");
            FirstResponse => "First response", "Première réponse";
            ReplyTime => "Reply time", "Délai de réponse";
            Resolution => "Resolution", "Résolution";
            MedianHeader => "Median", "Médiane";
            P90Header => "90% within", "90 % en moins de";
            WithinHourHeader => "Within 1 hour", "En moins d'1 heure";
            CountHeader => "Answers", "Réponses";
            ByWeek => "By week (first response)", "Par semaine (première réponse)";
            ByNetwork => "By network (first response)", "Par réseau (première réponse)";
            ByTeammate => "By teammate (first response)", "Par coéquipier (première réponse)";
            Buckets => "How long the first responses took", "Durée des premières réponses";
            BucketUnder1h => "Under 1 h", "Moins d'1 h";
            Bucket1to4h => "1–4 h", "1 à 4 h";
            Bucket4to8h => "4–8 h", "4 à 8 h";
            Bucket8to24h => "8–24 h", "8 à 24 h";
            BucketOver24h => "Over 24 h", "Plus de 24 h";
            NoFigure => "—", "—";
            NothingAnsweredYet => "No reply or close in this period yet.", "Aucune réponse ni clôture sur cette période pour l'instant.";
            WorkingHours => "Working hours", "Heures de travail";
            WorkingHoursIntro => "With working hours, only the time inside them counts (a message on Friday evening answered on Monday at 9:15 took 15 minutes). The objectives use the same figures.",
                "Avec des heures de travail, seul le temps passé dedans compte (un message du vendredi soir, répondu lundi à 9 h 15, a pris 15 minutes). Les objectifs utilisent les mêmes chiffres.";
            CountWorkingHoursOnly => "Count only working hours", "Ne compter que les heures de travail";
            OpensAt => "From", "De";
            ClosesAt => "To", "À";
            WorkingDays => "Working days", "Jours travaillés";
            WorkingHoursSaved => "Working hours saved: the response times are counted again.", "Heures de travail enregistrées : les délais de réponse sont recalculés.";
            WorkingHoursCleared => "Every hour counts again in the response times.", "Toutes les heures comptent à nouveau dans les délais de réponse.";
            WorkingHoursInvalid => "The closing time must come after the opening time, and at least one day must be ticked.",
                "L'heure de fin doit venir après l'heure de début, et au moins un jour doit être coché.";
            DurationMinutes => plural("{count} min", "{count} min"), plural("{count} min", "{count} min");
            DurationHours => "{hours} h {minutes}", "{hours} h {minutes}";
            DurationDays => plural("{count} day", "{count} days"), plural("{count} jour", "{count} jours");
            NobodyAssigned => "Nobody", "Personne";
        }
    };
}
