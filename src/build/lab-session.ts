/**
 * The lab this build (or dev server) reads, and the one cache of what was read from it: the
 * inventory and the git dates. Everything else is computed from these on demand. The dev server
 * owns the session: a change to a lab file calls `changed()`, and the next read scans again.
 */
// Only types from the inventory module: the readers behind it load when a scan is made here
// (see `readInventory`), not in a build whose worker made the scan.
import type { InventoryInput, LabInventory } from '../lib/lab/inventory';
import { LANES_FILE } from '../lib/schema/lanes';
import { redactSecrets } from '../lib/text/secrets';
import type { LabRecord } from '../lib/schema/record';
import { deployTarget, type DeployTarget } from '../lib/site/deploy-target';
import { localmaxxingUrl } from '../lib/site/localmaxxing';
import { labDir, PROJECT_ROOT } from './lab-dir';
import { createReaderCache } from '../lib/lab/reader-memo';
import { nodeLabEffects, type LabEffects, type LabEntry, type LabFile, type SkippedPath } from './lab-effects';
import { takePrefetchedMarkdown, takePrefetchedScan } from './lab-scan-prefetch';
import { diskInventoryCache, inventoryInputsDigest, type InventoryCache } from './lab-scan-cache';

/** Top-level folders of this project that are the site's source, not lab material. */
const PROJECT_ONLY = new Set(['src', 'tests', 'public', 'bench', 'scripts']);

export interface LabSessionOptions {
	lab: string;
	projectRoot: string;
	env: Record<string, string | undefined>;
	effects: LabEffects;
	/** Inventories kept between builds (src/build/lab-scan-cache.ts); without it every scan reads every file. */
	inventoryCache?: InventoryCache;
	/** A scan of this lab made elsewhere (a build's worker, src/build/lab-scan-prefetch.ts), taken by `ready()`. */
	prefetched?: () => Promise<ScanSnapshot | undefined> | undefined;
	/** The markdown of that scan's documents, sent before the scan ends; taken by `earlyMarkdown()`. */
	prefetchedMarkdown?: () => Promise<EarlyMarkdown | undefined> | undefined;
	/** Told the documents of a scan made here as soon as they are read (the build's worker sends them on). */
	onDocuments?: InventoryInput['onDocuments'];
	/**
	 * Reads the inventory from the lab's files (src/lib/lab/inventory.ts's buildInventory). Absent,
	 * `ready()` loads it, and only when it has no scan to take: a build whose worker scanned the lab
	 * never loads the readers (half the site's code) on its own thread.
	 */
	readInventory?: ReadInventory;
}

export type ReadInventory = (input: InventoryInput) => LabInventory;

/**
 * The markdown of every note and write-up of a scan, known before its records are: what a build
 * can render while the rest of the scan runs. Only a cue: an entry whose markdown is not here
 * renders as it would have anyway.
 */
export interface EarlyMarkdown {
	notes: string[];
	writeups: string[];
}

/** What one scan of a lab found: enough to answer every question of the session without reading again. */
export interface ScanSnapshot {
	files: LabFile[];
	skipped: SkippedPath[];
	inventory: LabInventory;
}

/** Files of the lab that changed on the dev server (src/build/lab-watch.ts), under one id per change. */
export interface LabChange {
	id: string;
	/** Lab paths (notes/a.md); none: anything may have changed. */
	paths?: string[];
}

export interface LabSession {
	readonly lab: string;
	readonly target: DeployTarget;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Every file the scan found (text for the kinds the site reads). */
	files(): LabFile[];
	/** Paths under the lab that were not read, with the reason. */
	skipped(): SkippedPath[];
	inventory(): LabInventory;
	/**
	 * Waits for a scan prefetched for this session, if there is one and nothing was read yet
	 * (loaders call it first). Without it every question is still answered, by scanning here.
	 */
	ready(): Promise<void>;
	/**
	 * The markdown of the documents of the scan `ready()` waits for, as soon as the worker has read
	 * them (undefined when there is no such scan, or it sent none).
	 */
	earlyMarkdown(): Promise<EarlyMarkdown | undefined>;
	/** Strict records and imported (legacy) records, by id. */
	records(): Array<{ id: string; record: LabRecord }>;
	/** The newest commit date of a lab file. */
	lastUpdated(labPath: string): Date | undefined;
	/** The text of one lab file as the scan read it (never through a symbolic link). */
	labText(path: string): string | undefined;
	/**
	 * A site data file (data/gpus.json...): the lab's own if it has one, else the project's. The
	 * text comes from the lab scan, so a symbolic link is never followed.
	 */
	siteDataText(path: string): { path: string; text: string } | undefined;
	/**
	 * A value computed from this lab once per scan (a table every page of a listing shares). The
	 * dev server's next change drops it with the scan.
	 */
	memo<T>(key: string, compute: () => T): T;
	/**
	 * Lab files changed (dev server): the next read scans again. Every collection is told of the same
	 * change, under one id; the session counts each id once. The scan reads again the files named
	 * here and those whose size or time changed; without paths, every file.
	 */
	changed(change: LabChange): void;
	/** Increases with every rescan; loaders use it to tell whether their entries are current. */
	version(): number;
}

