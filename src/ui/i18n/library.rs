//! The Library: snippets, campaigns and their colours, posting slots.

macro_rules! library_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            LibraryIntro => "Reusable pieces for your posts (signatures, hashtag sets, standard answers), the campaigns you tag posts with, and your posting slots.",
                "Des morceaux réutilisables pour vos publications (signatures, lots de hashtags, réponses types), les campagnes qui classent vos publications, et vos créneaux de publication.";
            SnippetsHeading => "Snippets", "Extraits";
            SnippetKindLabel => "Kind", "Type";
            KindSignature => "Signature", "Signature de fin";
            KindHashtags => "Hashtag set", "Lot de hashtags";
            KindAnswer => "Standard answer", "Réponse type";
            SnippetCode => "Short code", "Code court";
            SnippetCodeHint => "In a reply in the Inbox, type / and this code to insert the answer (letters, digits and -). Variables: {variables}.",
                "Dans une réponse de la boîte de réception, tapez / et ce code pour insérer la réponse (lettres, chiffres et -). Variables\u{a0}: {variables}.";
            SnippetLanguage => "Language of the answer", "Langue de la réponse";
            CodeEmpty => "Give the answer a short code, to call it with / in a reply.", "Donnez un code court à la réponse, pour l'appeler avec / dans une réponse.";
            CodeTooLong => "The short code is too long: 24 characters at most.", "Le code court est trop long\u{a0}: 24 caractères au plus.";
            CodeBadCharacter => "The short code takes only letters without accents, digits and -.", "Le code court ne prend que des lettres sans accent, des chiffres et -.";
            CodeTaken => "Another answer in this language already has this short code.", "Une autre réponse dans cette langue a déjà ce code court.";
            KindOther => "Other", "Autre";
            SnippetTitle => "Title", "Titre";
            SnippetText => "Text", "Texte";
            HashtagHint => "For a hashtag set, separate the tags with commas or new lines: the # is added for you.",
                "Pour un lot de hashtags, séparez-les par des virgules ou des retours à la ligne\u{a0}: le # est ajouté pour vous.";
            AddSnippet => "Add the snippet", "Ajouter l'extrait";
            SnippetAdded => "Snippet “{title}” added.", "Extrait «\u{a0}{title}\u{a0}» ajouté.";
            SnippetsEmpty => "No snippet yet.", "Aucun extrait pour l'instant.";
            ItemDeleted => "“{name}” deleted.", "«\u{a0}{name}\u{a0}» supprimé.";
            DeleteNamed => "Delete “{name}”", "Supprimer «\u{a0}{name}\u{a0}»";
            CampaignsHeading => "Campaigns", "Campagnes";
            CampaignName => "Campaign name", "Nom de la campagne";
            CampaignColour => "Colour", "Couleur";
            AddCampaign => "Add the campaign", "Ajouter la campagne";
            CampaignAdded => "Campaign “{name}” added.", "Campagne «\u{a0}{name}\u{a0}» ajoutée.";
            CampaignsEmpty => "No campaign yet.", "Aucune campagne pour l'instant.";
            ColourBlue => "Blue", "Bleu";
            ColourGreen => "Green", "Vert";
            ColourRed => "Red", "Rouge";
            ColourPurple => "Purple", "Violet";
            ColourOchre => "Ochre", "Ocre";
            ColourTeal => "Teal", "Bleu canard";
            ColourPink => "Pink", "Rose";
            ColourGrey => "Grey", "Gris";
            LibEmpty => "Write something first.", "Écrivez d'abord quelque chose.";
            LibTooLong => "This is too long.", "C'est trop long.";
            LibBadColour => "Choose a colour.", "Choisissez une couleur.";
            LibTaken => "A campaign already has this name.", "Une campagne porte déjà ce nom.";
            SlotsHeading => "Posting slots", "Créneaux de publication";
            SlotsIntro => "“Add to queue” in the composer puts a post in the next free slot. Times are in your time zone.",
                "«\u{a0}Ajouter à la file\u{a0}» dans l'éditeur place une publication dans le prochain créneau libre. Les heures sont dans votre fuseau horaire.";
            SlotDay => "Day", "Jour";
            SlotTime => "Time", "Heure";
            AddSlot => "Add the slot", "Ajouter le créneau";
            SlotAdded => "Slot added: {slot}.", "Créneau ajouté\u{a0}: {slot}.";
            SlotExists => "This slot already exists.", "Ce créneau existe déjà.";
            SlotsEmpty => "No posting slot yet.", "Aucun créneau pour l'instant.";
            SlotRemoved => "Slot removed: {slot}.", "Créneau retiré\u{a0}: {slot}.";
        }
    };
}
