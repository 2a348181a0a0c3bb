// Copy buttons. A module imported through Blazor's JS interop: the CSP allows the app's own script files only.
export function copyText(text) {
    return navigator.clipboard.writeText(text);
}
