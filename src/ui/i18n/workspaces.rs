//! The Workspaces screen (create, rename, delete, switch) and the notes kept from a share.

macro_rules! workspaces_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            WorkspacesIntro => "A workspace holds one brand or client: its posts, members and plans stay apart from the others.",
                "Un espace de travail contient une marque ou un client : ses publications, membres et plans restent séparés des autres.";
            WelcomeHeading => "Welcome to Attaché", "Bienvenue dans Attaché";
            WelcomeText => "Four short steps set up your desk: the brand, where it is, one objective and a first draft. Everything stays on this device.",
                "Quatre étapes courtes installent votre bureau\u{a0}: la marque, où elle est présente, un objectif et un premier brouillon. Tout reste sur cet appareil.";
            WelcomeOr => "Or simply name a workspace below.", "Ou nommez simplement un espace ci-dessous.";
            WorkspacesEmpty => "You have no workspace yet. Create one for your first brand or client.",
                "Vous n'avez pas encore d'espace. Créez-en un pour votre première marque ou votre premier client.";
            NewWorkspaceHeading => "New workspace", "Nouvel espace";
            NewWorkspaceLabel => "Name of the brand or client", "Nom de la marque ou du client";
            Create => "Create workspace", "Créer l'espace";
            CurrentBadge => "current", "actuel";
            SwitchTo => "Switch to", "Passer à";
            Rename => "Rename", "Renommer";
            RenameLabel => "New name for {name}", "Nouveau nom pour {name}";
            ConfirmDelete => "Delete “{name}” and everything in it? “Undo” is offered for 10 seconds after.",
                "Supprimer «\u{a0}{name}\u{a0}» et tout son contenu\u{a0}? «\u{a0}Annuler\u{a0}» reste proposé 10\u{a0}secondes après.";
            ConfirmDeleteYes => "Yes, delete", "Oui, supprimer";
            Created => "Workspace “{name}” created.", "Espace «\u{a0}{name}\u{a0}» créé.";
            Renamed => "Renamed to “{name}”.", "Renommé en «\u{a0}{name}\u{a0}».";
            Deleted => "Workspace “{name}” deleted.", "Espace «\u{a0}{name}\u{a0}» supprimé.";
            WorkspaceBack => "Workspace “{name}” is back, with everything in it.",
                "L'espace «\u{a0}{name}\u{a0}» est revenu, avec tout son contenu.";
            Switched => "Now working in “{name}”.", "Vous travaillez dans «\u{a0}{name}\u{a0}».";
            CreatedOn => "Created {date}", "Créé le {date}";
            NameEmpty => "Give the workspace a name.", "Donnez un nom à l'espace.";
            NameTooLong => "Keep the name to 60 characters or fewer.",
                "Le nom doit faire 60 caractères au plus.";
            NameControl => "The name contains an invisible control character. Type it again.",
                "Le nom contient un caractère de contrôle invisible. Retapez-le.";
            NameTaken => "Another workspace already has this name.", "Un autre espace porte déjà ce nom.";
            NotesIntro => "Links and ideas kept for later in this workspace. Share a page to Attaché from your browser or phone to add one.",
                "Liens et idées gardés pour plus tard dans cet espace. Partagez une page vers Attaché depuis votre navigateur ou téléphone pour en ajouter.";
            NotesEmpty => "No notes in this workspace yet.", "Aucune note dans cet espace pour l'instant.";
            NotesCount => plural("{shown} of {count} note, newest first.", "{shown} of {count} notes, newest first."),
                plural("{shown} note sur {count}, la plus récente d'abord.", "{shown} notes sur {count}, les plus récentes d'abord.");
            NoWorkspaceYet => "Create a workspace first: notes belong to a workspace.",
                "Créez d'abord un espace\u{a0}: les notes appartiennent à un espace.";
            SharedKept => "Kept as a note in “{name}”.", "Gardé comme note dans «\u{a0}{name}\u{a0}».";
            SharedNothing => "Nothing was shared: the share had no title, text or link.",
                "Rien n'a été partagé\u{a0}: le partage n'avait ni titre, ni texte, ni lien.";
            NoteDeleted => "Note deleted.", "Note supprimée.";
            DeleteNote => "Delete note", "Supprimer la note";
            Untitled => "(untitled)", "(sans titre)";
        }
    };
}
