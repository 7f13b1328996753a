/** The lab session: one scan per change, fresh git dates after a change, symlinks never followed. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCacheDir } from '../../src/build/cache-dir';
import { nodeLabEffects, type LabEffects } from '../../src/build/lab-effects';
import { buildInventory } from '../../src/lib/lab/inventory';
import { createLabSession } from '../../src/build/lab-session';

/** A lab in memory; each file's time moves when a test rewrites it, as on disk. */
function fakeEffects(notes: Record<string, string>) {
	const calls = { list: 0, git: 0, head: 0, reads: [] as string[] };
	const times = new Map<string, { text: string; mtimeMs: number }>();
	let head = 'commit-1';
	const effects: LabEffects = {
		listFiles: () => {
			calls.list += 1;
			const files = Object.entries(notes).map(([path, text]) => {
				const known = times.get(path);
				const mtimeMs = known?.text === text ? known.mtimeMs : (known?.mtimeMs ?? 0) + 1;
				times.set(path, { text, mtimeMs });
				return { path, size: text.length, mtimeMs, readsText: true };
			});
			return { files, skipped: [] };
		},
		readText: (_root, path) => {
			calls.reads.push(path);
			return notes[path];
		},
		readProjectFile: () => undefined,
		gitDates: () => {
			calls.git += 1;
			return new Map([['notes/a.md', new Date(Date.UTC(2026, 4, calls.git))]]);
		},
		gitHead: () => {
			calls.head += 1;
			return head;
		},
	};
	return { effects, calls, commit: () => (head = `${head}+`) };
}

describe('the lab session', () => {
	it('scans once per change, however many collections hear it', () => {
		const notes: Record<string, string> = { 'notes/a.md': '# First title\n' };
		const { effects, calls } = fakeEffects(notes);
		const session = createLabSession({ readInventory: buildInventory, lab: '/lab', projectRoot: '/project', env: {}, effects });
		expect(session.inventory().notes[0].meta.title).toBe('First title');
		session.records();
		expect(calls.list).toBe(1);
		notes['notes/a.md'] = '# Second title\n';
		session.changed({ id: 'save-1', paths: ['notes/a.md'] });
		session.inventory();
		session.changed({ id: 'save-1', paths: ['notes/a.md'] }); // the same save, told to another collection: no second scan
		expect(session.inventory().notes[0].meta.title).toBe('Second title');
		expect(calls.list).toBe(2);
	});

	it('reads again only the note that changed, and its new text reaches the notes and records', async () => {
		const notes: Record<string, string> = {
			'notes/2026-05-01-a.md': '# A\n\nA probe of the router.\n',
			'notes/2026-05-02-b.md': '# B\n\nAnother probe.\n',
			'data/2026-05-02-b.json': JSON.stringify({ model: 'm', decision: 'kept', output_tok_s: 12.5 }),
		};
		const { effects, calls } = fakeEffects(notes);
		const session = createLabSession({ readInventory: buildInventory, lab: '/lab', projectRoot: '/project', env: {}, effects });
		const before = session.records();
		expect(calls.reads.sort()).toEqual(Object.keys(notes).sort());
		calls.reads.length = 0;
		notes['notes/2026-05-01-a.md'] += '\nA new line, saved.\n';
		session.changed({ id: 'save-1', paths: ['notes/2026-05-01-a.md'] });
		const note = session.inventory().notes.find((entry) => entry.path === 'notes/2026-05-01-a.md')!;
		expect(note.markdown).toContain('A new line, saved.');
		expect(calls.reads).toEqual(['notes/2026-05-01-a.md']);
		expect(session.records()).toEqual(before);
		// A change to a paired data file reaches the records too.
		notes['data/2026-05-02-b.json'] = JSON.stringify({ model: 'm', decision: 'kept', output_tok_s: 13.75 });
		session.changed({ id: 'save-2', paths: ['data/2026-05-02-b.json'] });
		expect(JSON.stringify(session.records())).toContain('13.75');
		expect(calls.reads).toEqual(['notes/2026-05-01-a.md', 'data/2026-05-02-b.json']);
	});

	it('keeps git dates across saves and reads them again after a commit', async () => {
		const { effects, calls, commit } = fakeEffects({ 'notes/a.md': '# A\n' });
		const session = createLabSession({ readInventory: buildInventory, lab: '/lab', projectRoot: '/project', env: {}, effects });
		const first = session.lastUpdated('notes/a.md');
		session.changed({ id: 'save-1', paths: ['notes/a.md'] });
		expect(session.lastUpdated('notes/a.md')).toEqual(first);
		expect(calls.git).toBe(1);
		commit();
		session.changed({ id: 'save-2', paths: ['notes/a.md'] });
		expect(session.lastUpdated('notes/a.md')).not.toEqual(first);
		expect(calls.git).toBe(2);
	});

	it('never follows a symbolic link, and says it skipped it', () => {
		const root = mkdtempSync(join(tmpdir(), 'b70-session-'));
		const outside = mkdtempSync(join(tmpdir(), 'b70-outside-'));
		writeFileSync(join(outside, 'secret.json'), '{"gpus": []}');
		mkdirSync(join(root, 'data'));
		symlinkSync(join(outside, 'secret.json'), join(root, 'data', 'gpus.json'));
		writeFileSync(join(root, 'data', 'real.json'), '{}');
		const session = createLabSession({ readInventory: buildInventory, lab: root, projectRoot: '/project-elsewhere', env: {}, effects: nodeLabEffects('/project-elsewhere') });
		expect(session.files().map((file) => file.path)).toEqual(['data/real.json']);
		expect(session.skipped()).toEqual([{ path: 'data/gpus.json', reason: 'symbolic link (never followed)' }]);
		expect(session.siteDataText('data/gpus.json')).toBeUndefined();
	});
});