export function createLabSession(options: LabSessionOptions): LabSession {
	const { lab, projectRoot, effects } = options;
	const isProject = lab === projectRoot;
	const target = deployTarget(options.env);
	let version = 0;
	// Refreshes run one at a time, so every collection hears a change before the next one comes.
	let lastChange: string | undefined;
	let scanned: { version: number; inventory: LabInventory; files: LabFile[]; skipped: SkippedPath[]; texts: Map<string, string | undefined> } | undefined;
	let dates: { head: string | undefined; dates: Map<string, Date> } | undefined;
	let checkHead = false;
	let memos = new Map<string, unknown>();
	// The texts read so far, with the size and time they were read at, and the files named by a change since.
	let read = new Map<string, { size: number; mtimeMs: number; text: string }>();
	const dirty = new Set<string>();
	const readers = createReaderCache();
	let waiting: Promise<void> | undefined;
	let readInventory = options.readInventory;
	let early: Promise<EarlyMarkdown | undefined> | undefined;
	// Taken with the scan, whichever is asked for first: both are handed over once.
	const takeEarly = () => (early ??= options.prefetchedMarkdown?.() ?? Promise.resolve(undefined));

	/** Every loader waits for the same prefetched scan; the first question after it is answered from it. */
	const takePrefetched = async () => {
		takeEarly();
		const prefetched = options.prefetched?.();
		const snapshot = prefetched && (await prefetched);
		// The scan itself is here: its documents' markdown need not be kept twice.
		early = Promise.resolve(undefined);
		// A question asked, or a change heard, while waiting: the session's own answer stands.
		if (snapshot && scanned === undefined && version === 0) scanned = { version, ...snapshot, texts: new Map(snapshot.files.map((file) => [file.path, file.text])) };
		else readInventory ??= (await import('../lib/lab/inventory')).buildInventory;
	};

	/** A file's text: the copy already read unless the file changed since. */
	const textOf = (entry: LabEntry): string | undefined => {
		if (!entry.readsText) return undefined;
		const known = read.get(entry.path);
		if (known && known.size === entry.size && known.mtimeMs === entry.mtimeMs && !dirty.has(entry.path)) return known.text;
		const text = effects.readText(lab, entry.path);
		read.set(entry.path, { size: entry.size, mtimeMs: entry.mtimeMs, text });
		return text;
	};

	const scan = () => {
		if (scanned?.version === version) return scanned;
		const reader = readInventory;
		if (!reader) throw new Error(`The lab session of ${lab} was asked before ready(): it has no scan and no inventory reader.`);
		const listing = effects.listFiles(lab, { skipTopFolders: isProject ? PROJECT_ONLY : new Set() });
		const files: LabFile[] = listing.files.map((entry) => {
			const text = textOf(entry);
			return text === undefined ? { path: entry.path, size: entry.size } : { path: entry.path, size: entry.size, text };
		});
		dirty.clear();
		// Deleted files leave the cache with the scan.
		const listed = new Set(listing.files.map((entry) => entry.path));
		for (const path of read.keys()) if (!listed.has(path)) read.delete(path);
		const texts = new Map(files.map((file) => [file.path, file.text]));
		const lanesText = texts.get(LANES_FILE) ?? (isProject ? undefined : effects.readProjectFile(LANES_FILE));
		const inputs = {
			base: target.base,
			repoUrl: target.labRepoUrl,
			branch: target.branch,
			localmaxxingResultUrl: options.env.LOCALMAXXING_RESULT_URL,
			includeRootDocuments: !isProject,
			lanesFile: lanesText === undefined ? undefined : { path: LANES_FILE, text: lanesText },
		};
		const inventoryOf = () =>
			reader({
				files,
				base: inputs.base,
				repoUrl: inputs.repoUrl,
				branch: inputs.branch,
				localmaxxingUrl: (id) => localmaxxingUrl(id, inputs.localmaxxingResultUrl),
				includeRootDocuments: inputs.includeRootDocuments,
				lanesFile: inputs.lanesFile,
				readers,
				onDocuments: options.onDocuments,
			});
		const cache = options.inventoryCache;
		const digest = cache && inventoryInputsDigest(files, inputs);
		let inventory = digest === undefined ? undefined : cache?.get(digest);
		if (!inventory) {
			inventory = inventoryOf();
			if (digest !== undefined) cache?.set(digest, inventory);
		}
		readers.sweep();
		scanned = { version, inventory, files, skipped: listing.skipped, texts };
		return scanned;
	};

	return {
		lab,
		target,
		env: options.env,
		files: () => scan().files,
		skipped: () => scan().skipped,
		inventory: () => scan().inventory,
		ready: () => (waiting ??= takePrefetched()),
		earlyMarkdown: takeEarly,
		records: () => {
			const { strictRecords, legacyRecords } = scan().inventory;
			return [...strictRecords.map(({ id, record }) => ({ id, record })), ...legacyRecords];
		},
		// A save changes no commit date; git is asked again only when HEAD moved (a commit, a checkout).
		lastUpdated: (labPath) => {
			if (dates && checkHead) {
				checkHead = false;
				if (effects.gitHead(lab) !== dates.head) dates = undefined;
			}
			if (!dates) {
				const head = effects.gitHead(lab);
				dates = { head, dates: effects.gitDates(lab) };
				checkHead = false;
			}
			return dates.dates.get(labPath);
		},
		// Secrets are removed here too: site data (GPUs, photos, the timeline) reaches pages as well.
		labText: (path) => {
			const text = scan().texts.get(path);
			return text === undefined ? undefined : redactSecrets(text, path).text;
		},
		siteDataText: (path) => {
			const own = scan().texts.get(path);
			if (own !== undefined) return { path, text: redactSecrets(own, path).text };
			if (isProject) return undefined;
			const fallback = effects.readProjectFile(path);
			return fallback === undefined ? undefined : { path, text: fallback };
		},
		memo: <T>(key: string, compute: () => T): T => {
			if (!memos.has(key)) memos.set(key, compute());
			return memos.get(key) as T;
		},
		changed: ({ id, paths }) => {
			if (id === lastChange) return;
			lastChange = id;
			if (paths === undefined) read = new Map();
			else for (const path of paths) dirty.add(path);
			version += 1;
			checkHead = true;
			memos = new Map();
			// The next scan is made here: the next ready() loads the reader if the session has none.
			if (!readInventory) waiting = undefined;
		},
		version: () => version,
	};
}

