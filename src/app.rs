//! The root component: app state, document look, router and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::ui::look::follow_preferences;
use crate::ui::pages::{
    accounts::{AccountsPage, BlueskyCallback, MastodonCallback},
    calendar::CalendarPage,
    compose::ComposePage,
    inbox::InboxPage,
    library::LibraryPage,
    listening::ListeningPage,
    not_found::NotFound,
    notes::NotesPage,
    outbox::OutboxPage,
    people::PeoplePage,
    reports::ReportsPage,
    settings::SettingsPage,
    share::SharePage,
    start::StartPage,
    strategy::StrategyPage,
    today::TodayPage,
    workspaces::WorkspacesPage,
};
use crate::ui::shell::Shell;
use crate::ui::state::provide_app_state;

#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    follow_preferences(state);
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=WorkspacesPage/>
                    <Route path=path!("/today") view=TodayPage/>
                    <Route path=path!("/start") view=StartPage/>
                    <Route path=path!("/compose") view=ComposePage/>
                    <Route path=path!("/calendar") view=CalendarPage/>
                    <Route path=path!("/library") view=LibraryPage/>
                    <Route path=path!("/strategy") view=StrategyPage/>
                    <Route path=path!("/inbox") view=InboxPage/>
                    <Route path=path!("/people") view=PeoplePage/>
                    <Route path=path!("/reports") view=ReportsPage/>
                    <Route path=path!("/listening") view=ListeningPage/>
                    <Route path=path!("/outbox") view=OutboxPage/>
                    <Route path=path!("/accounts") view=AccountsPage/>
                    <Route path=path!("/oauth/mastodon") view=MastodonCallback/>
                    <Route path=path!("/oauth/bluesky") view=BlueskyCallback/>
                    <Route path=path!("/notes") view=NotesPage/>
                    <Route path=path!("/share") view=SharePage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
