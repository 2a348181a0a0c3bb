// Inbox keyboard shortcuts. Moving through threads is plain focus on their links (Enter opens one, as
// any link); the rest is answered by the page (InboxPage.OnShortcutAsync). Never while typing or in a dialog.

const rows = () => [...document.querySelectorAll('.thread-list [data-testid=thread-item]')];

const isTyping = el => !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

const inDialogOrMenu = el => !!document.querySelector('.mud-dialog-container') || !!el?.closest?.('[role=menu]');

function move(delta) {
    const items = rows();
    if (items.length === 0) return;
    const focused = document.activeElement?.closest?.('[data-testid=thread-item]');
    let index = items.indexOf(focused);
    if (index < 0) {
        const selected = items.findIndex(i => i.getAttribute('aria-current') === 'page');
        index = selected >= 0 ? selected + delta : (delta > 0 ? 0 : items.length - 1);
    } else {
        index += delta;
    }
    const next = items[Math.max(0, Math.min(items.length - 1, index))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
}

/** The thread a shortcut is about: the one focused in the list, else the one open. */
function currentThread() {
    const row = document.activeElement?.closest?.('[data-testid=thread-item]')
        ?? document.querySelector('.thread-list [data-testid=thread-item][aria-current=page]');
    const id = row?.getAttribute('data-conversation-id');
    return id ? Number(id) : null;
}

export function attach(page) {
    const onKey = e => {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
        if (isTyping(e.target) || inDialogOrMenu(e.target)) return;
        switch (e.key) {
            case 'ArrowDown': case 'j': move(1); break;
            case 'ArrowUp': case 'k': move(-1); break;
            case '/': document.getElementById('inbox-search')?.focus(); break;
            case 'n': case 'e': case '?': page.invokeMethodAsync('OnShortcutAsync', e.key, currentThread()); break;
            default: return;
        }
        e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    // Set here rather than rendered: re-rendering the page (and its title) once more would keep a second render
    // buffer for each of them in every open page.
    const inbox = document.querySelector('.inbox');
    inbox?.setAttribute('data-shortcuts', 'on');
    return {
        detach: () => {
            document.removeEventListener('keydown', onKey);
            inbox?.setAttribute('data-shortcuts', 'off');
        }
    };
}
