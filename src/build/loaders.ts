/**
 * Content loaders for the lab's material. Each reads the lab inventory (src/build/scan-lab.ts),
 * so the site, the import report and `npm run report` see the same thing. Legacy material never
 * fails the build; new strict content does: invalid records, recipes and note frontmatter stop it
 * with our own messages (file, field, what to write).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitFrontmatter } from '../lib/lab/inventory';
import { inertRawText, sanitizeRendered } from '../lib/text/sanitize-html';
import { keepNoiseOutOfSearch } from '../lib/site/search-noise';
import { buildReport } from '../lib/lab/report';
import { validateRecipe } from '../lib/recipes/requirements';
import { validateRecord, type LabRecord } from '../lib/schema/record';
import { SITE_DATA_FILES, validateGpus, validatePhotos } from '../lib/schema/site-data';
import { TIMELINE_FILE, validateTimeline } from '../lib/schema/timeline';
import { labDir, PROJECT_ROOT } from './lab-dir';
import { currentLabVersion, labChanged, labInventory } from './scan-lab';

/** A content error that already reads well; the build prints it as it is. */
export class LabContentError extends Error {
	override name = 'LabContentError';
}

interface Entry {
	id: string;
	data: Record<string, unknown>;
	/** Markdown to render into the entry's HTML. */
	markdown?: string;
	filePath?: string;
}

const LAB_FOLDERS = /^(notes|data|repro|results|plans)\/|^[^/]+\.(md|html)$/;

/**
 * A loader over the lab inventory. On the dev server it also watches the lab: a change to a lab
 * file rescans the lab once (all collections share the scan) and reloads the collection.
 */
function labLoader(name: string, load: (context: LoaderContext) => Promise<void>): Loader {
	return {
		name,
		load: async (context) => {
			await load(context);
			const { watcher } = context;
			if (!watcher) return;
			const lab = labDir();
			watcher.add(lab);
			watcher.on('all', async (_event, path) => {
				const inLab = relative(lab, path).split(sep).join('/');
				if (inLab.startsWith('..') || !LAB_FOLDERS.test(inLab)) return;
				labChanged();
				try {
					await load(context);
					context.logger.debug(`Reloaded after a change to ${inLab}`);
				} catch (error) {
					context.logger.error((error as Error).message);
				}
			});
		},
	};
}

/** Replaces the collection's entries, re-rendering only those whose content changed. */
async function syncEntries(context: LoaderContext, entries: Entry[]): Promise<void> {
	const keep = new Set(entries.map((entry) => entry.id));
	for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
	for (const entry of entries) {
		const digest = context.generateDigest({ data: JSON.stringify(entry.data), markdown: entry.markdown ?? '' });
		if (context.store.get(entry.id)?.digest === digest) continue;
		const data = await context.parseData({ id: entry.id, data: entry.data });
		const rendered = entry.markdown === undefined ? undefined : unindexNoise(sanitizeRendered(await context.renderMarkdown(inertRawText(entry.markdown))));
		context.store.set({ id: entry.id, data, digest, rendered, body: entry.markdown, filePath: entry.filePath });
	}
}

/**
 * Absolute paths from the lab machine and long code blocks (command lines, logs) stay readable
 * but out of the search index, so they do not drown real hits.
 */
function unindexNoise<T extends { html: string }>(rendered: T): T {
	return { ...rendered, html: keepNoiseOutOfSearch(rendered.html) };
}

function inventoryOrFail() {
	const inventory = labInventory();
	if (inventory.errors.length) throw new LabContentError(`Invalid lab content\n${inventory.errors.join('\n')}`);
	return inventory;
}

export const notesLoader = (): Loader =>
	labLoader('lab-notes', async (context) =>
		syncEntries(
			context,
			inventoryOrFail().notes.map((note) => ({
				id: note.id,
				data: { ...note.meta, pairedData: note.pairedData, pairedFiles: note.pairedFiles },
				markdown: note.markdown,
			})),
		),
	);

export const writeupsLoader = (): Loader =>
	labLoader('lab-writeups', async (context) =>
		syncEntries(
			context,
			inventoryOrFail().writeups.map((doc) => ({ id: doc.id, data: { ...doc.meta, pairedData: doc.pairedData, pairedFiles: doc.pairedFiles }, markdown: doc.markdown })),
		),
	);

let strictCache: { lab: string; version: number; records: Array<{ id: string; record: LabRecord }> } | undefined;

