// Chaos under load: kill -9 of the platform, kill -9 of PostgreSQL, the register locked;
// prints acknowledged vs committed appeals (must be equal) and each fault's recovery time.
//
//   npm run bench:chaos -- [--clients 8] [--load-seconds 3] [--lock-seconds 30]
import { numberFlags } from './lib/args.ts';
import { runChaos } from './lib/chaos.ts';

const opts = numberFlags({ clients: 8, 'load-seconds': 3, 'lock-seconds': 30 });
const report = await runChaos({ clients: opts.clients, loadSeconds: opts['load-seconds'], lockSeconds: opts['lock-seconds'], log: (l) => console.log(l) });
console.log('');
console.log('| fault | recovery | slowest answer during it | answers |');
console.log('|---|---|---|---|');
for (const p of report.phases) console.log(`| ${p.fault} | ${p.recoveryMs} ms | ${p.slowestAnswerMs} ms | ${Object.entries(p.statuses).map(([s, n]) => `${s === '0' ? 'no answer' : s}: ${n}`).join(', ')} |`);
console.log('');
console.log(`acknowledged ${report.acknowledged}, of them committed ${report.committed}; committed without an acknowledgement ${report.unacknowledgedCommitted}`);
if (report.committed !== report.acknowledged) {
  console.error('LOST: an acknowledged appeal is not in the register');
  process.exit(1);
}
process.exit(0);
