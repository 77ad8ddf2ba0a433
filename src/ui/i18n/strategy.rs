//! The Strategy screen: mission, audience, tone of voice, the glossary and the composer's
//! check against it, objectives and their metrics, personas.

macro_rules! strategy_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            MetricReplyShare => "Share of your activity that answers the community, in % (conversations answered in the Inbox against posts published, 30 days)",
                "Part de votre activité qui répond à la communauté, en % (conversations répondues dans les Messages face aux publications, 30 jours)";
            MetricAnswerHours => "Median hours to a first answer in a conversation (30 days; lower is better)",
                "Heures médianes avant la première réponse dans une conversation (30 jours\u{a0}; moins, c'est mieux)";
            MetricAnsweredShare => "Share of conversations answered, in % (30 days)",
                "Part des conversations répondues, en % (30 jours)";
            Answered => "Answered", "Répondu";
            StrategyIntro => "Why the brand has a community, who is in it, and how the brand speaks to it.",
                "Pourquoi la marque a une communauté, qui la compose, et comment la marque lui parle.";
            MissionLabel => "The community's mission", "La mission de la communauté";
            AudienceLabel => "Who the community is (audience)", "Qui compose la communauté (public)";
            ToneHeading => "Tone of voice", "Ton de la marque";
            ToneDoLabel => "Our voice does (one per line, an example after a colon)",
                "Notre ton fait (un par ligne, un exemple après deux-points)";
            ToneDontLabel => "Our voice never does (one per line)",
                "Notre ton ne fait jamais (un par ligne)";
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
            TermAdded => "“{term}” is now a word to avoid.",
                "«\u{a0}{term}\u{a0}» est maintenant un mot à éviter.";
            TermRemoved => "“{term}” is no longer on the list.",
                "«\u{a0}{term}\u{a0}» ne fait plus partie de la liste.";
            RemoveTermNamed => "Remove “{term}”", "Retirer «\u{a0}{term}\u{a0}»";
            RemoveTerm => "Remove", "Retirer";
            GlossaryEmpty => "No word to avoid yet.", "Aucun mot à éviter pour l'instant.";
            TermEntry => "Avoid “{banned}”, write “{replacement}”",
                "Éviter «\u{a0}{banned}\u{a0}», écrire «\u{a0}{replacement}\u{a0}»";
            ErrTermEmpty => "Fill in both the word to avoid and what to write instead.",
                "Remplissez le mot à éviter et ce qu'il faut écrire à la place.";
            ErrTermTooLong => "Keep each term under 100 characters.",
                "Gardez chaque terme sous 100 caractères.";
            ErrTermDuplicate => "This word is already on the list for that language.",
                "Ce mot est déjà dans la liste pour cette langue.";
            ErrTermCircular => "What to write instead must differ from the word to avoid.",
                "Ce qu'il faut écrire doit différer du mot à éviter.";
            ToneCheckHeading => "Words the glossary asks to change",
                "Mots que le glossaire demande de changer";
            BannedHit => "“{found}”: the glossary says “{replacement}”.",
                "«\u{a0}{found}\u{a0}»\u{a0}: le glossaire dit «\u{a0}{replacement}\u{a0}».";
            ReplaceWithAt => "Replace “{found}” with “{replacement}” ({place})",
                "Remplacer «\u{a0}{found}\u{a0}» par «\u{a0}{replacement}\u{a0}» ({place})";
            Replace => "Replace", "Remplacer";
            WhereBase => "in the text", "dans le texte";
            WhereOwn => "in the {network} version", "dans la version {network}";
            WherePart => "in the {network} thread, part {part}", "dans le fil {network}, partie {part}";
            ReplacedWith => "Replaced with “{replacement}”.", "Remplacé par «\u{a0}{replacement}\u{a0}».";
            ObjectivesHeading => "Objectives", "Objectifs";
            ObjectivesIntro => "Each objective follows a figure Attaché measures, so its progress is computed, not typed.",
                "Chaque objectif suit un chiffre mesuré par Attaché\u{a0}: sa progression est calculée, pas saisie.";
            MetricLabel => "What to measure", "Ce qu'on mesure";
            MetricFollowers => "Followers on {network}", "Abonnés sur {network}";
            MetricPostsPerWeek => "Posts per week on {network}", "Publications par semaine sur {network}";
            TargetLabel => "Target", "Cible";
            DeadlineLabel => "By (date)", "Échéance (date)";
            OwnerLabel => "Owner", "Responsable";
            AddObjective => "Add the objective", "Ajouter l'objectif";
            ObjectiveAdded => "Objective added.", "Objectif ajouté.";
            ObjectiveRemoved => "Objective removed.", "Objectif retiré.";
            RemoveObjectiveNamed => "Remove the objective “{name}”",
                "Retirer l'objectif «\u{a0}{name}\u{a0}»";
            ObjectiveProgress => "{name}: {current} of {target} by {deadline}",
                "{name}\u{a0}: {current} sur {target} d'ici le {deadline}";
            ObjectiveOwner => "owner: {owner}", "responsable\u{a0}: {owner}";
            ObjectiveNoData => "{name}: no figures yet. Connect the account or publish, and they will show here.",
                "{name}\u{a0}: pas encore de chiffres. Connectez le compte ou publiez, et ils s'afficheront ici.";
            StandingReached => "reached", "atteint";
            StandingOnTrack => "on track", "en bonne voie";
            StandingAtRisk => "at risk", "en retard";
            ErrTarget => "The target must be a number above zero.",
                "La cible doit être un nombre supérieur à zéro.";
            ErrDeadline => "Choose a date after today.", "Choisissez une date après aujourd'hui.";
            ObjectivesEmpty => "No objective yet.", "Aucun objectif pour l'instant.";
            PersonasHeading => "Personas", "Les personas";
            PersonasIntro => "The people the community is for, so every post is written for someone.",
                "Les personnes pour qui la communauté existe, pour que chaque publication s'adresse à quelqu'un.";
            PersonaName => "Name (for example “Léa, student”)",
                "Nom (par exemple «\u{a0}Léa, étudiante\u{a0}»)";
            PersonaNeeds => "What they need", "Ce dont elle a besoin";
            PersonaWhere => "Where to find them (networks, times)", "Où la trouver (réseaux, moments)";
            PersonaExpects => "What they expect from the brand", "Ce qu'elle attend de la marque";
            AddPersona => "Add the persona", "Ajouter la persona";
            PersonaAdded => "“{name}” added.", "«\u{a0}{name}\u{a0}» ajoutée.";
            PersonaRemoved => "“{name}” removed.", "«\u{a0}{name}\u{a0}» retirée.";
            PersonasEmpty => "No persona yet.", "Aucune persona pour l'instant.";
            ErrPersonaName => "Give the persona a name (100 characters at most).",
                "Donnez un nom à la persona (100 caractères au plus).";
        }
    };
}
