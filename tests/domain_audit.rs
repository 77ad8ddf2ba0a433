//! The health audit: each of the seed's mistakes passing, failing with its numbers, or
//! lacking data; the order of findings, the score, and the words shown in both languages.

use attache::domain::account::{Account, AccountStatus};
use attache::domain::audit::{run, score, AuditInput, Detail, Finding, Gap, Rule, Verdict};
use attache::domain::inbox::{InboxItem, MetricSnapshot};
use attache::domain::network::Network;
use attache::domain::objectives::{Metric, Objective};
use attache::domain::post::{Post, Publication, Variant};
use attache::domain::strategy::{Persona, Strategy};

const DAY: f64 = 86_400_000.0;
const WEEK: f64 = 7.0 * DAY;
const NOW: f64 = 1_800_000_000_000.0;

fn ago(days: f64) -> f64 {
    NOW - days * DAY
}

fn account(network: Network, display_name: &str, connected_days_ago: f64) -> Account {
    let handle = format!("@lea-{}", network.name().to_lowercase());
    Account {
        id: format!("{}:https://example.org:1", network.name()),
        workspace_id: "w".into(),
        network,
        instance: "https://example.org".into(),
        remote_id: "1".into(),
        url: format!("https://example.org/{handle}"),
        handle,
        display_name: display_name.into(),
        avatar: String::new(),
        token: String::new(),
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: ago(connected_days_ago),
        oauth: None,
    }
}

/// A post whose variant on each of `networks` went out at `at`.
fn published_at(networks: &[Network], at: f64) -> Post {
    let mut post = Post::new("p".into(), "w".into(), at - DAY);
    post.variants = networks
        .iter()
        .map(|&n| Variant {
            published: Some(Publication {
                at,
                url: String::new(),
            }),
            ..Variant::new(n)
        })
        .collect();
    post
}

fn published(network: Network, days_ago: f64) -> Post {
    published_at(&[network], ago(days_ago))
}

fn draft(network: Network, created_days_ago: f64) -> Post {
    let mut post = Post::new("d".into(), "w".into(), ago(created_days_ago));
    post.variants = vec![Variant::new(network)];
    post
}

fn message(days_ago: f64) -> InboxItem {
    InboxItem {
        id: "i".into(),
        workspace_id: "w".into(),
        account_id: "a".into(),
        network: Network::Mastodon,
        author_name: "Sam".into(),
        author_handle: "@sam@example.org".into(),
        author_url: String::new(),
        html: "<p>Bonjour</p>".into(),
        text: String::new(),
        links: vec![],
        spoiler: String::new(),
        at: ago(days_ago),
        url: String::new(),
        in_reply_to: None,
        post_id: None,
        remote_id: String::new(),
        cid: String::new(),
        thread_root: None,
        thread_root_cid: None,
        visibility: String::new(),
        mentions: vec![],
        answered_at: None,
        profile: Default::default(),
    }
}

fn answered(days_ago: f64, answered_days_ago: f64) -> InboxItem {
    InboxItem {
        answered_at: Some(ago(answered_days_ago)),
        ..message(days_ago)
    }
}

fn followers(account_id: &str, days_ago: f64, count: u64) -> MetricSnapshot {
    MetricSnapshot {
        followers: count,
        ..MetricSnapshot::account("w", account_id, ago(days_ago))
    }
}

fn objective(metric: Metric, target: f64, created_days_ago: f64) -> Objective {
    Objective {
        id: "o".into(),
        metric,
        target,
        deadline: NOW + 30.0 * DAY,
        owner: "Léa".into(),
        created_at: ago(created_days_ago),
    }
}

fn posts_per_week(network: Network, target: f64) -> Objective {
    objective(Metric::PostsPerWeek { network }, target, 5.0)
}

fn strategy(saved_days_ago: f64) -> Strategy {
    Strategy {
        mission: "Help neighbours repair instead of throwing away.".into(),
        objectives: vec![objective(
            Metric::Followers {
                network: Network::Mastodon,
            },
            500.0,
            50.0,
        )],
        personas: vec![Persona {
            id: "p".into(),
            name: "Retired tinkerer".into(),
            needs: String::new(),
            where_found: String::new(),
            expects: String::new(),
        }],
        updated_at: ago(saved_days_ago),
        ..Default::default()
    }
}

