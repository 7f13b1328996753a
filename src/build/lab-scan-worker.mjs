/**
 * Scans the lab in a worker thread (src/build/lab-scan-prefetch.ts starts it when a build starts):
 * the site's TypeScript is loaded with tsx, the same modules the build's loaders use.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { scanSnapshot } = await import('./lab-session.ts');
const { buildInventory } = await import('../lib/lab/inventory.ts');
const { snapshot, save } = scanSnapshot(workerData.lab, workerData.env, {
	readInventory: buildInventory,
	cacheDir: workerData.cacheDir,
	// The documents' markdown first: the build renders it while the records are still being read.
	onDocuments: ({ notes, writeups }) =>
		parentPort?.postMessage({ kind: 'markdown', markdown: { notes: notes.map((doc) => doc.markdown), writeups: writeups.map((doc) => doc.markdown) } }),
});
parentPort?.postMessage({ kind: 'snapshot', snapshot });
// After answering: the build goes on while the inventory is written for the next one.
save();
