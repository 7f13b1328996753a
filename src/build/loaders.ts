/**
 * Content loaders for the lab's material. Each reads the lab inventory of the lab session (src/build/lab-session.ts),
 * so the site, the import report and `npm run report` see the same thing. Legacy material never
 * fails the build; new strict content does: invalid records, recipes and note frontmatter stop it
 * with our own messages (file, field, what to write).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentErrorText } from '../lib/findings/finding';
import { inertRawText, sanitizeRendered } from '../lib/text/sanitize-html';
import { keepNoiseOutOfSearch } from '../lib/site/search-noise';
import { flagIntroductions } from '../lib/site/search-flags';
import { buildReport } from '../lib/lab/report';
import { readRecipes } from '../lib/recipes/read-recipes';
import type { LabRecord } from '../lib/schema/record';
import { SITE_DATA_FILES, validateGpus, validatePhotos } from '../lib/schema/site-data';
import { TIMELINE_FILE, validateTimeline, type TimelineFile } from '../lib/schema/timeline';
import { mergeTimelines, promotionSteps } from '../lib/timeline/promotions';
import { trackLabel } from '../lib/lab/tracks';
import { labSession, type EarlyMarkdown } from './lab-session';
import { MarkdownRenderings } from './render-ahead';
import type { LabChange, LabLoaderName } from './lab-loader-names';
import { headlineRun, runsByNote } from '../lib/records/note-runs';
import { formatFigure, headlineFigure, runContextLabel } from '../lib/records/labels';
import { explainNote, isNegativeOutcome } from '../lib/timeline/negatives';

/** A content error that already reads well; the build prints it as it is. */
export class LabContentError extends Error {
	override name = 'LabContentError';
	constructor(message: string) {
		super(message);
		// The message names the file, the field and what to write; the loader's stack trace under it
		// would only bury that for someone fixing their lab, not the site.
		this.stack = '';
	}
}

interface Entry {
	id: string;
	data: Record<string, unknown>;
	/** Markdown to render into the entry's HTML. */
	markdown?: string;
	filePath?: string;
}

/**
 * A loader over the lab inventory. On the dev server, a change to a lab file reloads the lab's
 * collections (src/build/lab-watch.ts): the change reaches each of them, and the session rescans
 * once for all.
 */
function labLoader(
	name: LabLoaderName,
	load: (context: LoaderContext, renderings: MarkdownRenderings<RenderedLabMarkdown>) => Promise<void>,
	/** The markdown of this collection's documents in a scan's early message, to render ahead. */
	documentsOf?: (early: EarlyMarkdown) => readonly string[],
): Loader {
	return {
		name,
		load: async (context) => {
			const change = context.refreshContextData?.labChange as LabChange | undefined;
			if (change) labSession.changed(change);
			const renderings = labMarkdownRenderings(context);
			// With nothing stored, every document renders: start while the scan is still reading records.
			if (documentsOf && context.store.keys().length === 0) void renderings.ahead(labSession.earlyMarkdown().then((early) => (early ? documentsOf(early) : [])));
			await labSession.ready();
			await load(context, renderings);
		},
	};
}

type RenderedLabMarkdown = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/**
 * Lab markdown as pages show it: raw HTML made inert, rendered, sanitised, and noise (machine
 * paths, long logs) kept out of the search index.
 */
const labMarkdownRenderings = (context: LoaderContext) =>
	new MarkdownRenderings<RenderedLabMarkdown>(async (markdown) => unindexNoise(sanitizeRendered(await context.renderMarkdown(inertRawText(markdown)))));

