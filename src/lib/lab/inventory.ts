/**
 * The lab inventory: everything the site knows about a lab checkout, computed from the files'
 * paths and texts. Pure: src/build/scan-lab.ts reads the files and calls buildInventory; the
 * content loaders and `npm run report` both use the result, so the report always matches the site.
 */
import { parse as parseYaml } from 'yaml';
import { inferNoteMetadata, withoutTitleHeading } from '../notes/infer-metadata';
import { validateNoteFrontmatter, type NoteData, type NoteOutcome } from '../schema/note';
import type { LabRecord } from '../schema/record';
import { SITE_DATA_FILES } from '../schema/site-data';
import { blobUrl, withBase } from '../site/paths';
import { classifyData, classifyNote, withOverride } from './classify';
import { OVERRIDES_FILE, validateOverrides, type ClassificationOverrides } from '../schema/classification-overrides';
import { dataFacts, dataKind, dateInName, type DataFacts, type DataKind } from './data-files';
import { importCurrent, importLlamaBenchRun, importPayload, importQueue, type LegacyContext, type LegacyRecord } from './legacy-records';
import { countLocalPaths, linkMarkdown, type LinkedText } from './links';
import { pairDataWithNotes } from './pairing';
import { importLegacyTimeline, LEGACY_TIMELINE_FILE } from './legacy-timeline-records';
import { parseLegacyTimeline } from './legacy-timeline';
import type { TimelineFile } from '../schema/timeline';
import { parseLabJson } from '../text/lab-json';
import { redactSecretsInto as redactSecrets, secretsInName, type SecretFinding } from '../text/secrets';

export interface InventoryInput {
	/** Every file in the lab, with its text for the kinds the site reads (others: text undefined). */
	files: Array<{ path: string; text?: string; size: number }>;
	base: string;
	repoUrl: string;
	branch: string;
	localmaxxingUrl(id: string): string;
	/** Root-level markdown (CURRENT.md, the hub README) is lab material only in a lab checkout. */
	includeRootDocuments: boolean;
}

export type DocumentKind = 'note' | 'writeup';

export interface LabDocument {
	kind: DocumentKind;
	path: string;
	/** notes: path under notes/ without .md; writeups: lab path without .md. */
	id: string;
	meta: NoteData & { outcomeFrom?: string };
	/** The body with file references linked and the title heading removed. */
	markdown: string;
	links: LinkedText;
	/** Data files recording the same experiment. */
	pairedData: string[];
	/** Non-JSON files of the same experiment in data/. */
	pairedFiles: string[];
}

export interface LabDataFile {
	path: string;
	/** Path under data/ without .json. */
	id: string;
	kind: DataKind;
	json?: unknown;
	parseError?: string;
	size: number;
	title: string;
	date?: string;
	outcome?: NoteOutcome;
	track?: string;
	facts: DataFacts;
	pairedNote?: string;
	absolutePaths: number;
}

export interface LabInventory {
	notes: LabDocument[];
	writeups: LabDocument[];
	data: LabDataFile[];
	/** Files in data/ that are not JSON (.txt, .log, .b64...): listed, not rendered. */
	otherDataFiles: Array<{ path: string; size: number; pairedNote?: string }>;
	legacyRecords: LegacyRecord[];
	skippedLegacy: Array<{ path: string; reason: string }>;
	/** Paths of strict records (data/records/**) and recipes (repro/<slug>/README.md with frontmatter). */
	recordFiles: string[];
	recipeFolders: string[];
	/** Every file in the lab, by path. */
	allFiles: string[];
	/** The lab's old hand-written timeline (optimization-timeline.html) as annotations, if it has one. */
	legacyTimeline?: TimelineFile;
	/** Errors in content held to the strict rules (note frontmatter, the overrides file). */
	errors: string[];
	/** Secrets removed from the lab's text before anything was built (file, line, rule; never the secret). */
	redactedSecrets?: SecretFinding[];
}