/** A session over a lab folder on disk (the build's, or one `npm run check` is pointed at). */
export const diskLabSession = (lab: string, env: Record<string, string | undefined> = process.env, readInventory?: ReadInventory): LabSession =>
	createLabSession({
		lab,
		projectRoot: PROJECT_ROOT,
		env,
		effects: nodeLabEffects(PROJECT_ROOT),
		prefetched: () => takePrefetchedScan(lab, env),
		prefetchedMarkdown: () => takePrefetchedMarkdown(lab, env),
		readInventory,
	});

/**
 * One scan of a lab on disk, as a build's worker sends it (src/build/lab-scan-worker.mjs), with
 * the inventory kept in `cacheDir` for the next build of the same lab (`save` writes it).
 */
export function scanSnapshot(
	lab: string,
	env: Record<string, string | undefined>,
	{ readInventory, cacheDir, onDocuments }: { readInventory: ReadInventory; cacheDir?: string; onDocuments?: InventoryInput['onDocuments'] },
): { snapshot: ScanSnapshot; save(): void } {
	const inventoryCache = cacheDir === undefined ? undefined : diskInventoryCache(cacheDir, PROJECT_ROOT);
	const session = createLabSession({ lab, projectRoot: PROJECT_ROOT, env, effects: nodeLabEffects(PROJECT_ROOT), inventoryCache, onDocuments, readInventory });
	return { snapshot: { files: session.files(), skipped: session.skipped(), inventory: session.inventory() }, save: () => inventoryCache?.save() };
}

/** The session of this process: the lab of LAB_DIR (or the project), read from disk. */
export const labSession: LabSession = diskLabSession(labDir());
