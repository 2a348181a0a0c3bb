// Power dialer shortcuts: 1–8 set an outcome, F sends the follow-up, N moves on, C calls, H hangs up.
// Never while typing (notes, the follow-up text) or in a dialog; the page answers (DialerPage.OnKeyAsync).

const isTyping = el => !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function attach(page) {
    const onKey = e => {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
        if (isTyping(e.target) || document.querySelector('.mud-dialog-container')) return;
        const key = e.key.toLowerCase();
        if (!/^[1-8fnch]$/.test(key)) return;
        e.preventDefault();
        page.invokeMethodAsync('OnKeyAsync', key);
    };
    document.addEventListener('keydown', onKey);
    return { detach: () => document.removeEventListener('keydown', onKey) };
}
