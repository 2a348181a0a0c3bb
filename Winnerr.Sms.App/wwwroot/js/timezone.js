// The server renders times in the agent's own time zone; the browser is the only one that knows it.
window.winnerr = window.winnerr || {};
window.winnerr.timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
document.cookie = "tz=" + encodeURIComponent(window.winnerr.timeZone()) + "; path=/; max-age=31536000; samesite=lax";
