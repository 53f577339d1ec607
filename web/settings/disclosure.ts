import { el, replaceContent } from './dom.js';

/** A button that shows and hides what `render` builds (its aria-expanded says which); showing it focuses its first field. */
export function disclosure(label: string, render: () => HTMLElement): { button: HTMLButtonElement; region: HTMLElement } {
  const button = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, label);
  const region = el('div', {});
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    replaceContent(region, open && render());
    region.querySelector('input')?.focus();
  });
  return { button, region };
}
