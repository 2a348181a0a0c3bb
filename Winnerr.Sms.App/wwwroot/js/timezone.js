// The server renders times in the agent's own time zone; the browser is the only one that knows it.
window.winnerr = window.winnerr || {};
window.winnerr.timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
(() => {
    const remember = () => { document.cookie = "tz=" + encodeURIComponent(window.winnerr.timeZone()) + "; path=/; max-age=31536000; samesite=lax"; };
    // A first visit needs it for the next page. Otherwise only to follow a move: Intl's first use loads the time-zone data,
    // 60 ms of main thread in Chromium on a slow machine (a trace of opening the inbox), so not while the page starts.
    if (!/(^|;\s*)tz=/.test(document.cookie)) { remember(); return; }
    const idle = window.requestIdleCallback ?? (f => setTimeout(f, 0));
    addEventListener("load", () => setTimeout(() => idle(remember, { timeout: 10000 }), 5000));
})();
