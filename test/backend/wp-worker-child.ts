/** A backend with the sync worker in a process of its own, for the crash test: `node wp-worker-child.mjs DIR` (killed with SIGKILL). */
import { openBackend } from '../../electron/backend/app.js';

const dir = process.argv[2]!;
await openBackend({ dataDir: dir, backups: false, syncWorker: true });
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
