// Telephony (call centre, contact centre, trust phone): the PBX's Generic CTI events become
// calls; operators make consultations, appeals, redirects and callbacks of them through the
// register's intake; weekly figures per day, line, channel and operator. Owns the cti_* and
// call* tables.
export { callsRoutes } from './calls.routes.ts';
export { addBlock, addLine, getCtiToken, listLines, rotateCtiToken, LINE_CHANNELS, type LineChannel } from './cti.service.ts';
export { seedDemoCallLines } from './demo-seed.ts';
