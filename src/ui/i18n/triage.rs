//! The Inbox's conversations and their triage: states, snooze, priority, labels, assignees,
//! the selection and the keyboard shortcuts.

macro_rules! triage_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            ReadingOlder => "Reading the older messages…", "Lecture des messages plus anciens…";
            TabToAnswer => "To answer", "À traiter";
            TabWaitingOnThem => "Waiting on them", "En attente d'eux";
            TabSnoozed => "Snoozed", "En pause";
            TabDone => "Done", "Terminées";
            TabAll => "All", "Toutes";
            InboxViews => "Which conversations", "Quelles conversations";
            StateOpen => "New", "Nouvelle";
            StateWaitingOnUs => "Waiting on us", "En attente de nous";
            StateWaitingOnThem => "Waiting on them", "En attente d'eux";
            StateDone => "Done", "Terminée";
            PriorityLow => "Low", "Basse";
            PriorityNormal => "Normal", "Normale";
            PriorityHigh => "High", "Haute";
            PriorityUrgent => "Urgent", "Urgente";
            PriorityLabel => "Priority", "Priorité";
            SearchConversations => "Search the conversations", "Chercher dans les conversations";
            FilterLabel => "Label", "Étiquette";
            FilterAssignee => "Assigned to", "Attribuée à";
            FilterUnanswered => "Not answered yet", "Sans réponse de notre part";
            FilterQuestion => "They asked a question", "Avec une question";
            AnyOption => "Any", "Toutes";
            NobodyOption => "Nobody", "Personne";
            ConversationCount => plural("{count} conversation.", "{count} conversations."),
                plural("{count} conversation.", "{count} conversations.");
            NoConversationHere => "No conversation here.", "Aucune conversation ici.";
            MessagesInConversation => plural("{count} message", "{count} messages"),
                plural("{count} message", "{count} messages");
            CameBack => "Back", "Revenue";
            SnoozedUntil => "Snoozed until {when}", "En pause jusqu'au {when}";
            OpenConversation => "Open the conversation with {name}", "Ouvrir la conversation avec {name}";
            SelectConversation => "Select the conversation with {name}", "Sélectionner la conversation avec {name}";
            MarkDone => "Done", "Terminer";
            Reopen => "Reopen", "Rouvrir";
            MarkWaitingOnUs => "To answer", "À traiter";
            MarkWaitingOnThem => "Waiting on them", "En attente d'eux";
            SnoozeLabel => "Snooze until", "Mettre en pause jusqu'à";
            SnoozeChoose => "Choose…", "Choisir…";
            SnoozeHour => "In an hour", "Dans une heure";
            SnoozeEvening => "This evening (6 pm)", "Ce soir (18 h)";
            SnoozeTomorrow => "Tomorrow morning (9 am)", "Demain matin (9 h)";
            SnoozeMonday => "Next Monday (9 am)", "Lundi prochain (9 h)";
            SnoozeAt => "Or on a date and time", "Ou à une date et une heure";
            SnoozeAtButton => "Snooze", "Mettre en pause";
            SnoozePast => "Choose a date and time still to come.", "Choisissez une date et une heure à venir.";
            LabelAdd => "Add a label", "Ajouter une étiquette";
            LabelAddButton => "Add", "Ajouter";
            LabelRemove => "Remove the label {label}", "Retirer l'étiquette {label}";
            AssignTo => "Assign to", "Attribuer à";
            AssignButton => "Assign", "Attribuer";
            TriageSaved => "Conversation with {name}: {what}.", "Conversation avec {name}\u{a0}: {what}.";
            TriageSavedMany => plural("{count} conversation: {what}.", "{count} conversations: {what}."),
                plural("{count} conversation\u{a0}: {what}.", "{count} conversations\u{a0}: {what}.");
            DidDone => "done", "terminée";
            DidReopen => "reopened", "rouverte";
            DidWaitingOnUs => "to answer", "à traiter";
            DidWaitingOnThem => "waiting on them", "en attente d'eux";
            DidSnooze => "snoozed until {when}", "en pause jusqu'au {when}";
            DidPriority => "priority {priority}", "priorité {priority}";
            DidLabel => "label {label}", "étiquette {label}";
            DidUnlabel => "label {label} removed", "étiquette {label} retirée";
            DidAssign => "assigned to {name}", "attribuée à {name}";
            DidUnassign => "assigned to nobody", "attribuée à personne";
            SelectedCount => plural("{count} selected", "{count} selected"),
                plural("{count} sélectionnée", "{count} sélectionnées");
            ClearSelection => "Clear the selection", "Vider la sélection";
            SelectionActions => "With the selection", "Avec la sélection";
            ShortcutsButton => "Keyboard shortcuts", "Raccourcis clavier";
            ShortcutsTitle => "Keyboard shortcuts in the Inbox", "Raccourcis clavier de la boîte de réception";
            ShortcutsClose => "Close", "Fermer";
            KeyNext => "next conversation", "conversation suivante";
            KeyPrevious => "previous conversation", "conversation précédente";
            KeyOpen => "open or close it", "l'ouvrir ou la fermer";
            KeyDone => "mark it done (or the selection)", "la terminer (ou la sélection)";
            KeyLabel => "add a label", "ajouter une étiquette";
            KeySnooze => "snooze it", "la mettre en pause";
            KeyAssign => "assign it", "l'attribuer";
            KeySelect => "select it", "la sélectionner";
            KeyHelp => "show this list", "afficher cette liste";
            ReplyLabel => "Your reply to {name} on {network}", "Votre réponse à {name} sur {network}";
            ReplySend => "Send the reply", "Envoyer la réponse";
            ReplyQueued => "Reply to {name} saved: it goes out on {network} now, or as soon as you are online.",
                "Réponse à {name} enregistrée\u{a0}: elle part sur {network} maintenant, ou dès que vous êtes en ligne.";
            ReplyNotQueued => "The reply is saved but could not be put in the outbox. Try again from the Outbox.",
                "La réponse est enregistrée mais n'a pas pu entrer dans la file d'envoi. Réessayez depuis la file d'envoi.";
            ReplyYou => "You", "Vous";
            ReplySent => "sent", "envoyée";
            ReplyWaiting => "waiting to go out", "en attente d'envoi";
            ReplyStopped => "not sent: see the Outbox", "non envoyée\u{a0}: voir la file d'envoi";
            KeyReply => "reply", "répondre";
            SavedRepliesLabel => "Saved replies", "Réponses types";
            ReplyUnknownVariables => "Nothing was sent: Attaché does not know {variables}. Correct or remove it, then send again.",
                "Rien n'est parti\u{a0}: Attaché ne connaît pas {variables}. Corrigez-le ou retirez-le, puis renvoyez.";
            ReplyUnfilledVariables => "Nothing was sent: nothing fills {variables} in this conversation. Write it yourself, then send again.",
                "Rien n'est parti\u{a0}: rien ne remplit {variables} dans cette conversation. Écrivez-le vous-même, puis renvoyez.";
            KeysIgnoredInFields => "Shortcuts do nothing while you type in a field; Escape leaves the field.",
                "Les raccourcis ne font rien pendant la saisie dans un champ\u{a0}; Échap quitte le champ.";
            SavedViewsLabel => "Saved views", "Vues enregistrées";
            ChooseView => "Choose a view…", "Choisir une vue…";
            ViewNameLabel => "Name of this view", "Nom de cette vue";
            SaveView => "Save this view", "Enregistrer cette vue";
            DeleteView => "Delete the view “{name}”", "Supprimer la vue «\u{a0}{name}\u{a0}»";
            ViewAdded => "View “{name}” saved: choose it in Saved views to see these conversations again.",
                "Vue «\u{a0}{name}\u{a0}» enregistrée\u{a0}: choisissez-la dans Vues enregistrées pour retrouver ces conversations.";
            ViewReplaced => "View “{name}” updated with these filters.", "Vue «\u{a0}{name}\u{a0}» mise à jour avec ces filtres.";
            ViewDeleted => "View “{name}” deleted.", "Vue «\u{a0}{name}\u{a0}» supprimée.";
            ViewShown => "View “{name}”.", "Vue «\u{a0}{name}\u{a0}».";
            ViewNameEmpty => "Give the view a name.", "Donnez un nom à la vue.";
        }
    };
}
