//! The Accounts screen: connecting Mastodon (and compatibles) and Bluesky, disconnecting,
//! and what goes wrong while signing in.

macro_rules! accounts_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            AccountsIntro => "Connect the brand's accounts. Attaché talks to them straight from this browser; their keys stay on this device.",
                "Connectez les comptes de la marque. Attaché leur parle directement depuis ce navigateur\u{a0}; leurs clés restent sur cet appareil.";
            MastodonHeading => "Mastodon (and compatible servers)", "Mastodon (et serveurs compatibles)";
            InstanceLabel => "Your Mastodon server (for example mastodon.social)",
                "Votre serveur Mastodon (par exemple mastodon.social)";
            ConnectMastodon => "Connect", "Connecter";
            CheckingServer => "Checking the server…", "Vérification du serveur…";
            AccountConnected => "{handle} is connected.", "{handle} est connecté.";
            AccountsEmpty => "No account connected in this workspace yet.",
                "Aucun compte connecté dans cet espace pour l'instant.";
            DisconnectNamed => "Disconnect {handle}", "Déconnecter {handle}";
            Disconnect => "Disconnect", "Déconnecter";
            Disconnected => "{handle} is disconnected and its key was revoked.",
                "{handle} est déconnecté et sa clé a été révoquée.";
            DisconnectedNotRevoked => "{handle} is disconnected here, but the server could not be told: remove Attaché in that server's settings.",
                "{handle} est déconnecté ici, mais le serveur n'a pas pu être prévenu\u{a0}: retirez Attaché dans les réglages de ce serveur.";
            BadgeConnected => "connected", "connecté";
            BadgeReconnect => "sign in again", "reconnexion nécessaire";
            ErrInstanceEmpty => "Type the address of your server.", "Tapez l'adresse de votre serveur.";
            ErrInstanceInvalid => "This is not a server address.", "Ce n'est pas une adresse de serveur.";
            ErrInstanceInsecure => "Only secure (https) servers can be connected.",
                "Seuls les serveurs sécurisés (https) peuvent être connectés.";
            ErrNotMastodon => "This server does not answer like a Mastodon server.",
                "Ce serveur ne répond pas comme un serveur Mastodon.";
            ErrOffline => "You are offline: connect to the internet and try again.",
                "Vous êtes hors ligne\u{a0}: connectez-vous à internet et réessayez.";
            ErrUnreachable => "The server could not be reached. Check the address, or try again later.",
                "Le serveur est injoignable. Vérifiez l'adresse, ou réessayez plus tard.";
            ErrDenied => "The connection was refused on the server's page. Nothing was changed.",
                "La connexion a été refusée sur la page du serveur. Rien n'a changé.";
            ErrStateMismatch => "This sign-in is not one Attaché started, or it was already used. Start again from Accounts.",
                "Cette connexion n'a pas été lancée par Attaché, ou a déjà servi. Recommencez depuis Comptes.";
            ErrServerSaid => "The server said: {message}", "Le serveur a répondu\u{a0}: {message}";
            FinishingSignIn => "Finishing the connection…", "Connexion en cours…";
            BackToAccounts => "Back to accounts", "Retour aux comptes";
            BlueskyHeading => "Bluesky (or your own PDS)", "Bluesky (ou votre propre PDS)";
            BlueskyIntro => "Sign in with your handle and an app password, made in Bluesky under Settings → Privacy and security → App passwords. Never type your main password here.",
                "Connectez-vous avec votre identifiant et un mot de passe d'application, créé dans Bluesky sous Réglages → Confidentialité et sécurité → Mots de passe d'application. Ne tapez jamais votre mot de passe principal ici.";
            BlueskyOAuthIntro => "Sign in on your server's own page: Attaché never sees your password, and the server can end this access at any time.",
                "Connectez-vous sur la page de votre serveur\u{a0}: Attaché ne voit jamais votre mot de passe, et le serveur peut retirer cet accès à tout moment.";
            BlueskyOAuthButton => "Continue on my server's page", "Continuer sur la page de mon serveur";
            OpeningServerPage => "Opening your server's page…", "Ouverture de la page de votre serveur…";
            AppPasswordHeading => "Or with an app password (for servers without this sign-in)",
                "Ou avec un mot de passe d'application (pour les serveurs sans cette connexion)";
            ErrNoOAuth => "This server does not offer sign-in on its own page: use an app password below.",
                "Ce serveur ne propose pas la connexion sur sa propre page\u{a0}: utilisez un mot de passe d'application ci-dessous.";
            ErrLoopbackHost => "Open Attaché at http://127.0.0.1 rather than localhost to sign in this way: the server only sends you back there.",
                "Ouvrez Attaché à l'adresse http://127.0.0.1 plutôt que localhost pour vous connecter ainsi\u{a0}: le serveur ne renvoie que là.";
            BadgeOAuth => "signed in on its server's page", "connecté sur la page de son serveur";
            BadgeAppPassword => "app password", "mot de passe d'application";
            HandleLabel => "Handle (for example name.bsky.social)",
                "Identifiant (par exemple nom.bsky.social)";
            AppPasswordLabel => "App password", "Mot de passe d'application";
            BlueskyServerLabel => "Server, if you host your own (leave empty for bsky.social)",
                "Serveur, si vous hébergez le vôtre (laissez vide pour bsky.social)";
            CodeLabel => "Code received by e-mail (only if Bluesky asks)",
                "Code reçu par e-mail (seulement si Bluesky le demande)";
            ConnectBluesky => "Sign in to Bluesky", "Se connecter à Bluesky";
            SigningIn => "Signing in…", "Connexion…";
            ErrHandleInvalid => "Type a handle such as name.bsky.social.",
                "Tapez un identifiant comme nom.bsky.social.";
            ErrUnknownHandle => "No account has this handle on that server. Check the spelling.",
                "Aucun compte n'a cet identifiant sur ce serveur. Vérifiez l'orthographe.";
            ErrWrongPassword => "The handle is right but the password is not. Use an app password made in Bluesky's settings.",
                "L'identifiant est bon, mais pas le mot de passe. Utilisez un mot de passe d'application créé dans les réglages de Bluesky.";
            ErrCodeNeeded => "This account asks for the code Bluesky just sent by e-mail: type it in the code field and sign in again.",
                "Ce compte demande le code que Bluesky vient d'envoyer par e-mail\u{a0}: tapez-le dans le champ du code et reconnectez-vous.";
            ErrInactive => "This account is deactivated or suspended on its server.",
                "Ce compte est désactivé ou suspendu sur son serveur.";
            ErrTooManyTries => "Too many tries: wait a few minutes, then try again.",
                "Trop d'essais\u{a0}: attendez quelques minutes, puis réessayez.";
            DisconnectedEnded => "{handle} is disconnected and its session was ended.",
                "{handle} est déconnecté et sa session a été fermée.";
            DisconnectedNotEnded => "{handle} is disconnected here, but the server could not be told: delete the app password in Bluesky's settings.",
                "{handle} est déconnecté ici, mais le serveur n'a pas pu être prévenu\u{a0}: supprimez le mot de passe d'application dans les réglages de Bluesky.";
            HandOverHeading => "Scheduled posts Mastodon can keep", "Publications programmées que Mastodon peut garder";
            HandOverOffer => plural("{count} post is scheduled for Mastodon and waits here: the server can keep it and publish it on time, even with Attaché closed.", "{count} posts are scheduled for Mastodon and wait here: the server can keep them and publish them on time, even with Attaché closed."),
                plural("{count} publication est programmée pour Mastodon et attend ici\u{a0}: le serveur peut la garder et la publier à l'heure, même Attaché fermé.", "{count} publications sont programmées pour Mastodon et attendent ici\u{a0}: le serveur peut les garder et les publier à l'heure, même Attaché fermé.");
            HandOverButton => "Give them to Mastodon", "Les confier à Mastodon";
            HandedOver => plural("Mastodon now keeps {count} post and publishes it on time.", "Mastodon now keeps {count} posts and publishes them on time."),
                plural("Mastodon garde maintenant {count} publication et la publiera à l'heure.", "Mastodon garde maintenant {count} publications et les publiera à l'heure.");
            HandedOverPartly => plural("Mastodon keeps {held}; {count} post stays here, scheduled: {why}", "Mastodon keeps {held}; {count} posts stay here, scheduled: {why}"),
                plural("Mastodon en garde {held}\u{a0}; {count} publication reste ici, programmée\u{a0}: {why}", "Mastodon en garde {held}\u{a0}; {count} publications restent ici, programmées\u{a0}: {why}");
            CharsPerInstance => plural("Posts up to {count} character on this server.", "Posts up to {count} characters on this server."),
                plural("Publications jusqu'à {count} caractère sur ce serveur.", "Publications jusqu'à {count} caractères sur ce serveur.");
        }
    };
}