/// A workspace's records, owned, so each test changes only what it is about.
struct World {
    strategy: Option<Strategy>,
    accounts: Vec<Account>,
    posts: Vec<Post>,
    inbox: Vec<InboxItem>,
    snapshots: Vec<MetricSnapshot>,
    last_report_viewed: Option<f64>,
    signature: Option<String>,
}

impl World {
    /// A practice that passes every rule: ten Mastodon posts in ten days, two messages answered.
    fn healthy() -> World {
        World {
            strategy: Some(strategy(10.0)),
            accounts: vec![account(Network::Mastodon, "Léa (Repair Café)", 60.0)],
            posts: (1..=10)
                .map(|d| published(Network::Mastodon, d as f64))
                .collect(),
            inbox: vec![message(1.0), answered(3.0, 2.0), answered(5.0, 4.0)],
            snapshots: vec![followers("a", 20.0, 100), followers("a", 1.0, 120)],
            last_report_viewed: Some(ago(3.0)),
            signature: Some("— Léa".into()),
        }
    }

    /// Nothing at all: a workspace just created.
    fn empty() -> World {
        World {
            strategy: None,
            accounts: vec![],
            posts: vec![],
            inbox: vec![],
            snapshots: vec![],
            last_report_viewed: None,
            signature: None,
        }
    }

    fn audit(&self) -> Vec<Finding> {
        run(&AuditInput {
            now: NOW,
            strategy: self.strategy.as_ref(),
            accounts: &self.accounts,
            posts: &self.posts,
            inbox: &self.inbox,
            follower_snapshots: &self.snapshots,
            last_report_viewed: self.last_report_viewed,
            signature: self.signature.as_deref(),
        })
    }

    fn verdict(&self, rule: Rule) -> Verdict {
        self.audit()
            .into_iter()
            .find(|f| f.rule == rule)
            .map(|f| f.verdict)
            .expect("every rule is judged")
    }
}

// ── 1. Hiding ──────────────────────────────────────────────────────────────────────────────

#[test]
fn a_signature_and_named_accounts_show_who_answers() {
    assert_eq!(World::healthy().verdict(Rule::Hiding), Verdict::Pass);
}

#[test]
fn no_signature_or_a_blank_one_is_hiding() {
    for signature in [None, Some("  \n".to_string())] {
        let w = World {
            signature,
            ..World::healthy()
        };
        assert_eq!(
            w.verdict(Rule::Hiding),
            Verdict::Fail(Detail::Hiding {
                no_signature: true,
                unnamed_accounts: vec![],
            })
        );
    }
}

#[test]
fn an_account_without_a_display_name_is_named_by_its_handle() {
    let mut w = World::healthy();
    w.accounts.push(account(Network::Bluesky, " ", 30.0));
    assert_eq!(
        w.verdict(Rule::Hiding),
        Verdict::Fail(Detail::Hiding {
            no_signature: false,
            unnamed_accounts: vec!["@lea-bluesky".into()],
        })
    );
}

#[test]
fn hiding_is_judged_even_without_any_account() {
    let w = World {
        signature: Some("Léa".into()),
        ..World::empty()
    };
    assert_eq!(w.verdict(Rule::Hiding), Verdict::Pass);
    assert!(matches!(
        World::empty().verdict(Rule::Hiding),
        Verdict::Fail(_)
    ));
}

// ── 2. Neglecting ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_network_posted_on_yesterday_is_not_neglected() {
    assert_eq!(World::healthy().verdict(Rule::Neglecting), Verdict::Pass);
}

#[test]
fn without_an_objective_one_post_a_week_is_expected_and_exactly_two_weeks_still_passes() {
    let mut w = World::healthy();
    w.posts = vec![published_at(&[Network::Mastodon], NOW - 2.0 * WEEK)];
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::Pass);
    w.posts = vec![published_at(&[Network::Mastodon], NOW - 2.0 * WEEK - 1.0)];
    assert_eq!(
        w.verdict(Rule::Neglecting),
        Verdict::Fail(Detail::Neglecting {
            networks: vec![Gap {
                network: Network::Mastodon,
                days: 14,
                per_week: 1.0,
                ever_published: true,
            }],
        })
    );
}

