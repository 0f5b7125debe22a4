// Who reacts to which appeal event, in the event's own transaction.
import type { AppContext } from './app-context.ts';
import { subscribeNotifications } from './modules/notify/index.ts';
import { subscribeReception } from './modules/reception/index.ts';
import { subscribeExchange } from './modules/exchange/index.ts';

export function subscribeModules(ctx: AppContext): void {
  subscribeNotifications(ctx);
  subscribeReception(ctx);
  subscribeExchange(ctx);
}
