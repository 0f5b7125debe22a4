// Exchange with the national systems (E-Otinish, eGov): inbound appeals through the
// register's intake, outbound events through the exchange outbox and its worker, the
// systems' addresses and sealed secrets, the daily reconciliation and the duplicates
// flagged for staff. Owns the exchange_* tables.
export { exchangeInboundRoutes, exchangeRoutes } from './exchange.routes.ts';
export { subscribeExchange } from './outbound.ts';
export { createExchangeWorker, type ExchangeWorker } from './exchange-worker.ts';
export { addSystem, removeSystem, listSystems, SYSTEMS } from './systems.ts';
export { reconcileDay } from './reconciliation.ts';
export { findDuplicates } from './duplicates.ts';
export { sign as signExchangeBody, verify as verifyExchangeSignature, SIGNATURE_HEADER } from './signature.ts';