describe('the content cache folder', () => {
	it('is the override when ASTRO_CACHE_DIR is set, whichever lab is built', () => {
		expect(contentCacheDir({ env: { ASTRO_CACHE_DIR: '/tmp/cache' }, lab: '/project', projectRoot: '/project' })).toBe('/tmp/cache');
		expect(contentCacheDir({ env: { ASTRO_CACHE_DIR: '/tmp/cache' }, lab: '/lab', projectRoot: '/project' })).toBe('/tmp/cache');
	});

	it('keeps each lab apart from the project', () => {
		const project = contentCacheDir({ env: {}, lab: '/project', projectRoot: '/project' });
		const lab = contentCacheDir({ env: {}, lab: '/lab', projectRoot: '/project' });
		expect(project).toBe('./node_modules/.astro');
		expect(lab).toMatch(/^\.\/node_modules\/\.astro\/lab-[0-9a-f]{12}$/);
	});
});

describe('every path under the lab is accounted for', () => {
	it('as a page, a listed file, a file kept in the repository, a path not read, or a secret-named file left out', async () => {
		const { cpSync, readdirSync } = await import('node:fs');
		const { buildReport } = await import('../../src/lib/lab/report');
		const root = mkdtempSync(join(tmpdir(), 'b70-accounting-'));
		cpSync(join(import.meta.dirname, '../fixtures/lab'), root, { recursive: true });
		mkdirSync(join(root, 'node_modules'));
		writeFileSync(join(root, '.hidden-notes.md'), '# hidden');
		symlinkSync('/etc/hostname', join(root, 'data', 'linked.json'));
		writeFileSync(join(root, 'data', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB.txt'), 'named after a token');
		// What is on disk, counted the way a person would: every file, every link, every hidden or tooling entry once.
		const onDisk = (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isDirectory(): boolean }>)
			.map((entry) => ({ path: join(entry.parentPath, entry.name).slice(root.length + 1), directory: entry.isDirectory() }))
			.filter(({ path, directory }) => !directory || /(^|\/)(\.[^/]+|node_modules)$/.test(path))
			.filter(({ path }) => !/(^|\/)(\.[^/]+|node_modules)\/./.test(path));
		const session = createLabSession({ readInventory: buildInventory, lab: root, projectRoot: '/project-elsewhere', env: {}, effects: nodeLabEffects('/project-elsewhere') });
		const report = buildReport(session.inventory(), session.records().map(({ record }) => record), session.skipped());
		const { total, pages, listed, keptInRepository, notRead, secretInName } = report.accounting;
		expect(total).toBe(onDisk.length);
		expect(pages + listed + keptInRepository + notRead + secretInName).toBe(total);
		expect(notRead).toBe(3);
		expect(secretInName).toBe(1);
	});
});
