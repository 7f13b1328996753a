/**
 * A build's lab scan, started on the second core while Astro sets itself up. Reading the lab
 * (every reader over every file) takes about 1.8 s on the real lab, all of it before the first
 * collection can load; Astro's own start-up (config, Vite, the content layer) takes about as long
 * and leaves the other core idle. The scan runs in a worker from the moment the build is
 * configured, and the lab session (src/build/lab-session.ts) takes its result when the loaders
 * start, if it was made for the same lab and settings. Otherwise, or if the worker fails, the
 * session scans in the build's own thread as before: the result is the same either way.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { deployTarget } from '../lib/site/deploy-target';
import type { EarlyMarkdown, ScanSnapshot } from './lab-session';

/** Shared through globalThis: the integration and the loaders are loaded as separate module graphs. */
const REGISTRY = Symbol.for('b70-optimization-lab.prefetched-lab-scans');

/**
 * A scan under way: its documents' markdown comes first (the worker sends it once the notes are
 * read, so the build can render them while the records are still being read), the whole scan after.
 */
interface PrefetchedScan {
	snapshot?: Promise<ScanSnapshot | undefined>;
	markdown?: Promise<EarlyMarkdown | undefined>;
}

/** What the worker posts: the documents' markdown, then the scan. */
type ScanWorkerMessage = { kind: 'markdown'; markdown: EarlyMarkdown } | { kind: 'snapshot'; snapshot: ScanSnapshot };

type Registry = Map<string, PrefetchedScan>;

const registry = (): Registry => ((globalThis as Record<symbol, Registry | undefined>)[REGISTRY] ??= new Map());

/**
 * What a scan depends on besides the lab's files: the folder, the project it is read from, and the
 * settings the session reads from the environment (the deploy target, the LocalMaxxing address).
 * A session that reads another setting must add it here.
 */
export const scanKey = (lab: string, env: Record<string, string | undefined>): string =>
	JSON.stringify([lab, process.cwd(), deployTarget(env), env.LOCALMAXXING_RESULT_URL ?? null]);

/** Starts scanning `lab` in a worker, once per lab and settings. */
export function prefetchLabScan({ lab, env, projectRoot, cacheDir }: { lab: string; env: Record<string, string | undefined>; projectRoot: string; cacheDir?: string }): void {
	const key = scanKey(lab, env);
	if (registry().has(key)) return;
	let answerMarkdown: (markdown: EarlyMarkdown | undefined) => void = () => {};
	const markdown = new Promise<EarlyMarkdown | undefined>((resolve) => (answerMarkdown = resolve));
	const snapshot = new Promise<ScanSnapshot | undefined>((resolve) => {
		// Whatever ends the scan ends the wait for its markdown too (a scan read from the kept
		// inventory sends none); answering twice is harmless.
		const answer = (scan: ScanSnapshot | undefined) => {
			answerMarkdown(undefined);
			resolve(scan);
		};
		let worker: Worker;
		try {
			worker = new Worker(join(projectRoot, 'src/build/lab-scan-worker.mjs'), { workerData: { lab, env, cacheDir } });
		} catch {
			answer(undefined);
			return;
		}
		// A build that fails before its loaders run must not wait for the scan to exit.
		worker.unref();
		worker.on('message', (message: ScanWorkerMessage) => {
			if (message.kind === 'markdown') answerMarkdown(message.markdown);
			else answer(message.snapshot);
		});
		worker.once('error', () => answer(undefined));
		worker.once('exit', () => answer(undefined));
	});
	registry().set(key, { snapshot, markdown });
}

/** Takes one part of the scan prefetched for this lab and settings, once; the entry goes when both are taken. */
function take<K extends keyof PrefetchedScan>(lab: string, env: Record<string, string | undefined>, part: K): PrefetchedScan[K] {
	const key = scanKey(lab, env);
	const entry = registry().get(key);
	if (!entry) return undefined;
	const taken = entry[part];
	delete entry[part];
	if (!entry.snapshot && !entry.markdown) registry().delete(key);
	return taken;
}

/** The scan prefetched for this lab and settings, once (a second session over the same lab scans for itself). */
export const takePrefetchedScan = (lab: string, env: Record<string, string | undefined>): Promise<ScanSnapshot | undefined> | undefined => take(lab, env, 'snapshot');

/** The markdown of that scan's documents, once, as soon as the worker has read them. */
export const takePrefetchedMarkdown = (lab: string, env: Record<string, string | undefined>): Promise<EarlyMarkdown | undefined> | undefined => take(lab, env, 'markdown');

/** Builds scan the lab in a worker from the start; the dev server and `astro sync` do not. */
export function labScanPrefetch(options: { lab: string; projectRoot: string }): AstroIntegration {
	return {
		name: 'b70-lab-scan-prefetch',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				if (command === 'build') prefetchLabScan({ ...options, env: { ...process.env }, cacheDir: fileURLToPath(config.cacheDir) });
			},
		},
	};
}
