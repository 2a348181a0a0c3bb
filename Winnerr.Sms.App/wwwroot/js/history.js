// History opens a conversation at a message: bring it to the middle of the message list.
export function scrollToMessage(id) {
    const element = document.querySelector(`[data-testid="message"][data-id="${Number(id)}"]`);
    if (element) element.scrollIntoView({ block: "center" });
}