const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontmatter(text: string, path: string): { frontmatter: unknown; body: string; error?: string } {
	const match = FRONTMATTER.exec(text);
	if (!match) return { frontmatter: {}, body: text };
	try {
		return { frontmatter: parseYaml(match[1]) ?? {}, body: text.slice(match[0].length) };
	} catch (error) {
		return { frontmatter: {}, body: text.slice(match[0].length), error: `${path}: the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
	}
}

const isNote = (path: string) => /^notes\/.+\.md$/i.test(path);
const isRecordFile = (path: string) => /^data\/records\/.+\.json$/.test(path);
const isRecipeReadme = (path: string, text: string | undefined) => /^repro\/[^/]+\/README\.md$/.test(path) && !!text && FRONTMATTER.test(text);
function isWriteup(path: string, includeRoot: boolean): boolean {
	if (/^(results|plans|repro)\/.+\.md$/i.test(path)) return true;
	return includeRoot && /^[^/]+\.md$/i.test(path);
}

/** How the lab's outcome words map to a record status for imported material. */
function statusFor(outcome: NoteOutcome | undefined): LabRecord['status'] {
	if (outcome === 'negative') return 'negative';
	if (outcome === 'blocker') return 'blocked';
	return 'historical';
}

export function buildInventory(unredacted: InventoryInput): LabInventory {
	// Secrets never reach a page, the search index or a data view: redacted as the text comes in.
	const redactedSecrets: SecretFinding[] = [];
	// A file whose name holds a secret is left out (its page address would publish it); it is in redactedSecrets.
	const named = unredacted.files.filter((file) => (secretsInName(file.path).length ? (redactedSecrets.push(...secretsInName(file.path)), false) : true));
	const input = { ...unredacted, files: named.map((file) => (file.text === undefined ? file : { ...file, text: redactSecrets(file.text, file.path, redactedSecrets) })) };
	const errors: string[] = [];
	const byPath = new Map(input.files.map((file) => [file.path, file]));
	const folders = new Set<string>();
	for (const file of input.files) {
		const parts = file.path.split('/');
		for (let index = 1; index < parts.length; index++) folders.add(parts.slice(0, index).join('/'));
	}

	let overrides: ClassificationOverrides = {};
	const overridesText = byPath.get(OVERRIDES_FILE)?.text;
	if (overridesText !== undefined) {
		const parsed = parseLabJson(overridesText);
		const json: unknown = parsed.json;
		if (parsed.error) errors.push(`${OVERRIDES_FILE}: ${parsed.error}`);
		if (json !== undefined) {
			const result = validateOverrides(json);
			if (result.ok) overrides = result.data;
			else errors.push(result.message);
		}
	}

	const recipeFolders = input.files
		.filter((file) => isRecipeReadme(file.path, file.text))
		.map((file) => file.path.replace(/\/README\.md$/, ''));
	const noteFiles = input.files.filter((file) => isNote(file.path) && file.text !== undefined);
	const writeupFiles = input.files.filter((file) => isWriteup(file.path, input.includeRootDocuments) && !isRecipeReadme(file.path, file.text) && file.text !== undefined);
	const siteFiles = new Set<string>([OVERRIDES_FILE, ...Object.values(SITE_DATA_FILES)]);
	const dataFiles = input.files.filter((file) => file.path.startsWith('data/') && !isRecordFile(file.path) && !siteFiles.has(file.path) && !file.path.startsWith('data/photos/'));
	const jsonData = dataFiles.filter((file) => file.path.endsWith('.json'));

	const noteId = (path: string) => path.replace(/^notes\//, '').replace(/\.md$/i, '');
	const writeupId = (path: string) => path.replace(/\.md$/i, '');
	const dataId = (path: string) => path.replace(/^data\//, '').replace(/\.json$/, '');
	const writeupPaths = new Set(writeupFiles.map((file) => file.path));
	const page = (path: string) => withBase(input.base, path);

	const resolve = (rawPath: string): string | undefined => {
		const path = rawPath.replace(/\/+$/, '');
		if (isNote(path) && byPath.has(path)) return page(`notes/${noteId(path)}/`);
		if (writeupPaths.has(path)) return page(`lab/${writeupId(path)}/`);
		const recipe = recipeFolders.find((folder) => path === folder || path === `${folder}/README.md`);
		if (recipe) return page(`${recipe}/`);
		if (path.startsWith('data/') && path.endsWith('.json') && byPath.has(path) && !isRecordFile(path)) return page(`data/${dataId(path)}/`);
		if (isRecordFile(path) && byPath.has(path)) return page(`records/${path.replace(/^data\/records\//, '').replace(/\.json$/, '')}/`);
		if (byPath.has(path)) return blobUrl(input.repoUrl, input.branch, path);
		if (folders.has(path)) return `${input.repoUrl.replace(/\/+$/, '')}/tree/${input.branch}/${path}`;
		return undefined;
	};
	/** Write-ups in repro/, results/ and plans/ cite files next to them (`scripts/serve.sh`) first. */
	const resolverFor = (documentPath: string) => {
		const folder = documentPath.split('/').slice(0, -1).join('/');
		const nearby = /^(repro|results|plans)\//.test(documentPath);
		return {
			resolve: (path: string) => (nearby ? resolve(`${folder}/${path}`) : undefined) ?? resolve(path),
			localmaxxingUrl: input.localmaxxingUrl,
		};
	};

	/** A link in the old timeline as a lab path (kept) or an https URL; anything else is dropped. */
	const sourcePath = (href: string): string | undefined => {
		if (/^https:\/\//.test(href)) return href;
		const path = href.replace(/^\.\//, '').replace(/#.*$/, '');
		return byPath.has(path) ? path : undefined;
	};

	const pairs = pairDataWithNotes(noteFiles.map((file) => file.path), dataFiles.map((file) => file.path));
	const pairedByNote = new Map<string, string[]>();
	for (const [data, note] of pairs) pairedByNote.set(note, [...(pairedByNote.get(note) ?? []), data]);

	const readDocument = (file: { path: string; text?: string }, kind: DocumentKind): LabDocument | undefined => {
		const { frontmatter, body, error } = splitFrontmatter(file.text ?? '', file.path);
		if (error) {
			errors.push(error);
			return undefined;
		}
		let validated = {};
		if (kind === 'note') {
			const result = validateNoteFrontmatter(frontmatter, file.path);
			if (!result.ok) {
				errors.push(result.message);
				return undefined;
			}
			validated = result.data;
		}
		const meta = inferNoteMetadata({ path: file.path, body, frontmatter: validated });
		const classification = withOverride(classifyNote({ path: file.path, title: meta.title, body }), overrides[file.path]);
		// The page shows the title; the H1 it came from is not repeated in the body.
		const shown = (validated as { title?: string }).title ? body : withoutTitleHeading(body);
		const links = linkMarkdown(shown, resolverFor(file.path));
		const paired = pairedByNote.get(file.path) ?? [];
		return {
			kind,
			path: file.path,
			id: kind === 'note' ? noteId(file.path) : writeupId(file.path),
			meta: {
				...meta,
				track: meta.track ?? classification.track,
				outcome: meta.outcome ?? classification.outcome,
				outcomeFrom: meta.outcome ? 'frontmatter' : classification.outcomeFrom,
			},
			markdown: links.markdown,
			links,
			pairedData: paired.filter((path) => path.endsWith('.json')).sort(),
			pairedFiles: paired.filter((path) => !path.endsWith('.json')).sort(),
		};
	};
	const notes = noteFiles.map((file) => readDocument(file, 'note')).filter((note): note is LabDocument => !!note);
	const writeups = writeupFiles.map((file) => readDocument(file, 'writeup')).filter((doc): doc is LabDocument => !!doc);
	const noteTitles = new Map(notes.map((note) => [note.path, note.meta.title]));

	const data: LabDataFile[] = jsonData.map((file) => {
		const parsed = parseLabJson(file.text ?? '');
		const json: unknown = parsed.json;
		const parseError: string | undefined = parsed.error;
		const facts = parseError ? {} : dataFacts(json);
		const pairedNote = pairs.get(file.path);
		const fileName = file.path.split('/').at(-1) ?? file.path;
		const title = facts.title ?? (pairedNote ? noteTitles.get(pairedNote) : undefined) ?? fileName;
		const classification = withOverride(classifyData({ path: file.path, title, status: facts.status }), overrides[file.path]);
		return {
			path: file.path,
			id: dataId(file.path),
			kind: dataKind(file.path, { ok: !parseError }),
			json,
			parseError,
			size: file.size,
			title,
			date: facts.date ?? dateInName(file.path),
			outcome: classification.outcome,
			track: classification.track,
			facts,
			pairedNote,
			absolutePaths: countLocalPaths(file.text ?? ''),
		};
	});
	const otherDataFiles = dataFiles
		.filter((file) => !file.path.endsWith('.json'))
		.map((file) => ({ path: file.path, size: file.size, pairedNote: pairs.get(file.path) }));

	const legacyContext: LegacyContext = {
		classify: (path) => {
			const classification = withOverride(classifyNote({ path, title: '', body: '' }), overrides[path]);
			return { track: classification.track, status: statusFor(classification.outcome) };
		},
	};
	const legacy = { records: [] as LegacyRecord[], skipped: [] as Array<{ path: string; reason: string }> };
	const add = (result: { records: LegacyRecord[]; skipped: Array<{ path: string; reason: string }> }) => {
		legacy.records.push(...result.records);
		legacy.skipped.push(...result.skipped);
	};
	for (const file of jsonData) {
		if (file.path.endsWith('.payload.json')) {
			const stemName = (file.path.split('/').at(-1) ?? '').replace(/\.payload\.json$/, '');
			const folder = file.path.split('/').slice(0, -1).join('/');
			const responsePath = [stemName.replace(/^localmaxxing-/, ''), stemName]
				.flatMap((name) => [`${folder}/localmaxxing-responses/${name}.response.json`, `${folder}/${name}.response.json`])
				.find((path) => byPath.get(path)?.text !== undefined);
			const response = responsePath ? { path: responsePath, text: byPath.get(responsePath)!.text! } : undefined;
			add(importPayload(file.path, file.text ?? '', response, legacyContext));
		} else if (file.path.endsWith('.queue.json')) {
			add(importQueue(file.path, file.text ?? '', legacyContext));
		}
	}
	for (const file of input.files.filter((candidate) => /^results\/.+\.jsonl$/.test(candidate.path) && candidate.text !== undefined)) {
		const meta = byPath.get(file.path.replace(/\.jsonl$/, '.meta.txt'))?.text;
		add(importLlamaBenchRun(file.path, file.text!, meta, legacyContext));
	}
	const current = byPath.get('CURRENT.md')?.text;
	if (current !== undefined && input.includeRootDocuments) add(importCurrent('CURRENT.md', current, legacyContext));

	let legacyTimeline: TimelineFile | undefined;
	const oldTimeline = byPath.get(LEGACY_TIMELINE_FILE)?.text;
	if (oldTimeline !== undefined && input.includeRootDocuments) {
		// The old table gives "May 3" without a year: take the year most notes are dated in.
		const years = notes.map((note) => note.meta.date?.slice(0, 4)).filter((year): year is string => !!year);
		const year = Number([...new Set(years)].sort((a, b) => years.filter((y) => y === b).length - years.filter((y) => y === a).length)[0] ?? new Date().getUTCFullYear());
		const imported = importLegacyTimeline(parseLegacyTimeline(oldTimeline, year), LEGACY_TIMELINE_FILE, (path) => sourcePath(path));
		add(imported);
		legacyTimeline = imported.timeline;
	}

	// Two legacy sources can name the same run (two CURRENT.md sections with one heading, say):
	// keep both, the second with a suffix, rather than letting one overwrite the other.
	const seenIds = new Map<string, number>();
	const legacyRecords = legacy.records.map((record) => {
		const count = (seenIds.get(record.id) ?? 0) + 1;
		seenIds.set(record.id, count);
		return count === 1 ? record : { ...record, id: `${record.id}-${count}` };
	});

	return {
		notes,
		writeups,
		data,
		otherDataFiles,
		legacyRecords,
		skippedLegacy: legacy.skipped,
		recordFiles: input.files.filter((file) => isRecordFile(file.path)).map((file) => file.path),
		recipeFolders,
		allFiles: input.files.map((file) => file.path),
		legacyTimeline,
		errors,
		redactedSecrets,
	};
}
