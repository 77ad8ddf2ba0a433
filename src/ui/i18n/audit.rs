//! The health audit's rules as the user reads them: for each, a title, why it matters and how
//! to fix it (the rules themselves are in `domain/audit.rs`). French puts a no-break space
//! (U+00A0) before `:` `;` `?` `!` and `%`, and inside « ».

macro_rules! audit_messages {
    ([$next:ident $($rest:ident)*] $($done:tt)*) => {
        $next! {
            [$($rest)*] $($done)*
            AuditHidingTitle => "Show who you are",
                "Montrez qui vous êtes";
            AuditHidingWhy => "People talk more easily to a person than to a logo. When the community knows who \
                     answers, contact is open and easy.",
                "On parle plus facilement à une personne qu'à un logo. Quand la communauté sait qui \
                     lui répond, le contact est plus ouvert et plus simple.";
            AuditHidingFix => "Add a signature in the Library (your first name or initials), and give every \
                     connected account a display name on its network.",
                "Ajoutez une signature dans la Bibliothèque (votre prénom ou vos initiales) et \
                     donnez un nom affiché à chaque compte connecté, sur son réseau.";
            AuditNeglectingTitle => "Post regularly",
                "Publiez régulièrement";
            AuditNeglectingWhy => "A network left silent for weeks looks abandoned, and people stop expecting \
                     anything from it.",
                "Un réseau muet pendant des semaines semble abandonné\u{a0}: plus personne n'en \
                     attend rien.";
            AuditNeglectingFix => "Write a post for each quiet network, or plan a rhythm you can keep in your \
                     objectives (posts per week).",
                "Écrivez une publication pour chaque réseau silencieux, ou fixez dans vos objectifs \
                     un rythme que vous pouvez tenir (publications par semaine).";
            AuditOnlyCreatingTitle => "Answer your community",
                "Répondez à votre communauté";
            AuditOnlyCreatingWhy => "Gathering people is not enough: those who write to you and get no answer stop \
                     writing.",
                "Réunir du monde ne suffit pas\u{a0}: ceux qui vous écrivent sans recevoir de \
                     réponse finissent par se taire.";
            AuditOnlyCreatingFix => "Open the Inbox and answer the messages waiting there: a thank-you, an answer, a \
                     question back. Aim for at least one reply for every ten posts.",
                "Ouvrez les Messages et répondez à ceux qui attendent\u{a0}: un merci, une réponse, \
                     une question en retour. Visez au moins une réponse pour dix publications.";
            AuditOnlyAnimatingTitle => "Grow your community",
                "Faites grandir votre communauté";
            AuditOnlyAnimatingWhy => "Keeping the same people busy is not enough: a community that welcomes nobody new \
                     slowly wears out.",
                "Animer toujours les mêmes personnes ne suffit pas\u{a0}: une communauté qui \
                     n'accueille personne de nouveau s'use peu à peu.";
            AuditOnlyAnimatingFix => "Write posts people want to share, invite your readers to follow you, and be \
                     present where your personas are.",
                "Écrivez des publications que l'on a envie de partager, invitez vos lecteurs à vous \
                     suivre et soyez présent là où se trouvent vos personas.";
            AuditCannedStrategyTitle => "Write a strategy of your own",
                "Écrivez votre propre stratégie";
            AuditCannedStrategyWhy => "A ready-made strategy fits nobody. Yours starts from your brand's mission, what \
                     you want to reach and who you speak to.",
                "Une stratégie toute faite ne convient à personne. La vôtre part de la mission de \
                     votre marque, de ce que vous voulez atteindre et des personnes à qui vous parlez.";
            AuditCannedStrategyFix => "On the Strategy page, write the mission, add at least one objective and describe \
                     at least one persona.",
                "Sur la page Stratégie, écrivez la mission, ajoutez au moins un objectif et \
                     décrivez au moins un persona.";
            AuditStagnatingTitle => "Take stock regularly",
                "Faites le point régulièrement";
            AuditStagnatingWhy => "Networks and communities change fast. Looking at your results and updating your \
                     strategy is how you keep up.",
                "Les réseaux et les communautés changent vite. Regarder vos résultats et mettre à \
                     jour votre stratégie, c'est ce qui vous permet de suivre.";
            AuditStagnatingFix => "Look at your objectives' progress at least once a month, and review and save your \
                     strategy at least every three months.",
                "Regardez où en sont vos objectifs au moins une fois par mois, et relisez puis \
                     enregistrez votre stratégie au moins tous les trois mois.";
        }
    };
}