#[test]
fn a_posts_per_week_objective_sets_the_cadence_and_the_highest_target_wins() {
    let mut w = World::healthy();
    let s = w.strategy.as_mut().unwrap();
    s.objectives.push(posts_per_week(Network::Mastodon, 2.0));
    s.objectives.push(posts_per_week(Network::Mastodon, 3.0));
    // three a week: one every 2⅓ days, so more than 4⅔ days of silence fails
    let limit = 2.0 * WEEK / 3.0;
    w.posts = vec![published_at(&[Network::Mastodon], NOW - limit)];
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::Pass);
    w.posts = vec![published(Network::Mastodon, 5.0)];
    assert_eq!(
        w.verdict(Rule::Neglecting),
        Verdict::Fail(Detail::Neglecting {
            networks: vec![Gap {
                network: Network::Mastodon,
                days: 5,
                per_week: 3.0,
                ever_published: true,
            }],
        })
    );
}

#[test]
fn only_the_quiet_networks_are_listed_in_network_order() {
    let mut w = World::healthy();
    w.accounts.push(account(Network::Bluesky, "Léa", 60.0));
    w.accounts.push(account(Network::X, "Léa", 60.0));
    w.posts.push(published(Network::X, 20.0));
    w.posts.push(published(Network::Bluesky, 30.0));
    let Verdict::Fail(Detail::Neglecting { networks }) = w.verdict(Rule::Neglecting) else {
        panic!("Bluesky and X are quiet");
    };
    let listed: Vec<_> = networks.iter().map(|g| (g.network, g.days)).collect();
    assert_eq!(listed, vec![(Network::Bluesky, 30), (Network::X, 20)]);
}

#[test]
fn a_connected_account_never_posted_on_fails_once_its_grace_is_over() {
    let mut w = World::healthy();
    w.accounts.push(account(Network::Bluesky, "Léa", 10.0));
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::Pass);
    w.accounts[1] = account(Network::Bluesky, "Léa", 20.0);
    assert_eq!(
        w.verdict(Rule::Neglecting),
        Verdict::Fail(Detail::Neglecting {
            networks: vec![Gap {
                network: Network::Bluesky,
                days: 20,
                per_week: 1.0,
                ever_published: false,
            }],
        })
    );
}

#[test]
fn a_network_planned_in_an_objective_counts_from_the_objective_s_creation() {
    let mut w = World::healthy();
    let mut plan = posts_per_week(Network::LinkedIn, 1.0);
    plan.created_at = ago(15.0);
    w.strategy.as_mut().unwrap().objectives.push(plan);
    let Verdict::Fail(Detail::Neglecting { networks }) = w.verdict(Rule::Neglecting) else {
        panic!("LinkedIn was planned and never posted on");
    };
    assert_eq!(
        (networks[0].network, networks[0].days),
        (Network::LinkedIn, 15)
    );
}

#[test]
fn a_network_the_strategy_lists_counts_from_the_workspace_s_first_use() {
    let mut w = World::healthy();
    w.strategy.as_mut().unwrap().networks = vec![Network::Mastodon, Network::Bluesky];
    // the account was connected 60 days ago; nothing ever went out on Bluesky
    assert_eq!(
        w.verdict(Rule::Neglecting),
        Verdict::Fail(Detail::Neglecting {
            networks: vec![Gap {
                network: Network::Bluesky,
                days: 60,
                per_week: 1.0,
                ever_published: false,
            }],
        })
    );
    let mut fresh = World {
        strategy: Some(strategy(3.0)),
        ..World::empty()
    };
    let s = fresh.strategy.as_mut().unwrap();
    s.networks = vec![Network::Bluesky];
    s.objectives[0].created_at = ago(3.0);
    assert_eq!(
        fresh.verdict(Rule::Neglecting),
        Verdict::NoData,
        "taken up three days ago, nothing out yet: too early to say either way"
    );
}

#[test]
fn a_network_without_account_or_objective_left_for_over_ninety_days_is_dropped() {
    let mut w = World::healthy();
    w.posts.push(published(Network::X, 91.0));
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::Pass);
    w.posts.push(published(Network::X, 60.0));
    let Verdict::Fail(Detail::Neglecting { networks }) = w.verdict(Rule::Neglecting) else {
        panic!("X was used two months ago");
    };
    assert_eq!((networks[0].network, networks[0].days), (Network::X, 60));
}

