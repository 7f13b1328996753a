/**
 * The lab's legacy material that becomes imported records. Each kind of file has its reader
 * (src/lib/lab/readers/: CURRENT.md, ledgers, LocalMaxxing payloads with their responses and
 * queues, data JSON summaries, notes, the hub README); their observations are reconciled into one
 * record per run (reconcile.ts). llama-bench JSONL runs in results/ and the old hand-written
 * timeline are imported as they were, one record per row.
 */
import type { RunObservation } from './claims';
import type { Lane } from '../schema/lanes';
import type { TimelineFile } from '../schema/timeline';
import type { LegacyContext, LegacyImport, LegacyRecord } from './legacy-records';
import { importLlamaBenchRun } from './legacy-records';
import { importLegacyTimeline, LEGACY_TIMELINE_FILE } from './legacy-timeline-records';
import { parseLegacyTimeline } from './legacy-timeline';
import { reconcile } from './reconcile';
import { readCurrentMd } from './readers/current-md';
import { readDataSummary } from './readers/data-summary';
import { readHubReadme } from './readers/hub-readme';
import { readLedger } from './readers/ledger';
import { readLocalmaxxingPayload, readLocalmaxxingQueue } from './readers/localmaxxing';
import { readNote } from './readers/note-sections';
import { readingText } from '../text/reading-text';
import type { Track } from './tracks';
import { readEveryTime, type ReaderMemo } from './reader-memo';

export interface LegacySourcesInput {
	/** Every lab file by path (text for the kinds the scan reads). */
	byPath: ReadonlyMap<string, { path: string; text?: string }>;
	/** JSON files under data/ that are not strict records or site data. */
	dataJson: ReadonlyArray<{ path: string; text?: string }>;
	/** Notes with the track their classification gives. */
	notes: ReadonlyArray<{ path: string; text: string; track?: string }>;
	/** Root files (CURRENT.md, the hub README, the old timeline) are lab material only in a lab checkout. */
	includeRootDocuments: boolean;
	/** The year notes are mostly dated in, for the old timeline's "May 3" dates. */
	usualYear: number;
	lanes: readonly Lane[];
	/** The declared track whose words match a text (a CURRENT.md section, a title, a model id). */
	trackOf(text: string): string | undefined;
	/** The same among the tracks of a model: a run whose model its sources state is filed by it. */
	modelTrackOf?(text: string): string | undefined;
	/** The title of the note a file is, or is paired with. */
	noteTitleOf?(path: string): string | undefined;
	/** The classified track of the note a file is, or is paired with. */
	noteTrackOf?(path: string): string | undefined;
	/** The note a data file is paired with (same experiment), if any. */
	pairedNoteOf?(path: string): string | undefined;
	context: LegacyContext;
	/** The lab's declared tracks, for the old timeline's section rows. */
	tracks?: readonly Track[];
	/** Readers' results from the last scan (src/lib/lab/reader-memo.ts); absent, every file is read. */
	memo?: ReaderMemo;
	/**
	 * Equal between two scans exactly when everything but the files' texts that the readers and
	 * reconciliation use is equal (tracks, lanes, overrides, pairing, note titles, paths).
	 */
	contextKey?: string;
}

export interface LegacySources {
	records: LegacyRecord[];
	skipped: LegacyImport['skipped'];
	legacyTimeline?: TimelineFile;
}

/** Markdown tables of submitted runs: the root ledger and any "...submissions..." write-up outside notes/. */
const isLedger = (path: string) => !path.startsWith('notes/') && /\.md$/i.test(path) && /(submissions?|ledger)/i.test(path.split('/').at(-1) ?? '');
const isResponse = (path: string) => /\.response\.json$/.test(path) || path.includes('localmaxxing-responses/');

function responseOf(payloadPath: string, byPath: LegacySourcesInput['byPath']): { path: string; text: string } | undefined {
	const stemName = (payloadPath.split('/').at(-1) ?? '').replace(/\.payload\.json$/, '');
	const folder = payloadPath.split('/').slice(0, -1).join('/');
	const path = [stemName.replace(/^localmaxxing-/, ''), stemName]
		.flatMap((name) => [`${folder}/localmaxxing-responses/${name}.response.json`, `${folder}/${name}.response.json`])
		.find((candidate) => byPath.get(candidate)?.text !== undefined);
	return path ? { path, text: byPath.get(path)!.text! } : undefined;
}

