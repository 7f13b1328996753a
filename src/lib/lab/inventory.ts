/**
 * The lab inventory: everything the site knows about a lab checkout, computed from the files'
 * paths and texts. Pure: src/build/lab-session.ts reads the files and calls buildInventory; the
 * content loaders, `npm run check` and `npm run report` all use the result, so they agree.
 *
 * Each kind of material has its own reader (documents.ts, data-pages.ts, legacy-sources.ts,
 * records/record-files.ts); this module only sorts the files into kinds and wires the readers
 * to what they share (classification overrides, note/data pairing, link resolution).
 */
import type { Finding } from '../findings/finding';
import type { RecipeReadme } from '../recipes/read-recipes';
import { readRecordFiles, type StrictRecord } from '../records/record-files';
import { OVERRIDES_FILE, readOverrides } from '../schema/classification-overrides';
import { SITE_DATA_FILES } from '../schema/site-data';
import type { TimelineFile } from '../schema/timeline';
import { readLanes, type Lane } from '../schema/lanes';
import { classifyNote, withOverride } from './classify';
import { dataFacts } from './data-files';
import { declaredTracks, trackOf, type Track } from './tracks';
import { TRACKS_FILE } from '../schema/tracks';
import { readDataFile, type LabDataFile } from './data-pages';
import { readDocument, type DocumentKind, type LabDocument } from './documents';
import { dataIdOf, isNoteFile, isRecipeReadme, isRecordFile, isWriteupFile, labHref, labPathIndex, noteIdOf, sitePages, writeupIdOf, type LabLinkContext } from './lab-paths';
import { pageSlugs } from '../site/page-slug';
import type { LegacyRecord } from './legacy-records';
import { importLegacySources } from './legacy-sources';
import { pairDataWithNotes } from './pairing';
import { withLane } from './lanes';
import { redactSecretsInto, secretsInName, type SecretFinding } from '../text/secrets';
import { recordStatusOfOutcome } from './status';
import { readEveryTime, type ReaderMemo } from './reader-memo';
import { withoutStrictDuplicates } from './strict-duplicates';

export type { DocumentKind, LabDocument } from './documents';
export type { LabDataFile } from './data-pages';

export interface InventoryInput {
	/** Every file in the lab, with its text for the kinds the site reads (others: text undefined). */
	files: Array<{ path: string; text?: string; size: number }>;
	base: string;
	repoUrl: string;
	branch: string;
	localmaxxingUrl(id: string): string;
	/** Root-level markdown (CURRENT.md, the hub README) is lab material only in a lab checkout. */
	includeRootDocuments: boolean;
	/** The lanes file in force: the lab's data/lanes.json, or the project's default. */
	lanesFile?: { path: string; text: string };
	/**
	 * Readers' results from the last scan of this lab (src/lib/lab/reader-memo.ts), so a dev server
	 * save re-reads the changed file only; absent, every file is read.
	 */
	readers?: { memo: ReaderMemo; intern(name: string, value: string): string };
	/**
	 * Told the notes and write-ups as soon as they are read, before the records, which take most of
	 * a scan: a build renders their markdown meanwhile (src/build/lab-scan-prefetch.ts).
	 */
	onDocuments?(documents: { notes: readonly LabDocument[]; writeups: readonly LabDocument[] }): void;
}