#[test]
fn neglecting_has_no_data_when_no_network_is_used_and_drafts_do_not_count() {
    let w = World {
        posts: vec![draft(Network::Instagram, 40.0)],
        ..World::empty()
    };
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::NoData);
}

#[test]
fn a_publication_dated_in_the_future_is_not_the_last_one() {
    let mut w = World::healthy();
    w.posts = vec![
        published(Network::Mastodon, 20.0),
        published(Network::Mastodon, -1.0),
    ];
    assert!(matches!(w.verdict(Rule::Neglecting), Verdict::Fail(_)));
}

// ── 3. Only creating (no replies) ──────────────────────────────────────────────────────────

#[test]
fn one_reply_for_ten_posts_is_enough_and_less_fails() {
    let mut w = World::healthy();
    w.posts = (0..20)
        .map(|i| published(Network::Mastodon, i as f64 + 0.5))
        .collect();
    assert_eq!(w.verdict(Rule::OnlyCreating), Verdict::Pass);
    w.inbox[2].answered_at = None;
    assert_eq!(
        w.verdict(Rule::OnlyCreating),
        Verdict::Fail(Detail::OnlyCreating {
            replies: 1,
            published: 20,
            inbox: 3,
        })
    );
}

#[test]
fn posts_count_once_whatever_their_networks_and_only_inside_thirty_days() {
    let mut w = World::healthy();
    w.posts = vec![
        published_at(&[Network::Mastodon, Network::Bluesky], ago(2.0)),
        published(Network::Mastodon, 31.0),
    ];
    w.inbox = vec![message(2.0), message(31.0)];
    assert_eq!(
        w.verdict(Rule::OnlyCreating),
        Verdict::Fail(Detail::OnlyCreating {
            replies: 0,
            published: 1,
            inbox: 1,
        })
    );
}

#[test]
fn a_reply_counts_when_the_message_was_marked_answered_in_the_last_thirty_days() {
    let mut w = World::healthy();
    w.inbox = vec![message(1.0), answered(40.0, 5.0)];
    assert_eq!(w.verdict(Rule::OnlyCreating), Verdict::Pass);
    w.inbox = vec![message(1.0), answered(40.0, 35.0)];
    assert_eq!(
        w.verdict(Rule::OnlyCreating),
        Verdict::Fail(Detail::OnlyCreating {
            replies: 0,
            published: 10,
            inbox: 1,
        })
    );
}

#[test]
fn replies_are_not_judged_when_nobody_wrote_and_silence_fails_with_nothing_published() {
    let mut w = World::healthy();
    w.inbox = vec![message(31.0)];
    assert_eq!(w.verdict(Rule::OnlyCreating), Verdict::NoData);
    let mut w = World::healthy();
    w.inbox = vec![message(1.0)];
    w.posts = vec![published(Network::Mastodon, 40.0)];
    assert_eq!(
        w.verdict(Rule::OnlyCreating),
        Verdict::Fail(Detail::OnlyCreating {
            replies: 0,
            published: 0,
            inbox: 1,
        })
    );
    w.inbox = vec![answered(1.0, 0.5)];
    assert_eq!(w.verdict(Rule::OnlyCreating), Verdict::Pass);
}

// ── 4. Only animating (no new followers) ───────────────────────────────────────────────────

#[test]
fn gaining_followers_over_the_month_passes() {
    assert_eq!(World::healthy().verdict(Rule::OnlyAnimating), Verdict::Pass);
}

#[test]
fn the_same_or_fewer_followers_fails_with_the_counts() {
    for (then, now) in [(100, 100), (100, 97)] {
        let w = World {
            snapshots: vec![followers("a", 25.0, then), followers("a", 2.0, now)],
            ..World::healthy()
        };
        assert_eq!(
            w.verdict(Rule::OnlyAnimating),
            Verdict::Fail(Detail::OnlyAnimating {
                before: then,
                after: now,
                days: 23,
            })
        );
    }
}

#[test]
fn the_first_and_last_snapshots_of_the_window_are_compared_whatever_their_order() {
    let w = World {
        snapshots: vec![
            followers("a", 5.0, 90),
            followers("a", 40.0, 10), // before the window
            followers("a", 29.0, 100),
            followers("a", 1.0, 100),
            followers("a", 15.0, 150),
        ],
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::OnlyAnimating),
        Verdict::Fail(Detail::OnlyAnimating {
            before: 100,
            after: 100,
            days: 28,
        })
    );
}

