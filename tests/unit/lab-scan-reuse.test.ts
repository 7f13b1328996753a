/**
 * A build reads the lab once: in a worker started with the build (its scan handed to the session)
 * or from the inventory kept by the previous build of the same lab with the same code. Both must
 * give exactly what a scan would, and neither may hand over a scan of other files or settings.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabEffects } from '../../src/build/lab-effects';
import { diskInventoryCache, inventoryInputsDigest } from '../../src/build/lab-scan-cache';
import { buildInventory } from '../../src/lib/lab/inventory';
import { createLabSession, type ScanSnapshot } from '../../src/build/lab-session';

const NOTE = '# Allreduce fusion\n\nDate: 2026-05-10\n\n## Decision\n\nReject: output 61.2 tok/s against 63.0 before.\n';

function memoryEffects(files: Record<string, string>) {
	const calls = { list: 0 };
	const effects: LabEffects = {
		listFiles: () => {
			calls.list += 1;
			return { files: Object.entries(files).map(([path, text]) => ({ path, size: text.length, mtimeMs: 1, readsText: true })), skipped: [] };
		},
		readText: (_root, path) => files[path],
		readProjectFile: () => undefined,
		gitDates: () => new Map(),
		gitHead: () => 'head',
	};
	return { effects, calls };
}

const session = (files: Record<string, string>, extra: Partial<Parameters<typeof createLabSession>[0]> = {}) => {
	const { effects, calls } = memoryEffects(files);
	return { session: createLabSession({ readInventory: buildInventory, lab: '/lab', projectRoot: '/project', env: {}, effects, ...extra }), calls };
};

describe('a scan prefetched for the build', () => {
	it('is what every loader gets, and the session reads no file itself', async () => {
		const scanned = session({ 'notes/2026-05-10-allreduce.md': NOTE }).session;
		const snapshot: ScanSnapshot = structuredClone({ files: scanned.files(), skipped: scanned.skipped(), inventory: scanned.inventory() });
		let taken = 0;
		const { session: built, calls } = session({}, { prefetched: () => (taken++, Promise.resolve(snapshot)) });
		await Promise.all([built.ready(), built.ready(), built.ready()]);
		expect(taken).toBe(1);
		expect(calls.list).toBe(0);
		expect(built.inventory().notes.map((note) => note.meta.title)).toEqual(['Allreduce fusion']);
		expect(built.records()).toEqual(scanned.records());
		expect(built.labText('notes/2026-05-10-allreduce.md')).toBe(NOTE);
	});

	it('is not used when the worker failed: the session scans for itself', async () => {
		const { session: built, calls } = session({ 'notes/2026-05-10-allreduce.md': NOTE }, { prefetched: () => Promise.resolve(undefined) });
		await built.ready();
		expect(built.inventory().notes).toHaveLength(1);
		expect(calls.list).toBe(1);
	});

	it('is not used after a change was heard while waiting for it (the dev server)', async () => {
		const stale = session({ 'notes/2026-05-10-allreduce.md': NOTE }).session;
		const snapshot: ScanSnapshot = { files: stale.files(), skipped: stale.skipped(), inventory: stale.inventory() };
		const { session: built } = session({ 'notes/2026-05-10-allreduce.md': NOTE.replace('Allreduce fusion', 'Allreduce fusion, again') }, { prefetched: () => Promise.resolve(snapshot) });
		const waiting = built.ready();
		built.changed({ id: 'save-1', paths: ['notes/2026-05-10-allreduce.md'] });
		await waiting;
		expect(built.inventory().notes[0].meta.title).toBe('Allreduce fusion, again');
	});
});

describe('the readers on the build thread', () => {
	const withoutReader = { readInventory: undefined };

	it('are not needed when the worker scanned the lab', async () => {
		const scanned = session({ 'notes/2026-05-10-allreduce.md': NOTE }).session;
		const snapshot: ScanSnapshot = structuredClone({ files: scanned.files(), skipped: scanned.skipped(), inventory: scanned.inventory() });
		const { session: built } = session({}, { ...withoutReader, prefetched: () => Promise.resolve(snapshot) });
		await built.ready();
		expect(built.inventory().notes.map((note) => note.meta.title)).toEqual(['Allreduce fusion']);
	});

	it('are loaded by ready() when there is no scan to take, and a question before it is refused by name', async () => {
		const { session: built } = session({ 'notes/2026-05-10-allreduce.md': NOTE }, withoutReader);
		expect(() => built.inventory()).toThrow(/lab session of \/lab was asked before ready\(\)/);
		await built.ready();
		expect(built.inventory().notes.map((note) => note.meta.title)).toEqual(['Allreduce fusion']);
	});

	it('are loaded for the first change after a taken scan (the dev server scans for itself)', async () => {
		const files: Record<string, string> = { 'notes/2026-05-10-allreduce.md': NOTE };
		const scanned = session(files).session;
		const snapshot: ScanSnapshot = structuredClone({ files: scanned.files(), skipped: scanned.skipped(), inventory: scanned.inventory() });
		const { session: built } = session(files, { ...withoutReader, prefetched: () => Promise.resolve(snapshot) });
		await built.ready();
		files['notes/2026-05-10-allreduce.md'] = NOTE.replace('Allreduce fusion', 'Allreduce fusion, again');
		built.changed({ id: 'save-1', paths: ['notes/2026-05-10-allreduce.md'] });
		await built.ready();
		expect(built.inventory().notes[0].meta.title).toBe('Allreduce fusion, again');
	});
});

describe("a scan's markdown, sent before the scan ends", () => {
	it('is what earlyMarkdown() gives, taken once with the scan', async () => {
		let taken = 0;
		const markdown = { notes: ['# Allreduce fusion'], writeups: [] };
		const { session: built } = session({ 'notes/2026-05-10-allreduce.md': NOTE }, { prefetchedMarkdown: () => (taken++, Promise.resolve(markdown)) });
		expect(await built.earlyMarkdown()).toEqual(markdown);
		expect(await built.earlyMarkdown()).toEqual(markdown);
		await built.ready();
		expect(taken).toBe(1);
		// The scan is in: its markdown is not kept a second time.
		expect(await built.earlyMarkdown()).toBeUndefined();
	});

	it('is told by the inventory once the documents are read, before the records', () => {
		const told: string[][] = [];
		const { session: scanning } = session({ 'notes/2026-05-10-allreduce.md': NOTE }, { onDocuments: ({ notes }) => told.push(notes.map((note) => note.markdown)) });
		scanning.inventory();
		expect(told).toHaveLength(1);
		expect(told[0][0]).toContain('Reject: output 61.2 tok/s');
	});
});

describe('the inventory kept between builds', () => {
	const tempDir = () => mkdtempSync(join(tmpdir(), 'lab-scan-cache-'));
	const project = () => {
		const root = tempDir();
		mkdirSync(join(root, 'src/lib'), { recursive: true });
		writeFileSync(join(root, 'src/lib/reader.ts'), 'export const version = 1;\n');
		return root;
	};

	/** A disk cache that counts the inventories it had to be given (computed, not read back). */
	const counting = (dir: string, root: string) => {
		const cache = diskInventoryCache(dir, root);
		const counts = { computed: 0 };
		return { counts, cache: { ...cache, set: (...args: Parameters<typeof cache.set>) => (counts.computed++, cache.set(...args)) } };
	};

	it('is read back by the next build of the same lab, equal to a fresh scan', () => {
		const dir = tempDir();
		const root = project();
		const files = { 'notes/2026-05-10-allreduce.md': NOTE };
		const first = counting(dir, root);
		const fresh = session(files, { inventoryCache: first.cache }).session.inventory();
		expect(readdirSync(dir)).toEqual([]); // written once the build has its answer
		first.cache.save();
		expect(readdirSync(dir)).toHaveLength(1);

		const next = counting(dir, root);
		expect(session(files, { inventoryCache: next.cache }).session.inventory()).toEqual(fresh);
		expect([first.counts.computed, next.counts.computed]).toEqual([1, 0]);
	});

	it('misses when a file, a setting or the code changed', () => {
		const files = [{ path: 'notes/a.md', size: 3, text: 'abc' }];
		const digest = inventoryInputsDigest(files, { base: '/' });
		expect(inventoryInputsDigest([{ path: 'notes/a.md', size: 3, text: 'abd' }], { base: '/' })).not.toBe(digest);
		expect(inventoryInputsDigest([{ path: 'notes/b.md', size: 3, text: 'abc' }], { base: '/' })).not.toBe(digest);
		expect(inventoryInputsDigest(files, { base: '/lab/' })).not.toBe(digest);
		expect(inventoryInputsDigest(structuredClone(files), { base: '/' })).toBe(digest);

		const dir = tempDir();
		const root = project();
		const build = (text: string, env: Record<string, string> = {}) => {
			const { cache, counts } = counting(dir, root);
			session({ 'notes/a.md': text }, { inventoryCache: cache, env }).session.inventory();
			cache.save();
			return counts.computed;
		};
		expect(build(NOTE)).toBe(1);
		expect(build(NOTE)).toBe(0);
		expect(build(`${NOTE}\nMore.\n`)).toBe(1);
		expect(build(`${NOTE}\nMore.\n`, { BASE_PATH: '/lab/' })).toBe(1);
		writeFileSync(join(root, 'src/lib/reader.ts'), 'export const version = 2;\n');
		expect(build(`${NOTE}\nMore.\n`, { BASE_PATH: '/lab/' })).toBe(1);
		expect(build(`${NOTE}\nMore.\n`, { BASE_PATH: '/lab/' })).toBe(0);
		// The project's default tracks, which a lab without its own is classified by.
		mkdirSync(join(root, 'data'), { recursive: true });
		writeFileSync(join(root, 'data/tracks.json'), '{"tracks": []}\n');
		expect(build(`${NOTE}\nMore.\n`, { BASE_PATH: '/lab/' })).toBe(1);
	});

	it('keeps one file, and a cut-short file is computed again', () => {
		const dir = tempDir();
		const root = project();
		for (const text of [NOTE, `${NOTE}\nMore.\n`]) {
			const cache = diskInventoryCache(dir, root);
			session({ 'notes/a.md': text }, { inventoryCache: cache }).session.inventory();
			cache.save();
		}
		const [only] = readdirSync(dir);
		expect(readdirSync(dir)).toHaveLength(1);
		writeFileSync(join(dir, only), 'not a serialized inventory');
		const { session: again } = session({ 'notes/a.md': `${NOTE}\nMore.\n` }, { inventoryCache: diskInventoryCache(dir, root) });
		expect(again.inventory().notes).toHaveLength(1);
	});
});
