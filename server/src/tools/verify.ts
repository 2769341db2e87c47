/**
 * `npm run verify [file]`: checks every meeting's log in DATA_DIR's database (or `file`, e.g. a
 * backup) and prints one line per bad meeting, then a summary. Exit code 1 if any is bad, 2 if
 * the file cannot be read. Read-only: safe while the server runs. See verifyLog.ts.
 */
import { join } from 'node:path';
import { readConfig } from '../config';
import { verifyDatabase } from './verifyLog';

const file = process.argv[2] ?? join(readConfig().dataDir, 'circlewise.db');
try {
  const { meetings, events, bad } = verifyDatabase(file);
  for (const b of bad)
    console.log(`BAD meeting ${b.meetingId} (code ${b.code}) at seq ${b.seq}: ${b.reason}`);
  const summary = `${file}: ${meetings} meetings, ${events} events checked`;
  console.log(bad.length === 0 ? `${summary}; all sound.` : `${summary}; ${bad.length} bad.`);
  process.exitCode = bad.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`Circlewise could not verify ${file}: ${(error as Error).message}`);
  process.exitCode = 2;
}
