// Per-page conventions: a title in the tab, and focus on the page's heading after a
// navigation so a screen reader starts reading the new page.
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — Tyndau` : 'Tyndau';
  }, [title]);
}

/** Move focus to an element (a result heading, an error summary) once it is in the page. */
export function focusSoon(getEl: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => {
    const el = getEl();
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
  });
}

export function focusMainHeading(): void {
  focusSoon(() => document.querySelector<HTMLElement>('main h1'));
}