/** Every reader over the files it reads: the observations, and what each could not use. */
export function readLabObservations(input: LegacySourcesInput): { observations: RunObservation[]; skipped: LegacyImport['skipped'] } {
	const { byPath } = input;
	const memo = input.memo ?? readEveryTime;
	const results = [];
	for (const file of input.dataJson) {
		const text = file.text ?? '';
		if (file.path.endsWith('.payload.json')) {
			const response = responseOf(file.path, byPath);
			results.push(memo('localmaxxing-payload', file.path, [text, response?.path, response?.text], () => readLocalmaxxingPayload({ path: file.path, text: readingText(text) }, response && { ...response, text: readingText(response.text) })));
		} else if (file.path.endsWith('.queue.json')) results.push(memo('localmaxxing-queue', file.path, [text], () => readLocalmaxxingQueue({ path: file.path, text: readingText(text) })));
		// A response is read with its payload (it gives the run id and the acceptance).
		else if (!isResponse(file.path)) results.push(memo('data-summary', file.path, [text], () => readDataSummary(file.path, readingText(text))));
	}
	for (const note of input.notes) results.push(memo('note-sections', note.path, [note.text, note.track], () => readNote(note.path, readingText(note.text), note.track)));
	for (const file of byPath.values()) {
		const text = file.text;
		if (text !== undefined && isLedger(file.path) && (input.includeRootDocuments || file.path.includes('/'))) results.push(memo('ledger', file.path, [text], () => readLedger(file.path, readingText(text))));
	}
	if (input.includeRootDocuments) {
		const current = byPath.get('CURRENT.md')?.text;
		if (current !== undefined) results.push(memo('current-md', 'CURRENT.md', [current], () => readCurrentMd('CURRENT.md', readingText(current))));
		const hub = byPath.get('README.md')?.text;
		if (hub !== undefined) results.push(memo('hub-readme', 'README.md', [hub], () => readHubReadme('README.md', readingText(hub))));
	}
	return { observations: results.flatMap((result) => result.observations), skipped: results.flatMap((result) => result.skipped) };
}

export function importLegacySources(input: LegacySourcesInput): LegacySources {
	const { byPath, context } = input;
	const memo = input.memo ?? readEveryTime;
	const read = readLabObservations(input);
	// Reconciliation joins every file's observations; a save that adds no claim (most prose edits)
	// leaves them equal, and the last result stands. Without a context key it always runs.
	const reconcileNow = () => reconcile(read.observations, { lanes: input.lanes, trackOf: input.trackOf, modelTrackOf: input.modelTrackOf, noteTitleOf: input.noteTitleOf, noteTrackOf: input.noteTrackOf, pairedNoteOf: input.pairedNoteOf });
	const reconciled = input.contextKey === undefined ? reconcileNow() : memo('reconcile', '', [input.contextKey, JSON.stringify(read.observations)], reconcileNow);
	const imports: LegacyImport[] = [{ records: reconciled.records, skipped: [...read.skipped, ...reconciled.skipped] }];
	for (const file of byPath.values()) {
		if (!/^results\/.+\.jsonl$/.test(file.path) || file.text === undefined) continue;
		const text = file.text;
		const meta = byPath.get(file.path.replace(/\.jsonl$/, '.meta.txt'))?.text;
		// context.classify follows the tracks and overrides, which the context key covers.
		const importRun = () => importLlamaBenchRun(file.path, text, meta, context);
		imports.push(input.contextKey === undefined ? importRun() : memo('llama-bench', file.path, [text, meta, input.contextKey], importRun));
	}

	let legacyTimeline: TimelineFile | undefined;
	const oldTimeline = byPath.get(LEGACY_TIMELINE_FILE)?.text;
	if (oldTimeline !== undefined && input.includeRootDocuments) {
		// A link in the old timeline is kept when it is an https URL or a file of the lab.
		const sourcePath = (href: string): string | undefined => {
			if (/^https:\/\//.test(href)) return href;
			const path = href.replace(/^\.\//, '').replace(/#.*$/, '');
			return byPath.has(path) ? path : undefined;
		};
		const importTimeline = () => importLegacyTimeline(parseLegacyTimeline(oldTimeline, input.usualYear, input.tracks), LEGACY_TIMELINE_FILE, sourcePath);
		const imported = input.contextKey === undefined ? importTimeline() : memo('legacy-timeline', LEGACY_TIMELINE_FILE, [oldTimeline, input.usualYear, input.contextKey], importTimeline);
		imports.push(imported);
		legacyTimeline = imported.timeline;
	}

	// Ids come from file names: a clash between sources gets a suffix rather than replacing a record.
	const seenIds = new Map<string, number>();
	const records = imports.flatMap((result) => result.records).map((record) => {
		const count = (seenIds.get(record.id) ?? 0) + 1;
		seenIds.set(record.id, count);
		return count === 1 ? record : { ...record, id: `${record.id}-${count}` };
	});
	return { records, skipped: imports.flatMap((result) => result.skipped), legacyTimeline };
}
