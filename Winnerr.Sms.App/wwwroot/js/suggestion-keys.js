// Alt+1..3 picks a suggested reply (also while typing in the compose box). Uses e.code: Alt changes e.key on macOS.
let listeners = 0;

const onKey = e => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const match = /^(?:Digit|Numpad)([1-3])$/.exec(e.code);
    if (!match) return;
    const buttons = document.querySelectorAll('[data-testid=ai-suggestions] [data-testid=ai-suggestion]');
    const button = buttons[Number(match[1]) - 1];
    if (!button) return;
    e.preventDefault();
    button.click();
};

export function attach() {
    if (listeners++ === 0) document.addEventListener('keydown', onKey);
}

export function detach() {
    if (--listeners === 0) document.removeEventListener('keydown', onKey);
}
