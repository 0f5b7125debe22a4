// An appeal's status as a readable label with a colour that is not the only signal.
import { enumLabel } from '../i18n/index.ts';
import classes from './status-badge.module.css';

const TONE: Record<string, string> = {
  registered: 'new',
  in_work: 'work',
  awaiting_applicant: 'wait',
  answered: 'done',
  closed: 'done',
  redirected: 'other',
  left_without_consideration: 'other',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={classes.badge} data-tone={TONE[status] ?? 'other'} data-testid="status">
      {enumLabel('status', status)}
    </span>
  );
}

export function FlagBadge({ kind, children }: { kind: 'overdue' | 'dueSoon' | 'missed'; children: React.ReactNode }) {
  return (
    <span className={classes.badge} data-tone={kind}>
      {children}
    </span>
  );
}
