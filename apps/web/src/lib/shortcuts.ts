// Single-key shortcuts for people who process hundreds of appeals a day. They never fire
// while typing in a field or with Ctrl/Alt/Meta, and can be turned off (WCAG 2.1.4), so a
// screen-reader user's own keys are not taken.
import { useEffect, useSyncExternalStore } from 'react';

const KEY = 'tyndau.shortcuts';
const listeners = new Set<() => void>();

function enabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setShortcutsEnabled(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'off');
  } catch {}
  listeners.forEach((l) => l());
}

export function useShortcutsEnabled(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    enabled,
    () => true,
  );
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type);
  }
  return false;
}

/** Bind keys (as `KeyboardEvent.key`, e.g. 'j', '/', '?') to actions while the component is shown. */
export function useShortcuts(bindings: Record<string, () => void>): void {
  const on = useShortcutsEnabled();
  useEffect(() => {
    if (!on) return;
    const handler = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typing(e.target)) return;
      const action = bindings[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, [bindings, on]);
}
