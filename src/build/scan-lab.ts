/**
 * Reads a lab checkout once per build and hands the files to buildInventory. Only the kinds the
 * site reads are loaded as text; everything else is indexed by path and size (for links).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildInventory, type LabInventory } from '../lib/lab/inventory';
import { deployTarget } from '../lib/site/deploy-target';
import { localmaxxingUrl } from '../lib/site/localmaxxing';
import { labDir, PROJECT_ROOT } from './lab-dir';

/** Never part of the lab: tooling, build output and, in this project, the site's own source. */
const ALWAYS_SKIPPED = new Set(['node_modules', 'dist']);
const PROJECT_ONLY = new Set(['src', 'tests', 'public', 'bench', 'scripts']);
const READ_AS_TEXT = /\.(md|json|jsonl)$|\.meta\.txt$|^optimization-timeline\.html$/i;

export function listLabFiles(lab: string): Array<{ path: string; text?: string; size: number }> {
	const isProject = lab === PROJECT_ROOT;
	const files: Array<{ path: string; text?: string; size: number }> = [];
	const visit = (folder: string, depth: number) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith('.') || ALWAYS_SKIPPED.has(entry.name)) continue;
			if (depth === 0 && isProject && PROJECT_ONLY.has(entry.name)) continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) visit(full, depth + 1);
			else if (entry.isFile()) {
				const path = relative(lab, full).split(sep).join('/');
				const size = statSync(full).size;
				files.push({ path, size, text: READ_AS_TEXT.test(entry.name) ? readFileSync(full, 'utf8') : undefined });
			}
		}
	};
	visit(lab, 0);
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

let cached: { lab: string; version: number; inventory: LabInventory } | undefined;
let labVersion = 0;

let lastChange = 0;

/**
 * Marks the lab as changed (dev server): the next labInventory() scans it again. Every
 * collection hears the same file event; changes within a moment count once, so they share a scan.
 */
export function labChanged(now = Date.now()): void {
	if (now - lastChange > 250) labVersion += 1;
	lastChange = now;
}

export const currentLabVersion = () => labVersion;

/** The inventory of the lab this build reads (LAB_DIR, or the project). */
export function labInventory(lab = labDir()): LabInventory {
	if (cached?.lab === lab && cached.version === labVersion) return cached.inventory;
	const target = deployTarget(process.env);
	const inventory = buildInventory({
		files: listLabFiles(lab),
		base: target.base,
		repoUrl: target.labRepoUrl,
		branch: target.branch,
		localmaxxingUrl: (id) => localmaxxingUrl(id, process.env.LOCALMAXXING_RESULT_URL),
		includeRootDocuments: lab !== PROJECT_ROOT,
	});
	cached = { lab, version: labVersion, inventory };
	return inventory;
}
