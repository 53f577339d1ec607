import { el, replaceContent } from './dom.js';

export interface Tab {
  id: string;
  label: string;
  render: () => HTMLElement;
}

/** WAI-ARIA tabs: the arrow keys, Home and End move between them; each panel renders when shown. */
export function tabs(all: Tab[]): HTMLElement {
  const panel = el('section', { role: 'tabpanel', tabindex: '0', class: 'panel' });
  const buttons = all.map((tab) => el('button', { role: 'tab', id: `tab-${tab.id}`, type: 'button', 'aria-controls': 'settings-panel' }, tab.label));
  panel.id = 'settings-panel';
  const select = (index: number, focus: boolean): void => {
    buttons.forEach((button, i) => {
      button.setAttribute('aria-selected', String(i === index));
      button.tabIndex = i === index ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', buttons[index].id);
    replaceContent(panel, all[index].render());
    if (focus) buttons[index].focus();
  };
  buttons.forEach((button, index) => {
    button.addEventListener('click', () => select(index, false));
    button.addEventListener('keydown', (event) => {
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select((next + all.length) % all.length, true);
    });
  });
  select(0, false);
  return el('div', { class: 'tabs' }, el('div', { role: 'tablist', 'aria-label': 'HaloPSA integration steps' }, ...buttons), panel);
}