/** Strict records (data/records/) must be valid; a bad one stops the build naming file and field. */
function strictRecords(): Array<{ id: string; record: LabRecord }> {
	const lab = labDir();
	if (strictCache?.lab === lab && strictCache.version === currentLabVersion()) return strictCache.records;
	const problems: string[] = [];
	const records = inventoryOrFail().recordFiles.flatMap((path) => {
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(join(lab, path), 'utf8'));
		} catch (error) {
			problems.push(`${path}: is not valid JSON (${(error as Error).message})`);
			return [];
		}
		const result = validateRecord(json, path);
		if (!result.ok) {
			problems.push(result.message);
			return [];
		}
		return [{ id: path.replace(/^data\/records\//, '').replace(/\.json$/, ''), record: result.data }];
	});
	if (problems.length) throw new LabContentError(`Invalid record\n${problems.join('\n')}`);
	strictCache = { lab, version: currentLabVersion(), records };
	return records;
}

export function allRecords(): Array<{ id: string; record: LabRecord }> {
	const legacy = labInventory().legacyRecords;
	return [...strictRecords(), ...legacy];
}

export const recordsLoader = (): Loader =>
	labLoader('lab-records', async (context) => syncEntries(context, allRecords().map(({ id, record }) => ({ id, data: record }))),
	);

export const reproLoader = (): Loader =>
	labLoader('lab-recipes', async (context) => {
		const lab = labDir();
		const inventory = inventoryOrFail();
		const records = allRecords();
		const problems: string[] = [];
		const entries: Entry[] = [];
		for (const folder of inventory.recipeFolders) {
			const path = `${folder}/README.md`;
			const { frontmatter, body, error } = splitFrontmatter(readFileSync(join(lab, path), 'utf8'), path);
			if (error) {
				problems.push(error);
				continue;
			}
			const files = new Set(inventory.allFiles.filter((file) => file.startsWith(`${folder}/`)).map((file) => file.slice(folder.length + 1)));
			const result = validateRecipe(frontmatter, path, {
				files,
				recordIds: new Set(records.map((record) => record.id)),
				producedRecordIds: records.filter(({ record }) => record.software.recipe?.replace(/\/+$/, '') === folder).map((record) => record.id),
			});
			if (!result.ok) problems.push(result.message);
			else entries.push({ id: folder.replace(/^repro\//, ''), data: { ...result.data, folder, sourcePath: path }, markdown: body });
		}
		if (problems.length) throw new LabContentError(`Invalid recipe\n${problems.join('\n')}`);
		await syncEntries(context, entries);
	},
	);

export const labDataLoader = (): Loader =>
	labLoader('lab-data', async (context) =>
		syncEntries(
			context,
			inventoryOrFail().data.map((file) => ({
				id: file.id,
				data: {
					sourcePath: file.path,
					kind: file.kind,
					json: file.json,
					parseError: file.parseError,
					size: file.size,
					title: file.title,
					date: file.date,
					outcome: file.outcome,
					track: file.track,
					summary: file.facts.summary,
					pairedNote: file.pairedNote,
				},
			})),
		),
	);

/** One entry, "report": the import report and the files listed but not rendered. */
export const labReportLoader = (): Loader =>
	labLoader('lab-report', async (context) => {
		const inventory = inventoryOrFail();
		const report = buildReport(inventory, allRecords().map(({ record }) => record));
		await syncEntries(context, [{ id: 'report', data: { report, otherDataFiles: inventory.otherDataFiles } }]);
	},
	);

/** The site's curated data (GPUs, photos): the lab's own file if it has one, else the project's. */
function siteDataFile(path: string): { path: string; json: unknown } | undefined {
	for (const root of [labDir(), PROJECT_ROOT]) {
		const full = join(root, path);
		if (!existsSync(full)) continue;
		try {
			return { path, json: JSON.parse(readFileSync(full, 'utf8')) };
		} catch (error) {
			throw new LabContentError(`${path}: is not valid JSON (${(error as Error).message})`);
		}
	}
	return undefined;
}

export const gpusLoader = (): Loader =>
	labLoader('site-gpus', async (context) => {
		const file = siteDataFile(SITE_DATA_FILES.gpus);
		if (!file) return syncEntries(context, []);
		const result = validateGpus(file.json, file.path);
		if (!result.ok) throw new LabContentError(`Invalid GPU list\n${result.message}`);
		await syncEntries(context, result.data.gpus.map((gpu) => ({ id: gpu.id, data: gpu })));
	},
	);

export const photosLoader = (): Loader =>
	labLoader('site-photos', async (context) => {
		const file = siteDataFile(SITE_DATA_FILES.photos);
		if (!file) return syncEntries(context, []);
		const result = validatePhotos(file.json, file.path);
		if (!result.ok) throw new LabContentError(`Invalid photo list\n${result.message}`);
		await syncEntries(context, result.data.photos.map((photo, index) => ({ id: String(index + 1), data: photo })));
	},
	);

/** The timeline annotations of this lab (data/timeline.json), checked against its records. */
export const timelineLoader = (): Loader =>
	labLoader('lab-timeline', async (context) => {
		const full = join(labDir(), TIMELINE_FILE);
		if (!existsSync(full)) {
			// No curated timeline: show the lab's old hand-written one, imported as annotations.
			const legacy = labInventory().legacyTimeline;
			return syncEntries(context, legacy ? [{ id: 'timeline', data: legacy as unknown as Record<string, unknown> }] : []);
		}
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(full, 'utf8'));
		} catch (error) {
			throw new LabContentError(`${TIMELINE_FILE}: is not valid JSON (${(error as Error).message})`);
		}
		const result = validateTimeline(json, TIMELINE_FILE, new Set(allRecords().map((record) => record.id)));
		if (!result.ok) throw new LabContentError(`Invalid timeline\n${result.message}`);
		await syncEntries(context, [{ id: 'timeline', data: result.data as unknown as Record<string, unknown> }]);
	},
	);
