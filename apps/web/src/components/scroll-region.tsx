// A wide table's frame: it scrolls sideways on a narrow screen and can be scrolled with the
// keyboard (it takes focus and is named for screen readers).
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