#[test]
fn followers_need_two_snapshots_a_week_apart_exactly_seven_days_is_enough() {
    let one = World {
        snapshots: vec![followers("a", 3.0, 100)],
        ..World::healthy()
    };
    assert_eq!(one.verdict(Rule::OnlyAnimating), Verdict::NoData);
    let close = World {
        snapshots: vec![followers("a", 8.0, 100), followers("a", 1.5, 100)],
        ..World::healthy()
    };
    assert_eq!(close.verdict(Rule::OnlyAnimating), Verdict::NoData);
    let week = World {
        snapshots: vec![followers("a", 8.0, 100), followers("a", 1.0, 100)],
        ..World::healthy()
    };
    assert!(matches!(
        week.verdict(Rule::OnlyAnimating),
        Verdict::Fail(Detail::OnlyAnimating { days: 7, .. })
    ));
    let old = World {
        snapshots: vec![followers("a", 60.0, 100), followers("a", 31.0, 100)],
        ..World::healthy()
    };
    assert_eq!(old.verdict(Rule::OnlyAnimating), Verdict::NoData);
}

#[test]
fn a_post_s_own_counts_are_not_the_account_s_followers() {
    let mut post_counts = followers("a", 1.0, 5);
    post_counts.status_id = Some("42".into());
    let w = World {
        snapshots: vec![followers("a", 20.0, 100), post_counts],
        ..World::healthy()
    };
    assert_eq!(w.verdict(Rule::OnlyAnimating), Verdict::NoData);
}

#[test]
fn followers_add_up_over_the_accounts_measured_long_enough() {
    let w = World {
        snapshots: vec![
            followers("mastodon", 20.0, 100),
            followers("mastodon", 1.0, 105),
            followers("bluesky", 10.0, 50),
            followers("bluesky", 2.0, 45),
            // measured over three days only: left out
            followers("x", 4.0, 10),
            followers("x", 1.0, 900),
        ],
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::OnlyAnimating),
        Verdict::Fail(Detail::OnlyAnimating {
            before: 150,
            after: 150,
            days: 19,
        })
    );
}

// ── 5. Canned strategy ─────────────────────────────────────────────────────────────────────

#[test]
fn a_mission_an_objective_and_a_persona_make_a_strategy_of_one_s_own() {
    assert_eq!(
        World::healthy().verdict(Rule::CannedStrategy),
        Verdict::Pass
    );
}

#[test]
fn each_missing_part_of_the_strategy_is_named() {
    let mut s = strategy(10.0);
    s.mission = " \t".into();
    s.personas.clear();
    let w = World {
        strategy: Some(s),
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::CannedStrategy),
        Verdict::Fail(Detail::CannedStrategy {
            no_mission: true,
            no_objective: false,
            no_persona: true,
        })
    );
    let mut s = strategy(10.0);
    s.objectives.clear();
    let w = World {
        strategy: Some(s),
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::CannedStrategy),
        Verdict::Fail(Detail::CannedStrategy {
            no_mission: false,
            no_objective: true,
            no_persona: false,
        })
    );
}

#[test]
fn no_strategy_at_all_misses_every_part() {
    assert_eq!(
        World::empty().verdict(Rule::CannedStrategy),
        Verdict::Fail(Detail::CannedStrategy {
            no_mission: true,
            no_objective: true,
            no_persona: true,
        })
    );
}

// ── 9. Stagnating ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_recent_strategy_and_a_recent_look_at_results_pass() {
    assert_eq!(World::healthy().verdict(Rule::Stagnating), Verdict::Pass);
}

#[test]
fn a_strategy_saved_ninety_days_ago_passes_and_later_fails() {
    let w = World {
        strategy: Some(strategy(90.0)),
        ..World::healthy()
    };
    assert_eq!(w.verdict(Rule::Stagnating), Verdict::Pass);
    let w = World {
        strategy: Some(strategy(91.5)),
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::Stagnating),
        Verdict::Fail(Detail::Stagnating {
            strategy_days: Some(91),
            report_days: None,
            report_ever_viewed: true,
        })
    );
}

