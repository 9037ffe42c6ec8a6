/**
 * A tiny element builder. Every string goes in as a text node (textContent),
 * never as markup: document text can hold "<script>" and must stay text.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  class?: string;
  [name: string]: string | number | boolean | undefined | ((ev: Event) => void);
}

/** Creates `<tag>` with attributes (`on*` functions become listeners) and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children to `el`: nodes as they are, strings and numbers as text nodes; falsy ones skipped. */
export function append(el: Node, children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Removes every child of `el`. */
export function clear(el: Element): void {
  el.replaceChildren();
}
