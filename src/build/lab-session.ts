/**
 * The lab this build (or dev server) reads, and the one cache of what was read from it: the
 * inventory and the git dates. Everything else is computed from these on demand. The dev server
 * owns the session: a change to a lab file calls `changed()`, and the next read scans again.
 */
import type { LabInventory } from '../lib/lab/inventory';
import { buildInventory } from '../lib/lab/inventory';
import { LANES_FILE } from '../lib/schema/lanes';
import { redactSecrets } from '../lib/text/secrets';
import type { LabRecord } from '../lib/schema/record';
import { deployTarget, type DeployTarget } from '../lib/site/deploy-target';
import { localmaxxingUrl } from '../lib/site/localmaxxing';
import { labDir, PROJECT_ROOT } from './lab-dir';
import { nodeLabEffects, type LabEffects, type LabFile, type SkippedPath } from './lab-effects';

/** Top-level folders of this project that are the site's source, not lab material. */
const PROJECT_ONLY = new Set(['src', 'tests', 'public', 'bench', 'scripts']);

export interface LabSessionOptions {
	lab: string;
	projectRoot: string;
	env: Record<string, string | undefined>;
	effects: LabEffects;
	/** Clock for `changed()` (tests pass a fake). */
	now?: () => number;
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
	/** A lab file changed (dev server): the next read scans again. Changes close together count once. */
	changed(): void;
	/** Increases with every rescan; loaders use it to tell whether their entries are current. */
	version(): number;
}

export function createLabSession(options: LabSessionOptions): LabSession {
	const { lab, projectRoot, effects } = options;
	const now = options.now ?? Date.now;
	const isProject = lab === projectRoot;
	const target = deployTarget(options.env);
	let version = 0;
	let lastChange = Number.NEGATIVE_INFINITY;
	let scanned: { version: number; inventory: LabInventory; files: LabFile[]; skipped: SkippedPath[]; texts: Map<string, string | undefined> } | undefined;
	let dates: Map<string, Date> | undefined;
	let memos = new Map<string, unknown>();

	const scan = () => {
		if (scanned?.version === version) return scanned;
		const listing = effects.listFiles(lab, { skipTopFolders: isProject ? PROJECT_ONLY : new Set() });
		const texts = new Map(listing.files.map((file) => [file.path, file.text]));
		const lanesText = texts.get(LANES_FILE) ?? (isProject ? undefined : effects.readProjectFile(LANES_FILE));
		const inventory = buildInventory({
			files: listing.files,
			base: target.base,
			repoUrl: target.labRepoUrl,
			branch: target.branch,
			localmaxxingUrl: (id) => localmaxxingUrl(id, options.env.LOCALMAXXING_RESULT_URL),
			includeRootDocuments: !isProject,
			lanesFile: lanesText === undefined ? undefined : { path: LANES_FILE, text: lanesText },
		});
		scanned = { version, inventory, files: listing.files, skipped: listing.skipped, texts };
		return scanned;
	};

	return {
		lab,
		target,
		env: options.env,
		files: () => scan().files,
		skipped: () => scan().skipped,
		inventory: () => scan().inventory,
		records: () => {
			const { strictRecords, legacyRecords } = scan().inventory;
			return [...strictRecords.map(({ id, record }) => ({ id, record })), ...legacyRecords];
		},
		lastUpdated: (labPath) => {
			dates ??= effects.gitDates(lab);
			return dates.get(labPath);
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
		changed: () => {
			const time = now();
			if (time - lastChange > 250) {
				version += 1;
				dates = undefined;
				memos = new Map();
			}
			lastChange = time;
		},
		version: () => version,
	};
}

/** A session over a lab folder on disk (the build's, or one `npm run check` is pointed at). */
export const diskLabSession = (lab: string, env: Record<string, string | undefined> = process.env): LabSession =>
	createLabSession({ lab, projectRoot: PROJECT_ROOT, env, effects: nodeLabEffects(PROJECT_ROOT) });

/** The session of this process: the lab of LAB_DIR (or the project), read from disk. */
export const labSession: LabSession = diskLabSession(labDir());