#[test]
fn results_looked_at_thirty_days_ago_pass_and_later_fail() {
    let w = World {
        last_report_viewed: Some(ago(30.0)),
        ..World::healthy()
    };
    assert_eq!(w.verdict(Rule::Stagnating), Verdict::Pass);
    let w = World {
        last_report_viewed: Some(ago(31.0)),
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::Stagnating),
        Verdict::Fail(Detail::Stagnating {
            strategy_days: None,
            report_days: Some(31),
            report_ever_viewed: true,
        })
    );
}

#[test]
fn never_looking_at_results_counts_from_the_workspace_s_first_use() {
    // the account was connected 60 days ago
    let w = World {
        last_report_viewed: None,
        ..World::healthy()
    };
    assert_eq!(
        w.verdict(Rule::Stagnating),
        Verdict::Fail(Detail::Stagnating {
            strategy_days: None,
            report_days: Some(60),
            report_ever_viewed: false,
        })
    );
    let w = World {
        strategy: Some(strategy(5.0)),
        accounts: vec![account(Network::Mastodon, "Léa", 12.0)],
        posts: vec![draft(Network::Mastodon, 20.0)],
        ..World::empty()
    };
    // the strategy's Followers objective dates from 50 days ago
    let Verdict::Fail(Detail::Stagnating { report_days, .. }) = w.verdict(Rule::Stagnating) else {
        panic!("started 50 days ago, never looked");
    };
    assert_eq!(report_days, Some(50));
}

#[test]
fn a_workspace_that_has_not_started_has_no_data_on_stagnating() {
    assert_eq!(World::empty().verdict(Rule::Stagnating), Verdict::NoData);
    let new = World {
        accounts: vec![account(Network::Mastodon, "Léa", 2.0)],
        ..World::empty()
    };
    assert_eq!(
        new.verdict(Rule::Stagnating),
        Verdict::NoData,
        "in use for two days: too early to have stagnated or not"
    );
}

#[test]
fn a_workspace_created_this_morning_passes_no_rule() {
    // the morning of the issue: strategy saved, accounts connected, twenty messages waiting,
    // nothing published, a signature written
    let mut s = strategy(0.01);
    s.networks = vec![Network::Mastodon, Network::Bluesky];
    for o in s.objectives.iter_mut() {
        o.created_at = ago(0.01);
    }
    let w = World {
        strategy: Some(s),
        accounts: vec![
            account(Network::Mastodon, "Dupain", 0.01),
            account(Network::Bluesky, "Dupain", 0.01),
        ],
        inbox: (0..20).map(|_| message(0.005)).collect(),
        signature: Some("— Léa, pour Dupain".into()),
        ..World::empty()
    };
    let findings = w.audit();
    let passing: Vec<Rule> = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Pass)
        .map(|f| f.rule)
        .collect();
    assert_eq!(
        passing,
        vec![Rule::Hiding, Rule::CannedStrategy],
        "only what is truly done"
    );
    assert!(matches!(
        w.verdict(Rule::OnlyCreating),
        Verdict::Fail(Detail::OnlyCreating { replies: 0, .. })
    ));
    assert_eq!(w.verdict(Rule::Neglecting), Verdict::NoData);
    assert_eq!(w.verdict(Rule::Stagnating), Verdict::NoData);
    assert_eq!(w.verdict(Rule::OnlyAnimating), Verdict::NoData);
}

#[test]
fn an_empty_workspace_passes_no_rule_and_has_no_perfect_score() {
    let findings = World::empty().audit();
    assert!(
        findings.iter().all(|f| f.verdict != Verdict::Pass),
        "{findings:?}"
    );
    assert_ne!(score(&findings), Some(100));
}

// ── Findings, score ────────────────────────────────────────────────────────────────────────

#[test]
fn every_rule_is_judged_once() {
    let rules: Vec<Rule> = World::healthy().audit().iter().map(|f| f.rule).collect();
    assert_eq!(rules.len(), Rule::ALL.len());
    for rule in Rule::ALL {
        assert!(rules.contains(&rule), "{rule:?}");
    }
}

