// Whether the tab is shown: live lists stop polling while it is hidden.
import { useSyncExternalStore } from 'react';

const subscribe = (l: () => void) => {
  document.addEventListener('visibilitychange', l);
  return () => document.removeEventListener('visibilitychange', l);
};

export function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden', () => true);
}
