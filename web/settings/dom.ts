/** Builds DOM nodes without HTML strings, so nothing the API answers is ever parsed as markup. */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) if (child) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
}

export function replaceContent(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let ids = 0;
/** An element id no other element of the page has. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/** A labelled input: the label's `for` names the input. */
export function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  input.id ||= uniqueId('field');
  const hintNode = hint ? el('small', { id: `${input.id}-hint` }, hint) : undefined;
  if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
  return el('div', { class: 'field' }, el('label', { for: input.id }, label), input, hintNode);
}

/** A status line for a form: progress while it works, then the outcome or the API's message. */
export function statusLine(): { node: HTMLElement; working(text: string): void; done(text: string): void; failed(text: string): void } {
  const node = el('p', { class: 'status', role: 'status' });
  const show = (kind: string, text: string): void => {
    node.className = `status ${kind}`;
    node.textContent = text;
  };
  return { node, working: (text) => show('progress', text), done: (text) => show('ok', text), failed: (text) => show('error', text) };
}
