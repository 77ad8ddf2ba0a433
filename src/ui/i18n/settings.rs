//! The Settings screen: language, appearance, dates and numbers, storage on this device,
//! export and import (with the counts of workspaces and notes they carry).

macro_rules! settings_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            SettingsIntro => "These settings stay on this device.",
                "Ces réglages restent sur cet appareil.";
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
            FormatsExample => "Dates and numbers follow the language chosen above: today is written {today}, and a large number {number}.",
                "Les dates et les nombres suivent la langue choisie ci-dessus\u{a0}: aujourd'hui s'écrit {today}, et un grand nombre {number}.";
            StorageHeading => "Storage on this device", "Stockage sur cet appareil";
            StorageUse => "{used} used of {available} available.",
                "{used} utilisés sur {available} disponibles.";
            StoragePersisted => "The browser will keep this data even when disk space runs low.",
                "Le navigateur conservera ces données même si l'espace disque manque.";
            StorageNotPersisted => "The browser may clear this data if the disk gets full: export a copy regularly.",
                "Le navigateur peut effacer ces données si le disque se remplit\u{a0}: exportez une copie régulièrement.";
            StorageLow => "Storage is nearly full. Export your data, then delete what you no longer need.",
                "Le stockage est presque plein. Exportez vos données, puis supprimez ce qui ne sert plus.";
            StorageUnknown => "This browser does not say how much space is left.",
                "Ce navigateur n'indique pas l'espace restant.";
            LeaderThis => "This tab runs the background work (sending, syncing).",
                "Cet onglet fait le travail de fond (envoi, synchronisation).";
            LeaderOther => "Another Attaché tab runs the background work.",
                "Un autre onglet d'Attaché fait le travail de fond.";
            DataHeading => "Export and import", "Exporter et importer";
            DataIntro => "An export is one file with everything, to keep a copy or to move to another computer.",
                "Un export est un seul fichier avec tout, pour garder une copie ou changer d'ordinateur.";
            ExportAll => "Export everything", "Tout exporter";
            ExportWorkspace => "Export “{name}”", "Exporter «\u{a0}{name}\u{a0}»";
            Exported => "Exported to {file}.", "Exporté dans {file}.";
            ExportReady => plural("“{file}” is ready: {size}, with {count} image. Nothing is written until you save it.", "“{file}” is ready: {size}, with {count} images. Nothing is written until you save it."),
                plural("«\u{a0}{file}\u{a0}» est prêt\u{a0}: {size}, avec {count} image. Rien n'est écrit avant que vous l'enregistriez.", "«\u{a0}{file}\u{a0}» est prêt\u{a0}: {size}, avec {count} images. Rien n'est écrit avant que vous l'enregistriez.");
            SaveExport => "Save the file", "Enregistrer le fichier";
            ImportLabel => "Import a file", "Importer un fichier";
            ImportHint => "A full export replaces everything once you confirm; a workspace export is added as a new workspace.",
                "Un export complet remplace tout après confirmation\u{a0}; l'export d'un espace est ajouté comme nouvel espace.";
            ImportChecking => "Checking the file…", "Vérification du fichier…";
            ImportUnreadable => "This file could not be read. Nothing was changed.",
                "Ce fichier n'a pas pu être lu. Rien n'a été modifié.";
            ImportNotJson => "This file is not valid JSON (line {line}, column {column}). Nothing was changed.",
                "Ce fichier n'est pas du JSON valide (ligne {line}, colonne {column}). Rien n'a été modifié.";
            ImportNotBackup => "This file is not an Attaché export. Nothing was changed.",
                "Ce fichier n'est pas un export d'Attaché. Rien n'a été modifié.";
            ImportNewer => "This file comes from a newer version of Attaché (format {format}). Update the app, then try again. Nothing was changed.",
                "Ce fichier vient d'une version plus récente d'Attaché (format {format}). Mettez l'application à jour, puis réessayez. Rien n'a été modifié.";
            ImportProblems => plural("This file has {count} problem, so nothing was changed:", "This file has {count} problems, so nothing was changed:"),
                plural("Ce fichier a {count} problème, donc rien n'a été modifié\u{a0}:", "Ce fichier a {count} problèmes, donc rien n'a été modifié\u{a0}:");
            ImportMoreProblems => plural("…and {count} more.", "…and {count} more."),
                plural("…et {count} de plus.", "…et {count} de plus.");
            ProblemMissing => "missing", "manquant";
            ProblemWrongType => "should be {type}", "devrait être {type}";
            TypeText => "text", "du texte";
            TypeNumber => "a number", "un nombre";
            TypeList => "a list", "une liste";
            TypeObject => "an object", "un objet";
            ProblemDuplicate => "the id “{id}” is used twice",
                "l'identifiant «\u{a0}{id}\u{a0}» est utilisé deux fois";
            ProblemUnknownWorkspace => "refers to a workspace that is not in the file (“{id}”)",
                "renvoie à un espace absent du fichier («\u{a0}{id}\u{a0}»)";
            ProblemUnknownPost => "is an image of a post that is not in the file (“{id}”)",
                "est une image d'une publication absente du fichier («\u{a0}{id}\u{a0}»)";
            ProblemBadValue => "has a value that is not allowed", "a une valeur non autorisée";
            ConfirmReplace => "This file replaces everything on this device: {workspaces_now} and {notes_now} now, by {workspaces_file} and {notes_file} from the file.",
                "Ce fichier remplace tout sur cet appareil\u{a0}: {workspaces_now} et {notes_now} actuels, par {workspaces_file} et {notes_file} du fichier.";
            ExportFirst => "Export what will be replaced", "Exporter ce qui sera remplacé";
            ReplaceEverything => "Replace everything", "Tout remplacer";
            ConfirmAddWorkspace => "Add the workspace “{name}” with {notes}?",
                "Ajouter l'espace «\u{a0}{name}\u{a0}» avec {notes}\u{a0}?";
            AddWorkspace => "Add workspace", "Ajouter l'espace";
            AddWorkspaceMembers => plural(
                "It brings what was kept about {count} member (notes, tags, fields): they show on People once its accounts are connected here and have synced.",
                "It brings what was kept about {count} members (notes, tags, fields): they show on People once its accounts are connected here and have synced."),
                plural(
                "Il apporte ce qui était noté sur {count} membre (notes, étiquettes, champs)\u{a0}: il apparaît dans Membres une fois ses comptes connectés ici et synchronisés.",
                "Il apporte ce qui était noté sur {count} membres (notes, étiquettes, champs)\u{a0}: ils apparaissent dans Membres une fois ses comptes connectés ici et synchronisés.");
            Importing => "Importing…", "Importation…";
            ImportedAll => "Import done: {workspaces} and {notes}.",
                "Importation terminée\u{a0}: {workspaces} et {notes}.";
            ImportedWorkspace => "Workspace “{name}” added with {notes}.",
                "Espace «\u{a0}{name}\u{a0}» ajouté avec {notes}.";
            ImportFailed => "The import failed: {reason}. Nothing was changed.",
                "L'importation a échoué\u{a0}: {reason}. Rien n'a été modifié.";
            WorkspaceCount => plural("{count} workspace", "{count} workspaces"),
                plural("{count} espace", "{count} espaces");
            NoteCount => plural("{count} note", "{count} notes"),
                plural("{count} note", "{count} notes");
        }
    };
}
