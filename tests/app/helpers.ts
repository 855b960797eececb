/** Small helpers for component tests: mounting, reading facts, focus inside shadow roots. */
import type { LitElement } from 'lit';

export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  document.body.append(element);
  await (element as unknown as LitElement).updateComplete;
  return element;
}

export function unmountAll(): void {
  document.body.replaceChildren();
}

/** Matches a fact as a person reads it, a label then its value: "Total 1:17:00". */
export function factText(label: string, value: string): RegExp {
  // Text is matched before whitespace is normalised, so allow the template's newlines.
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s+${escapeRegExp(value)}\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The focused element, looking inside shadow roots (document.activeElement stops at the host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
