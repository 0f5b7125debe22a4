// Who reacts to which appeal event, in the event's own transaction.
import type { AppContext } from './app-context.ts';
import { subscribeNotifications } from './modules/notify/index.ts';
import { subscribeReception } from './modules/reception/index.ts';
import { subscribeDuplicateAnswers } from './modules/process/index.ts';
import { subscribeRouting } from './modules/routing/index.ts';
import { subscribeKpis } from './modules/kpi/index.ts';
import { subscribeQa } from './modules/qa/index.ts';
import { subscribeExchange } from './modules/exchange/index.ts';

export function subscribeModules(ctx: AppContext): void {
  subscribeNotifications(ctx);
  subscribeReception(ctx);
  // A merged duplicate is answered with its parent's answer.
  subscribeDuplicateAnswers(ctx);
  subscribeRouting(ctx);
  subscribeKpis(ctx);
  subscribeQa(ctx);
  subscribeExchange(ctx);
}