export interface LabInventory {
	notes: LabDocument[];
	writeups: LabDocument[];
	data: LabDataFile[];
	/** Files in data/ that are not JSON (.txt, .log, .b64...): listed, not rendered. */
	otherDataFiles: Array<{ path: string; size: number; pairedNote?: string }>;
	/** Valid strict records (data/records/**); invalid ones are in `findings`. */
	strictRecords: StrictRecord[];
	legacyRecords: LegacyRecord[];
	skippedLegacy: Array<{ path: string; reason: string }>;
	/** Recipe folders: repro/<slug> with a README that has frontmatter. */
	recipeFolders: string[];
	/** Their READMEs, for the recipe reader (src/lib/recipes/read-recipes.ts). */
	recipeReadmes: RecipeReadme[];
	/** Every file in the lab, by path. */
	allFiles: string[];
	/** Where lab paths link (pages of this site, else GitHub); the one resolver every page uses. */
	links: LabLinkContext;
	/** The lab's old hand-written timeline (optimization-timeline.html) as annotations, if it has one. */
	legacyTimeline?: TimelineFile;
	/** The tracks this lab declares (its data/tracks.json, else the project's). */
	tracks: Track[];
	/** The benchmark lanes records are ranked in. */
	lanes: Lane[];
	/** Secrets removed from the lab's text before anything was built (file, line, rule; never the secret). */
	redactedSecrets: SecretFinding[];
	/** Files whose page name differs from their file name (odd characters, case twins), and why. */
	renamedPages: Array<{ path: string; reason: string }>;
	/** Errors in content held to the strict rules (records, note frontmatter, the overrides, tracks and lanes files). */
	findings: Finding[];
}

/** The year most notes are dated in (the old timeline writes "May 3" without one). */
function usualYear(documents: readonly LabDocument[]): number {
	const counts = new Map<string, number>();
	for (const doc of documents) {
		const year = doc.meta.date?.slice(0, 4);
		if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
	}
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return Number(best?.[0] ?? new Date().getUTCFullYear());
}

