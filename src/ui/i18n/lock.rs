//! The passphrase lock: the lock screen, Settings → Security, and the suggestion to set one.

macro_rules! lock_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            ErrLocked => "Attaché is locked: unlock it to go on",
                "Attaché est verrouillé\u{a0}: déverrouillez-le pour continuer";
            LockedHeading => "Attaché is locked", "Attaché est verrouillé";
            LockedIntro => "Your accounts' keys are encrypted on this device. Type your passphrase to open them again. Nothing is sent while the app is locked; the posts waiting go out once it is unlocked.",
                "Les clés de vos comptes sont chiffrées sur cet appareil. Tapez votre phrase secrète pour les rouvrir. Rien n'est envoyé tant que l'application est verrouillée\u{a0}; les publications en attente partent dès qu'elle est déverrouillée.";
            Passphrase => "Passphrase", "Phrase secrète";
            Unlock => "Unlock", "Déverrouiller";
            Unlocking => "Opening…", "Ouverture…";
            LockWrong => "That is not the passphrase. Nothing was changed.",
                "Ce n'est pas la phrase secrète. Rien n'a été modifié.";
            LockWait => "Too many wrong tries. You can try again at {time}.",
                "Trop d'essais incorrects. Vous pourrez réessayer à {time}.";
            LockForgotten => "Forgotten your passphrase?", "Phrase secrète oubliée\u{a0}?";
            LockForgottenText => "It cannot be recovered: nobody, not even us, can open the encrypted keys without it. If you exported your data while the app was unlocked, you can erase this device's data, then import that file and connect your accounts again.",
                "Elle ne peut pas être retrouvée\u{a0}: personne, pas même nous, ne peut ouvrir les clés chiffrées sans elle. Si vous avez exporté vos données quand l'application était déverrouillée, vous pouvez effacer les données de cet appareil, puis importer ce fichier et reconnecter vos comptes.";
            LockEraseConfirm => "I understand that everything Attaché keeps on this device will be erased",
                "Je comprends que tout ce qu'Attaché garde sur cet appareil sera effacé";
            LockErase => "Erase this device's data", "Effacer les données de cet appareil";
            LockEraseFailed => "The data could not be erased: {error}", "Les données n'ont pas pu être effacées\u{a0}: {error}";
            SecurityHeading => "Security", "Sécurité";
            EverythingHeading => "Encrypt everything", "Tout chiffrer";
            EverythingOffText => "Now only your accounts' keys are encrypted. Encrypt everything to protect your posts, messages, members, notes and drafts too: someone opening this browser's storage would see only ids and dates. Your posts' images stay as they are.",
                "Pour l'instant, seules les clés de vos comptes sont chiffrées. Chiffrez tout pour protéger aussi vos publications, messages, membres, notes et brouillons\u{a0}: quelqu'un qui ouvrirait le stockage de ce navigateur ne verrait que des identifiants et des dates. Les images de vos publications restent telles quelles.";
            EverythingOnText => "Everything Attaché keeps on this device is encrypted, except your posts' images: while it is locked, nothing can be read.",
                "Tout ce qu'Attaché garde sur cet appareil est chiffré, sauf les images de vos publications\u{a0}: tant qu'il est verrouillé, rien ne peut être lu.";
            EverythingTurnOn => "Encrypt everything", "Tout chiffrer";
            EverythingTurnOff => "Encrypt only the accounts' keys", "Ne chiffrer que les clés des comptes";
            EverythingWorking => "Writing everything again: {count} so far…", "Tout est réécrit\u{a0}: {count} jusqu'ici…";
            EverythingDone => "Everything is encrypted: {count} records written again.",
                "Tout est chiffré\u{a0}: {count} éléments réécrits.";
            EverythingUndone => "Only your accounts' keys are encrypted now: {count} records written again in the clear.",
                "Seules les clés de vos comptes sont chiffrées désormais\u{a0}: {count} éléments réécrits en clair.";
            EverythingFailed => "This stopped midway: {error} Nothing was lost, and everything can still be read. Try again to finish.",
                "Ceci s'est arrêté en cours de route\u{a0}: {error} Rien n'a été perdu, et tout reste lisible. Réessayez pour terminer.";
            SecurityOffIntro => "Your accounts' keys are kept on this device in the clear: anyone using this computer could post as the brand. A passphrase encrypts them; you type it when you open Attaché, and after a time away.",
                "Les clés de vos comptes sont gardées sur cet appareil en clair\u{a0}: quiconque utilise cet ordinateur pourrait publier au nom de la marque. Une phrase secrète les chiffre\u{a0}; vous la tapez en ouvrant Attaché, et après une absence.";
            SecurityOnIntro => "A passphrase protects your accounts' keys on this device.",
                "Une phrase secrète protège les clés de vos comptes sur cet appareil.";
            NewPassphrase => "New passphrase (10 characters at least)", "Nouvelle phrase secrète (10 caractères au moins)";
            ConfirmPassphrase => "The same passphrase again", "La même phrase secrète, encore";
            CurrentPassphrase => "Current passphrase", "Phrase secrète actuelle";
            PassphraseTooShort => "A passphrase needs 10 characters at least.", "Une phrase secrète compte 10 caractères au moins.";
            PassphraseMismatch => "The two passphrases are not the same.", "Les deux phrases secrètes ne sont pas identiques.";
            PassphraseNoRecovery => "Write it down somewhere safe: a forgotten passphrase cannot be recovered.",
                "Notez-la en lieu sûr\u{a0}: une phrase secrète oubliée ne peut pas être retrouvée.";
            LockTurnOn => "Set the passphrase", "Définir la phrase secrète";
            LockTurnedOn => "The passphrase is set: your accounts' keys are encrypted.",
                "La phrase secrète est définie\u{a0}: les clés de vos comptes sont chiffrées.";
            LockIdle => "Lock after", "Verrouiller après";
            LockIdleMinutes => plural("{count} minute without activity", "{count} minutes without activity"),
                plural("{count} minute sans activité", "{count} minutes sans activité");
            LockIdleNever => "Never on its own", "Jamais de lui-même";
            LockIdleSaved => "Saved.", "Enregistré.";
            LockNow => "Lock now", "Verrouiller maintenant";
            LockChange => "Change the passphrase", "Changer la phrase secrète";
            LockChanged => "The passphrase is changed.", "La phrase secrète est changée.";
            LockTurnOff => "Remove the passphrase", "Retirer la phrase secrète";
            LockTurnOffText => "Your accounts' keys will be kept in the clear again.",
                "Les clés de vos comptes seront de nouveau gardées en clair.";
            LockTurnedOff => "The passphrase is removed: your accounts' keys are kept in the clear.",
                "La phrase secrète est retirée\u{a0}: les clés de vos comptes sont gardées en clair.";
            LockSuggest => "Your accounts' keys are kept in the clear on this device. Set a passphrase to encrypt them:",
                "Les clés de vos comptes sont gardées en clair sur cet appareil. Définissez une phrase secrète pour les chiffrer\u{a0}:";
            ExportPassphrase => "Your passphrase, to encrypt the file", "Votre phrase secrète, pour chiffrer le fichier";
            SaveEncrypted => "Save the file encrypted", "Enregistrer le fichier chiffré";
            ExportClearConfirm => "Save it in the clear instead: I understand that anyone who gets the file can read it",
                "L'enregistrer plutôt en clair\u{a0}: je comprends que quiconque obtient le fichier peut le lire";
            SaveInClear => "Save the file in the clear", "Enregistrer le fichier en clair";
            ImportEncrypted => "This file is encrypted. Type the passphrase it was saved with.",
                "Ce fichier est chiffré. Tapez la phrase secrète avec laquelle il a été enregistré.";
            ImportPassphrase => "The file's passphrase", "La phrase secrète du fichier";
            ImportOpen => "Open the file", "Ouvrir le fichier";
            ImportWrongPassphrase => "That passphrase does not open this file. Nothing was changed.",
                "Cette phrase secrète n'ouvre pas ce fichier. Rien n'a été modifié.";
            LockSuggestLink => "Settings → Security", "Réglages → Sécurité";
        }
    };
}