/** Replaces the collection's entries, re-rendering only those whose content changed. */
async function syncEntries(context: LoaderContext, entries: Entry[], renderings = labMarkdownRenderings(context)): Promise<void> {
	const keep = new Set(entries.map((entry) => entry.id));
	for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
	let rendered = 0;
	for (const entry of entries) {
		const digest = context.generateDigest({ data: JSON.stringify(entry.data), markdown: entry.markdown ?? '' });
		if (context.store.get(entry.id)?.digest === digest) continue;
		const data = await context.parseData({ id: entry.id, data: entry.data });
		const html = entry.markdown === undefined ? undefined : await renderings.of(entry.markdown);
		if (html) rendered++;
		// No `body`: pages render the HTML, and the markdown would double the data store, which the
		// dev server writes and reads back after every save.
		context.store.set({ id: entry.id, data, digest, rendered: html, filePath: entry.filePath });
	}
	// The edit loop's measure: after one note changes, one entry should render, not the whole lab.
	if (rendered) context.logger.info(`Rendered ${rendered} of ${entries.length} entries${rendered < entries.length ? '; the others are unchanged since the last build' : ''}`);
}

/**
 * Absolute paths from the lab machine and long code blocks (command lines, logs) stay readable
 * but out of the search index, so they do not drown real hits.
 */
function unindexNoise<T extends { html: string }>(rendered: T): T {
	return { ...rendered, html: keepNoiseOutOfSearch(rendered.html) };
}

function inventoryOrFail() {
	const inventory = labSession.inventory();
	const errors = inventory.findings.filter((finding) => finding.severity === 'error');
	if (errors.length) throw new LabContentError(contentErrorText('Invalid lab content', errors));
	return inventory;
}

export const notesLoader = (): Loader =>
	labLoader('lab-notes', async (context, renderings) => {
		const byNote = runsByNote(allRecords());
		const notes = inventoryOrFail().notes;
		const introduced = flagIntroductions(notes.map((note) => ({ path: note.path, title: note.meta.title, date: note.meta.date, body: note.markdown })));
		await syncEntries(
			context,
			notes.map((note) => {
				const run = headlineRun(note.path, byNote.get(note.path));
				const headline = run && { recordId: run.id, figure: formatFigure(headlineFigure(run.record)), context: runContextLabel(run.record), status: run.record.status };
				return {
					id: note.id,
					data: {
						...note.meta,
						pairedData: note.pairedData,
						pairedFiles: note.pairedFiles,
						...(headline ? { headline } : {}),
						introducesFlags: introduced.get(note.path) ?? [],
						// Negative results quote a negative note's decision; the markdown itself is not stored.
						...(isNegativeOutcome(note.meta.outcome) ? { explanation: explainNote(note.meta.title, note.markdown, note.meta.outcomeFrom) } : {}),
					},
					markdown: note.markdown,
				};
			}),
			renderings,
		);
	}, (early) => early.notes);

export const writeupsLoader = (): Loader =>
	labLoader(
		'lab-writeups',
		async (context, renderings) =>
			syncEntries(
				context,
				inventoryOrFail().writeups.map((doc) => ({ id: doc.id, data: { ...doc.meta, pairedData: doc.pairedData, pairedFiles: doc.pairedFiles }, markdown: doc.markdown })),
				renderings,
			),
		(early) => early.writeups,
	);

/** Strict and imported records; a bad strict record has already stopped the build (inventoryOrFail). */
function allRecords(): Array<{ id: string; record: LabRecord }> {
	inventoryOrFail();
	return labSession.records();
}

export const recordsLoader = (): Loader =>
	labLoader('lab-records', async (context) => syncEntries(context, allRecords().map(({ id, record }) => ({ id, data: record }))),
	);

