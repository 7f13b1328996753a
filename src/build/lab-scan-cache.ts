/**
 * A build's lab inventory kept on disk between builds, beside Astro's own content cache: building
 * the same lab again with the same code reads the inventory back (a fraction of a second) instead
 * of running every reader over every file again (about 1.8 s on the real lab). The file is named
 * by a digest of everything the inventory is computed from: the lab's files (paths, sizes, texts)
 * and settings, the code that reads them (src/lib, src/build, the project's default tracks, the
 * installed packages' lockfile) and the Node version. Any change to any of these misses, so a stale inventory is never read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LabInventory } from '../lib/lab/inventory';

export interface InventoryCache {
	/** The inventory saved for inputs with this digest, if any. */
	get(inputsDigest: string): LabInventory | undefined;
	/** Keeps the inventory for these inputs; written by `save()`, so the caller can answer first. */
	set(inputsDigest: string, inventory: LabInventory): void;
	save(): void;
}

const PREFIX = 'lab-inventory-';

/** The digest of a scan's inputs: every file's path, size and text, and the settings the inventory reads. */
export function inventoryInputsDigest(files: ReadonlyArray<{ path: string; size: number; text?: string }>, settings: unknown): string {
	const hash = createHash('sha256').update(JSON.stringify(settings));
	for (const file of files) hash.update(`\u0000${file.path}\u0000${file.size}\u0000${file.text === undefined ? '-' : `+${file.text}`}`);
	return hash.digest('hex');
}

/**
 * What an inventory is computed with besides the lab: the code, the project's default tracks (the
 * code imports them; a lab without its own uses them), the installed packages' versions.
 */
const CODE_FOLDERS = ['src/lib', 'src/build'];
const CODE_FILES = ['data/tracks.json', 'package-lock.json'];

/** The digest of the code an inventory is computed with (CODE_FOLDERS, CODE_FILES, Node's version). */
export function codeDigest(projectRoot: string): string {
	const hash = createHash('sha256').update(process.version);
	const visit = (relativeDir: string) => {
		for (const entry of readdirSync(join(projectRoot, relativeDir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = `${relativeDir}/${entry.name}`;
			if (entry.isDirectory()) visit(path);
			else if (entry.isFile()) hash.update(`\u0000${path}\u0000`).update(readFileSync(join(projectRoot, path)));
		}
	};
	for (const folder of CODE_FOLDERS) if (existsSync(join(projectRoot, folder))) visit(folder);
	for (const file of CODE_FILES) if (existsSync(join(projectRoot, file))) hash.update(`\u0000${file}\u0000`).update(readFileSync(join(projectRoot, file)));
	return hash.digest('hex');
}

/** An inventory cache in `dir` (one file, replaced when the inputs change) for the code in `projectRoot`. */
export function diskInventoryCache(dir: string, projectRoot: string): InventoryCache {
	let code: string | undefined;
	const fileOf = (inputsDigest: string) => {
		code ??= codeDigest(projectRoot);
		return join(dir, `${PREFIX}${createHash('sha256').update(code).update(inputsDigest).digest('hex').slice(0, 32)}.v8`);
	};
	let pending: { file: string; inventory: LabInventory } | undefined;
	return {
		get: (inputsDigest) => {
			const file = fileOf(inputsDigest);
			try {
				return deserialize(readFileSync(file)) as LabInventory;
			} catch {
				// Missing (the usual first build) or unreadable (cut short): computed again.
				return undefined;
			}
		},
		set: (inputsDigest, inventory) => {
			pending = { file: fileOf(inputsDigest), inventory };
		},
		save: () => {
			if (!pending) return;
			const { file, inventory } = pending;
			pending = undefined;
			try {
				mkdirSync(dir, { recursive: true });
				for (const name of readdirSync(dir)) if (name.startsWith(PREFIX)) rmSync(join(dir, name), { force: true });
				// Written aside and renamed: a build killed mid-write leaves no half file to read.
				const partial = `${file}.${process.pid}.partial`;
				writeFileSync(partial, serialize(inventory));
				renameSync(partial, file);
			} catch {
				// A cache that cannot be written costs the next build time, nothing else.
			}
		},
	};
}
