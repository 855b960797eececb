/**
 * `style=${cssProps({...})}`: like Lit's styleMap, but it always writes through
 * the CSSOM (`style.setProperty`), even on the first render. styleMap writes a
 * `style` attribute first, which the Content-Security-Policy (no inline
 * styles) blocks; CSSOM changes are allowed.
 */
import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

export type CssProps = Readonly<Record<string, string | number | null | undefined>>;

class CssPropsDirective extends Directive {
  private _previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style') {
      throw new Error('cssProps() only works in the style attribute');
    }
  }

  render(_props: CssProps): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [CssProps]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this._previous) {
      if (props[name] == null) {
        style.removeProperty(name);
        this._previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(value));
      this._previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