export const reproLoader = (): Loader =>
	labLoader('lab-recipes', async (context) => {
		const recipes = readRecipes(inventoryOrFail(), labSession.records());
		if (recipes.findings.length) throw new LabContentError(contentErrorText('Invalid recipe', recipes.findings));
		await syncEntries(
			context,
			recipes.recipes.map((recipe) => ({
				id: recipe.slug,
				data: { ...recipe.frontmatter, folder: recipe.folder, sourcePath: recipe.path },
				markdown: recipe.body,
			})),
		);
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
		const report = buildReport(inventory, allRecords().map(({ record }) => record), labSession.skipped());
		const linkIndex = {
			files: inventory.allFiles,
			writeups: inventory.writeups.map((doc) => doc.path),
			recipeFolders: inventory.recipeFolders,
			// Files whose names needed a safe slug: pages must link them where the page really is.
			pages: Object.fromEntries(inventory.links.index?.pages ?? []),
		};
		// How many entries each collection a lab may leave empty has (src/build/lab-collections.ts).
		const collectionSizes = { writeups: inventory.writeups.length, repro: inventory.recipeReadmes.length, labdata: inventory.data.length };
		await syncEntries(context, [{ id: 'report', data: { report, otherDataFiles: inventory.otherDataFiles, linkIndex, collectionSizes } }]);
	},
	);

/**
 * A JSON file of site data: the lab's own, or for the site's curated data (GPUs, photos) the
 * project's when the lab has none.
 */
function siteDataFile(path: string, { projectDefault }: { projectDefault: boolean }): { path: string; json: unknown } | undefined {
	const text = projectDefault ? labSession.siteDataText(path)?.text : labSession.labText(path);
	if (text === undefined) return undefined;
	try {
		return { path, json: JSON.parse(text) };
	} catch (error) {
		throw new LabContentError(`${path}: is not valid JSON (${(error as Error).message})`);
	}
}

/** The benchmark lanes in force (data/lanes.json of the lab, or the project's default). */
export const lanesLoader = (): Loader =>
	labLoader('lab-lanes', async (context) => syncEntries(context, inventoryOrFail().lanes.map((lane) => ({ id: lane.id, data: lane }))));

/** The tracks the lab declares, in their order (data/tracks.json of the lab, or the project's). */
export const tracksLoader = (): Loader =>
	labLoader('lab-tracks', async (context) => syncEntries(context, inventoryOrFail().tracks.map((track) => ({ id: track.id, data: track }))));

export const gpusLoader = (): Loader =>
	labLoader('site-gpus', async (context) => {
		const file = siteDataFile(SITE_DATA_FILES.gpus, { projectDefault: true });
		if (!file) return syncEntries(context, []);
		const result = validateGpus(file.json, file.path);
		if (!result.ok) throw new LabContentError(`Invalid GPU list\n${result.message}`);
		await syncEntries(context, result.data.gpus.map((gpu) => ({ id: gpu.id, data: gpu })));
	},
	);

export const photosLoader = (): Loader =>
	labLoader('site-photos', async (context) => {
		const file = siteDataFile(SITE_DATA_FILES.photos, { projectDefault: true });
		if (!file) return syncEntries(context, []);
		const result = validatePhotos(file.json, file.path);
		if (!result.ok) throw new LabContentError(`Invalid photo list\n${result.message}`);
		await syncEntries(context, result.data.photos.map((photo, index) => ({ id: String(index + 1), data: photo })));
	},
	);

/** The timeline annotations of this lab (data/timeline.json), checked against its records. */
export const timelineLoader = (): Loader =>
	labLoader('lab-timeline', async (context) => {
		const records = allRecords();
		const file = siteDataFile(TIMELINE_FILE, { projectDefault: false });
		let annotations: TimelineFile | undefined;
		if (file) {
			const result = validateTimeline(file.json, TIMELINE_FILE, new Set(records.map((record) => record.id)));
			if (!result.ok) throw new LabContentError(`Invalid timeline\n${result.message}`);
			annotations = result.data;
		}
		// Annotations, the old hand-written timeline's rows and every promoted run, as one timeline.
		const timeline = mergeTimelines({ annotations, legacy: labSession.inventory().legacyTimeline, promoted: promotionSteps(records), trackLabel: (id) => trackLabel(id, labSession.inventory().tracks), declaredLabel: (id) => labSession.inventory().tracks.find((track) => track.id === id)?.label });
		await syncEntries(context, timeline ? [{ id: 'timeline', data: timeline as unknown as Record<string, unknown> }] : []);
	},
	);
