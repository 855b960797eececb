/** All the text under a node, through every shadow root, as a user could read it (no styles or scripts). */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  const parts: string[] = [];
  const element = node instanceof Element ? node : null;
  if (element) {
    for (const name of ['aria-label', 'title', 'alt']) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
    if (element.shadowRoot) parts.push(deepText(element.shadowRoot));
  }
  for (const child of node.childNodes) parts.push(deepText(child));
  return parts.join(' ');
}

/** A seed document's file name ("002_ad76675d910a5709.txt"), or any text file's name. */
export const FILE_NAME = /\d{3}_[0-9a-f]{16}|\b[\w-]+\.txt\b/i;
