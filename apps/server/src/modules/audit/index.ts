// The audit of reads: who opened which appeal's personal data (card, attachment, letter PDF),
// recorded cheaply by the modules that serve them and listed for oversight.
export { auditRead, readLogOf } from './read-log.ts';
export { auditRoutes } from './audit.routes.ts';
export { READ_KINDS, type ReadKind } from './audit.policy.ts';
