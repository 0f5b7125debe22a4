// Per-page conventions: a title in the tab, and focus on the page's heading after a
// navigation, so a screen reader starts reading the new page (not on the first load).
import { useEffect, useRef } from 'react';

let firstPage = true;

/** `ready`: false while the page's heading still waits for data (it is focused once shown). */
export function usePageTitle(title: string, ready = true): void {
  const done = useRef(false);
  useEffect(() => {
    document.title = title ? `${title} — Tyndau` : 'Tyndau';
  }, [title]);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    if (firstPage) firstPage = false;
    else focusMainHeading();
  }, [ready]);
}

/** Move focus to an element (a result heading, an error summary) once it is in the page. */
export function focusSoon(getEl: () => HTMLElement | null | undefined, frames = 10): void {
  requestAnimationFrame(() => {
    const el = getEl();
    // Rendering may lag a frame or two behind the state change that asked for focus.
    if (!el) {
      if (frames > 0) focusSoon(getEl, frames - 1);
      return;
    }
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
  });
}

export function focusMainHeading(): void {
  focusSoon(() => document.querySelector<HTMLElement>('main h1'));
}
