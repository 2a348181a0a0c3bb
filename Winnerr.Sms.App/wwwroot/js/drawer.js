// The navigation drawer's menu button, in the browser: no server round trip and no state per circuit. The state is
// an attribute on <html>, outside what Blazor renders, so it survives every render and the circuit's start.
(() => {
    const root = document.documentElement;
    const wide = window.matchMedia('(min-width: 960px)');
    const toggled = () => root.hasAttribute('data-drawer-toggled');
    const open = () => wide.matches !== toggled();

    const sync = () => document.querySelectorAll('[data-drawer-toggle]').forEach(b => b.setAttribute('aria-expanded', String(open())));

    const set = on => {
        root.toggleAttribute('data-drawer-toggled', on);
        sync();
    };

    document.addEventListener('click', e => {
        if (!(e.target instanceof Element)) return;
        if (e.target.closest('[data-drawer-toggle]')) set(!toggled());
        // Over the page, the drawer closes when it has done its job or the scrim is clicked.
        else if (!wide.matches && open() && e.target.closest('[data-drawer-close], .app-drawer a')) set(false);
    });
    document.addEventListener('keydown', e => {
        if (e.key !== 'Escape' || wide.matches || !open()) return;
        set(false);
        document.querySelector('[data-drawer-toggle]')?.focus();
    });
    // Blazor renders the button afresh when the circuit starts and after navigation; it never renders aria-expanded.
    new MutationObserver(() => {
        if (document.querySelector('[data-drawer-toggle]:not([aria-expanded])')) sync();
    }).observe(document.body, { childList: true, subtree: true });
    // A narrow drawer left open does not reappear open on a wide screen's hidden state, or the other way round.
    wide.addEventListener('change', () => set(false));
    sync();
})();
