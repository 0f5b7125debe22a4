// The signed answer of a public question becomes its public answer, in the answer's own transaction.
import type { AppContext } from '../../app-context.ts';
import { onAnswered } from './qa.service.ts';

export function subscribeQa(ctx: AppContext): void {
  ctx.events.on('appeal.answered', (tx, e) =>
    onAnswered(tx, e.appealId, typeof e.transient?.text === 'string' ? e.transient.text : undefined, e.at, typeof e.data?.onTime === 'boolean' ? e.data.onTime : null),
  );
}
