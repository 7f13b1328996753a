/**
 * The side effects of reading a lab: listing and reading its files, asking git for dates. Passed
 * into the lab session, so the scan has no hidden state and tests can give fakes.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { newestCommitDates } from '../lib/site/git-log';

export interface LabFile {
	path: string;
	/** Text of the kinds the site reads (markdown, JSON, llama-bench runs, the old timeline). */
	text?: string;
	size: number;
}

/** A file as the listing sees it, before anything is read. */
export interface LabEntry {
	path: string;
	size: number;
	/** Modification time: with the size, tells the session whether its copy of the text is current. */
	mtimeMs: number;
	/** Whether the site reads its text (markdown, JSON, llama-bench runs, the old timeline). */
	readsText: boolean;
}

/** A path under the lab root that is not read, and why (the import report lists them). */
export interface SkippedPath {
	path: string;
	reason: string;
}

export interface LabListing {
	files: LabEntry[];
	skipped: SkippedPath[];
}

export interface LabEffects {
	/** Every file under the lab root, sorted by path; `skipTopFolders` are left out at the top. Reads no file. */
	listFiles(root: string, options: { skipTopFolders: ReadonlySet<string> }): LabListing;
	/** The text of one file the listing found (a path relative to `root`). */
	readText(root: string, path: string): string;
	/** A file of the project itself (site data defaults), if it is a regular file. */
	readProjectFile(path: string): string | undefined;
	/** Newest commit date of each file, by path relative to `root` (empty outside a git checkout). */
	gitDates(root: string): Map<string, Date>;
	/**
	 * What identifies the checkout's history now (HEAD's commit), or undefined outside git: dates
	 * are asked for again only when it moves, not on every save.
	 */
	gitHead(root: string): string | undefined;
}

/** Never part of the lab: tooling and build output. */
const ALWAYS_SKIPPED = new Set(['node_modules', 'dist']);
const READ_AS_TEXT = /\.(md|json|jsonl)$|\.meta\.txt$|^optimization-timeline\.html$/i;

/**
 * Lists the lab without following symbolic links (a link could publish any file of the machine);
 * everything not read is reported with its reason, so nothing disappears without a word.
 */
function listFiles(root: string, { skipTopFolders }: { skipTopFolders: ReadonlySet<string> }): LabListing {
	const files: LabEntry[] = [];
	const skipped: SkippedPath[] = [];
	const visit = (folder: string, depth: number) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const full = join(folder, entry.name);
			const path = relative(root, full).split(sep).join('/');
			if (depth === 0 && skipTopFolders.has(entry.name)) continue;
			if (entry.name === '.git' && depth === 0) continue;
			if (entry.name.startsWith('.')) skipped.push({ path, reason: 'hidden (name starts with a dot)' });
			else if (ALWAYS_SKIPPED.has(entry.name)) skipped.push({ path, reason: 'tooling or build output folder' });
			else if (entry.isSymbolicLink()) skipped.push({ path, reason: 'symbolic link (never followed)' });
			else if (entry.isDirectory()) visit(full, depth + 1);
			else if (entry.isFile()) {
				const { size, mtimeMs } = statSync(full);
				files.push({ path, size, mtimeMs, readsText: READ_AS_TEXT.test(entry.name) });
			} else skipped.push({ path, reason: 'not a regular file' });
		}
	};
	visit(root, 0);
	const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
	return { files: files.sort(byPath), skipped: skipped.sort(byPath) };
}

const readProjectFile = (projectRoot: string) => (path: string): string | undefined => {
	try {
		const full = join(projectRoot, path);
		return lstatSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
	} catch {
		return undefined;
	}
};

function gitDates(root: string): Map<string, Date> {
	const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' });
	if (top.status !== 0) return new Map();
	const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', '.'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (log.status !== 0) return new Map();
	const prefix = relative(top.stdout.trim(), root).split('\\').join('/');
	const dates = new Map<string, Date>();
	for (const [file, date] of newestCommitDates(log.stdout)) {
		const inLab = prefix ? (file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined) : file;
		if (inLab) dates.set(inLab, date);
	}
	return dates;
}

function gitHead(root: string): string | undefined {
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
	return head.status === 0 ? head.stdout.trim() : undefined;
}

const readText = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

export const nodeLabEffects = (projectRoot: string): LabEffects => ({ listFiles, readText, readProjectFile: readProjectFile(projectRoot), gitDates, gitHead });

/** Every file of a lab with the texts the site reads, all read now (tests, one-off tools). */
export function readLabFiles(effects: Pick<LabEffects, 'listFiles' | 'readText'>, root: string, options: { skipTopFolders: ReadonlySet<string> } = { skipTopFolders: new Set() }): LabFile[] {
	return effects.listFiles(root, options).files.map((entry) => (entry.readsText ? { path: entry.path, size: entry.size, text: effects.readText(root, entry.path) } : { path: entry.path, size: entry.size }));
}
