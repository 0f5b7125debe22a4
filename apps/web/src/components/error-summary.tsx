// The list of a form's problems at its top (the GOV.UK pattern): announced when it appears,
// focused, and each item takes you to its field.
import { forwardRef } from 'react';
import { Alert, List } from '@mantine/core';

export interface SummaryItem {
  fieldId?: string;
  label: string;
  message: string;
}

export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; items: SummaryItem[] }>(function ErrorSummary({ title, items }, ref) {
  if (items.length === 0) return null;
  return (
    <Alert ref={ref} tabIndex={-1} role="alert" color="red" variant="outline" title={title} data-testid="error-summary" styles={{ title: { fontSize: '1.125rem' } }}>
      <List spacing={4}>
        {items.map((it, i) => (
          <List.Item key={`${it.fieldId ?? ''}-${i}`}>
            {it.fieldId ? (
              <a
                href={`#${it.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(it.fieldId!);
                }}
              >
                {it.label ? `${it.label}: ` : ''}
                {it.message}
              </a>
            ) : (
              it.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
});

/** Focus a field by id, or the first control inside the element with that id (a radio group). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
  (target ?? el).focus();
  (target ?? el).scrollIntoView({ block: 'center' });
}
