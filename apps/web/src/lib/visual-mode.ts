// "Version for the visually impaired": larger text and higher contrast, remembered on this
// device across pages and visits.
import { useSyncExternalStore } from 'react';

const KEY = 'tyndau.visuallyImpaired';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Apply the stored mode before the first render, so the page never flashes small. */
export function applyStoredVisualMode(): void {
  document.documentElement.toggleAttribute('data-vi', read());
}

export function setVisualMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {}
  document.documentElement.toggleAttribute('data-vi', on);
  listeners.forEach((l) => l());
}

export function useVisualMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      const onStorage = (e: StorageEvent) => e.key === KEY && (document.documentElement.toggleAttribute('data-vi', read()), l());
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(l);
        window.removeEventListener('storage', onStorage);
      };
    },
    read,
    () => false,
  );
}
