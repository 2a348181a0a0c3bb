// The tab's title once a page is interactive (Components/Layout/DocumentTitle.razor): one call when it changes,
// instead of an interactive HeadOutlet kept alive in every open page.
window.winnerrPageTitle = { set: text => { document.title = text; } };