#[test]
fn failing_rules_come_first_then_no_data_then_passing_each_in_the_seed_s_order() {
    let w = World {
        signature: Some("Léa".into()),
        strategy: Some(strategy(100.0)),
        ..World::empty()
    };
    let order: Vec<(Rule, &str)> = w
        .audit()
        .iter()
        .map(|f| {
            let kind = match f.verdict {
                Verdict::Fail(_) => "fail",
                Verdict::NoData => "no data",
                Verdict::Pass => "pass",
            };
            (f.rule, kind)
        })
        .collect();
    assert_eq!(
        order,
        vec![
            (Rule::Stagnating, "fail"),
            (Rule::Neglecting, "no data"),
            (Rule::OnlyCreating, "no data"),
            (Rule::OnlyAnimating, "no data"),
            (Rule::Hiding, "pass"),
            (Rule::CannedStrategy, "pass"),
        ]
    );
}

fn finding(rule: Rule, verdict: Verdict) -> Finding {
    Finding { rule, verdict }
}

#[test]
fn a_healthy_practice_scores_a_hundred() {
    assert_eq!(score(&World::healthy().audit()), Some(100));
}

#[test]
fn the_score_is_the_share_of_judged_rules_that_pass_rounded() {
    let miss = || {
        Verdict::Fail(Detail::CannedStrategy {
            no_mission: true,
            no_objective: false,
            no_persona: false,
        })
    };
    let five_of_six: Vec<Finding> = Rule::ALL
        .iter()
        .map(|&r| {
            finding(
                r,
                if r == Rule::Hiding {
                    miss()
                } else {
                    Verdict::Pass
                },
            )
        })
        .collect();
    assert_eq!(score(&five_of_six), Some(83));
    // no data is left out: 3 of 4 judged
    let with_gaps = vec![
        finding(Rule::Hiding, miss()),
        finding(Rule::Neglecting, Verdict::NoData),
        finding(Rule::OnlyCreating, Verdict::NoData),
        finding(Rule::OnlyAnimating, Verdict::Pass),
        finding(Rule::CannedStrategy, Verdict::Pass),
        finding(Rule::Stagnating, Verdict::Pass),
    ];
    assert_eq!(score(&with_gaps), Some(75));
    // one of eight is 12.5: half rounds up
    let mut one_of_eight = vec![finding(Rule::Hiding, Verdict::Pass)];
    one_of_eight.extend((0..7).map(|_| finding(Rule::Hiding, miss())));
    assert_eq!(score(&one_of_eight), Some(13));
    let none = vec![
        finding(Rule::Hiding, miss()),
        finding(Rule::Stagnating, miss()),
    ];
    assert_eq!(score(&none), Some(0));
}

#[test]
fn there_is_no_score_without_a_rule_judged() {
    let blank: Vec<Finding> = Rule::ALL
        .iter()
        .map(|&r| finding(r, Verdict::NoData))
        .collect();
    assert_eq!(score(&blank), None);
    assert_eq!(score(&[]), None);
}

// ── Scale ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn ten_thousand_posts_and_fifty_thousand_messages_are_audited() {
    let networks = [Network::Mastodon, Network::Bluesky];
    let mut w = World::healthy();
    w.accounts.push(account(Network::Bluesky, "Léa", 400.0));
    w.posts = (0..10_000)
        .map(|i| published(networks[i % 2], (i % 365) as f64 + 0.25))
        .collect();
    w.inbox = (0..50_000)
        .map(|i| message((i % 365) as f64 + 0.5))
        .collect();
    w.snapshots = (0..2_000)
        .map(|i| followers("a", (i % 60) as f64, 1_000 + (60 - i % 60) as u64))
        .collect();
    let findings = w.audit();
    assert_eq!(findings.len(), Rule::ALL.len());
    let by_rule = |rule| {
        findings
            .iter()
            .find(|f| f.rule == rule)
            .map(|f| f.verdict.clone())
    };
    assert_eq!(by_rule(Rule::Neglecting), Some(Verdict::Pass));
    // days 0..=29 of 365, a post every day on alternate networks: 30 × 10,000 / 365
    let Some(Verdict::Fail(Detail::OnlyCreating {
        published, inbox, ..
    })) = by_rule(Rule::OnlyCreating)
    else {
        panic!("no reply at all");
    };
    assert_eq!(published, (0..10_000).filter(|i| i % 365 < 30).count());
    assert_eq!(inbox, (0..50_000).filter(|i| i % 365 < 30).count());
    assert_eq!(by_rule(Rule::OnlyAnimating), Some(Verdict::Pass));
}