export function buildInventory(unredacted: InventoryInput): LabInventory {
	// Secrets never reach a page, the search index or a data view: redacted as the text comes in.
	// A file whose name holds a secret is left out (its page address would publish it).
	const memo = unredacted.readers?.memo ?? readEveryTime;
	const intern = unredacted.readers?.intern ?? ((_name: string, value: string) => value);
	const redactedSecrets: SecretFinding[] = [];
	const named = unredacted.files.filter((file) => {
		const inName = memo('secrets-in-name', file.path, [], () => secretsInName(file.path));
		redactedSecrets.push(...inName);
		return inName.length === 0;
	});
	const redacted = (file: (typeof named)[number], text: string) => {
		const result = memo('redact', file.path, [text], () => {
			const findings: SecretFinding[] = [];
			return { text: redactSecretsInto(text, file.path, findings), findings };
		});
		redactedSecrets.push(...result.findings);
		return result.text;
	};
	const input = { ...unredacted, files: named.map((file) => (file.text === undefined ? file : { ...file, text: redacted(file, file.text) })) };
	const byPath = new Map(input.files.map((file) => [file.path, file]));
	const overridesFile = readOverrides(byPath.get(OVERRIDES_FILE)?.text);
	const overrides = overridesFile.overrides;
	const declared = declaredTracks(byPath.get(TRACKS_FILE)?.text);
	const tracks = declared.tracks;

	const recipeReadmes = input.files
		.filter((file) => isRecipeReadme(file.path, file.text))
		.map((file) => ({ folder: file.path.replace(/\/README\.md$/, ''), path: file.path, text: file.text ?? '' }));
	const recipeFolders = recipeReadmes.map((readme) => readme.folder);
	const noteFiles = input.files.filter((file) => isNoteFile(file.path) && file.text !== undefined);
	const writeupFiles = input.files.filter(
		(file) => isWriteupFile(file.path, input.includeRootDocuments) && !isRecipeReadme(file.path, file.text) && file.text !== undefined,
	);
	const siteFiles = new Set<string>([OVERRIDES_FILE, TRACKS_FILE, ...Object.values(SITE_DATA_FILES)]);
	// data/artifacts/ holds benchmark artifacts copied in by `npm run ingest`: raw results its records link to, not lab data.
	const dataFiles = input.files.filter(
		(file) =>
			file.path.startsWith('data/') && !isRecordFile(file.path) && !siteFiles.has(file.path) && !file.path.startsWith('data/photos/') && !file.path.startsWith('data/artifacts/'),
	);
	const jsonData = dataFiles.filter((file) => file.path.endsWith('.json'));

	// Page names that survive a URL and any file system: odd names (case twins, backslashes, %2e) get a safe slug.
	// A name that is only upper case (CURRENT.md) routes as it is: its page keeps its name.
	const routable = (id: string) => id.split('/').every((segment) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(segment));
	const slugsOf = (paths: string[], idOf: (path: string) => string, reserved: string[] = []) => {
		const slugs = pageSlugs(paths.map(idOf), reserved);
		return new Map(
			paths.map((path) => {
				const id = idOf(path);
				const slug = slugs.get(id)!;
				return [path, slug.renamed && routable(id) && slug.slug === id.toLowerCase() ? { slug: id } : slug];
			}),
		);
	};
	const noteSlugs = slugsOf(noteFiles.map((file) => file.path), noteIdOf, ['by-track', 'by-outcome']);
	const writeupSlugs = slugsOf(writeupFiles.map((file) => file.path), writeupIdOf);
	const dataSlugs = slugsOf(jsonData.map((file) => file.path), dataIdOf);
	const renamedPages = [...noteSlugs, ...writeupSlugs, ...dataSlugs].flatMap(([path, slug]) => (slug.renamed ? [{ path, reason: slug.renamed }] : []));
	const pages = new Map<string, string>([
		...[...noteSlugs].map(([path, slug]): [string, string] => [path, sitePages.note(slug.slug)]),
		...[...writeupSlugs].map(([path, slug]): [string, string] => [path, sitePages.writeup(slug.slug)]),
		...[...dataSlugs].map(([path, slug]): [string, string] => [path, sitePages.data(slug.slug)]),
	]);
	const links: LabLinkContext = {
		base: input.base,
		repoUrl: input.repoUrl,
		branch: input.branch,
		index: labPathIndex(input.files.map((file) => file.path), writeupFiles.map((file) => file.path), recipeFolders, pages),
	};
	/** Write-ups in repro/, results/ and plans/ cite files next to them (`scripts/serve.sh`) first. */
	const resolverFor = (documentPath: string) => {
		const folder = documentPath.split('/').slice(0, -1).join('/');
		const nearby = /^(repro|results|plans)\//.test(documentPath);
		return {
			resolve: (path: string) => (nearby ? labHref(`${folder}/${path}`, links) : undefined) ?? labHref(path, links),
			localmaxxingUrl: input.localmaxxingUrl,
		};
	};

	const pairs = pairDataWithNotes(noteFiles.map((file) => file.path), dataFiles.map((file) => file.path));
	const pairedByNote = new Map<string, string[]>();
	for (const [data, note] of pairs) pairedByNote.set(note, [...(pairedByNote.get(note) ?? []), data]);

	/** What a paired data file states (status code, decision), so a note's outcome can follow it. */
	const factsOfData = (path: string): { status?: string; decision?: string } => {
		if (!path.endsWith('.json')) return {};
		const text = byPath.get(path)?.text ?? '';
		return memo('data-facts', path, [text], () => {
			try {
				const facts = dataFacts(JSON.parse(text));
				// dataFacts falls back to the decision's first words as the status; only a stated code counts.
				return { status: facts.status === facts.summary?.slice(0, 120) ? undefined : facts.status, decision: facts.summary };
			} catch {
				return {};
			}
		});
	};

	// What every document's reading depends on besides its own text: the declared tracks and where
	// lab paths link. Equal from one save to the next unless a file was added, removed or renamed.
	const tracksKey = intern('tracks', JSON.stringify(tracks));
	const linksKey = intern('links', JSON.stringify([input.base, input.repoUrl, input.branch, input.includeRootDocuments, input.files.map((file) => file.path), writeupFiles.map((file) => file.path), recipeFolders, [...pages]]));
	const lanesFile = readLanes(input.lanesFile);
	const findings: Finding[] = [...overridesFile.findings, ...declared.findings, ...lanesFile.findings];
	const documentContext = {
		overrides,
		tracks,
		resolverFor,
		pairedWith: (path: string) => pairedByNote.get(path) ?? [],
		pairedFacts: (path: string) => (pairedByNote.get(path) ?? []).map(factsOfData),
	};
	const readDocuments = (files: typeof noteFiles, kind: DocumentKind) =>
		files.flatMap((file) => {
			const inputs = [file.text, tracksKey, linksKey, JSON.stringify([overrides[file.path], documentContext.pairedWith(file.path), documentContext.pairedFacts(file.path)])];
			const result = memo(`document-${kind}`, file.path, inputs, () => readDocument(file, kind, documentContext));
			findings.push(...result.findings);
			return result.document ? [result.document] : [];
		});
	const slugged = (documents: LabDocument[], slugs: Map<string, { slug: string }>) => documents.map((doc) => ({ ...doc, id: slugs.get(doc.path)?.slug ?? doc.id }));
	const notes = slugged(readDocuments(noteFiles, 'note'), noteSlugs);
	const writeups = slugged(readDocuments(writeupFiles, 'writeup'), writeupSlugs);
	input.onDocuments?.({ notes, writeups });
	const noteTitles = new Map(notes.map((note) => [note.path, note.meta.title]));
	const noteTracks = new Map(notes.map((note) => [note.path, note.meta.track]));

	const data = jsonData.map((file) => ({
		...memo('data-page', file.path, [file.text, tracksKey, JSON.stringify(overrides[file.path]), pairs.get(file.path), noteTitles.get(pairs.get(file.path) ?? '')], () =>
			readDataFile(file, { override: overrides[file.path], tracks, pairedNote: pairs.get(file.path), pairedNoteTitle: noteTitles.get(pairs.get(file.path) ?? '') }),
		),
		id: dataSlugs.get(file.path)!.slug,
	}));
	const otherDataFiles = dataFiles
		.filter((file) => !file.path.endsWith('.json'))
		.map((file) => ({ path: file.path, size: file.size, pairedNote: pairs.get(file.path) }));

	const legacy = importLegacySources({
		byPath,
		dataJson: jsonData,
		notes: notes.map((note) => ({ path: note.path, text: byPath.get(note.path)?.text ?? '', track: note.meta.track })),
		includeRootDocuments: input.includeRootDocuments,
		memo,
		// What the legacy readers' results depend on besides each file's text.
		contextKey: intern('legacy', JSON.stringify([tracksKey, lanesFile.lanes, overrides, [...pairs], [...noteTitles], [...noteTracks], input.files.map((file) => file.path)])),
		usualYear: usualYear(notes),
		tracks,
		lanes: lanesFile.lanes,
		trackOf: (text) => trackOf({ name: text, title: text }, tracks),
		modelTrackOf: (text) => trackOf({ name: text, title: text }, tracks.filter((track) => track.model)),
		noteTitleOf: (path) => noteTitles.get(path) ?? noteTitles.get(pairs.get(path) ?? ''),
		noteTrackOf: (path) => noteTracks.get(path) ?? noteTracks.get(pairs.get(path) ?? ''),
		pairedNoteOf: (path) => pairs.get(path),
		context: {
			classify: (path) => {
				const classification = withOverride(classifyNote({ path, title: '', body: '' }, tracks), overrides[path]);
				return { track: classification.track, status: recordStatusOfOutcome(classification.outcome) };
			},
		},
	});

	const strict = readRecordFiles(input.files.filter((file) => isRecordFile(file.path)));
	findings.push(...strict.findings);
	// A strict record joins the lane its labels match (it states every label, so the lane fills none).
	const strictRecords = strict.records.map((entry) => ({ ...entry, record: withLane(entry.record, lanesFile.lanes) }));
	const imported = withoutStrictDuplicates(legacy.records, strictRecords, (path) => byPath.get(path)?.text);

	return {
		notes,
		writeups,
		data,
		otherDataFiles,
		strictRecords,
		legacyRecords: imported.records,
		skippedLegacy: [...legacy.skipped, ...imported.skipped],
		recipeFolders,
		recipeReadmes,
		allFiles: input.files.map((file) => file.path),
		links,
		lanes: lanesFile.lanes,
		redactedSecrets,
		renamedPages,
		legacyTimeline: legacy.legacyTimeline,
		tracks,
		findings,
	};
}
