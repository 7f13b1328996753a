/**
 * Data files of the lab (data/**, except strict records and the site's own data): each JSON file
 * gets a page with what it says about itself, its classification and its paired note; other
 * files (.txt, .log, .b64) are listed. A file that does not parse is kept and shown as such.
 */
import type { NoteOutcome } from '../schema/note';
import { classifyData, withOverride, type ClassificationOverride } from './classify';
import type { Track } from './tracks';
import { dataFacts, dataKind, dateInName, type DataFacts, type DataKind } from './data-files';
import { dataIdOf } from './lab-paths';
import { countLocalPaths } from './links';
import { parseLabJson } from '../text/lab-json';

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

export interface DataPageContext {
	override?: ClassificationOverride;
	/** The tracks the lab declares (data/tracks.json, else the project's). */
	tracks: readonly Track[];
	pairedNote?: string;
	/** The paired note's title, the best name when the file states none. */
	pairedNoteTitle?: string;
}

/**
 * True when a file's own title reads as words ("Ring all-reduce off, warm rerun"), not as a slug
 * ("minimax-moe-output-ar-inside-customop-20260519", "sycl_best_fa0_ub64"): at least two words with
 * letters, separated by spaces.
 */
export function readsAsWords(text: string | undefined): text is string {
	if (!text) return false;
	const words = text.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
	return words.length >= 2;
}

/**
 * A data page's title in the lab's words: its note's title (the experiment's name as the lab wrote
 * it), else the file's own title/label/name when that reads as words, else the file name. The
 * file name is always shown on the page beside it.
 */
export function dataPageTitle(path: string, ownTitle: string | undefined, pairedNoteTitle: string | undefined): string {
	if (pairedNoteTitle?.trim()) return pairedNoteTitle.trim();
	if (readsAsWords(ownTitle)) return ownTitle.trim();
	return path.split('/').at(-1) ?? path;
}

export function readDataFile(file: { path: string; text?: string; size: number }, context: DataPageContext): LabDataFile {
	// Never throws: depth, size and key limits, and a "__proto__" key kept as data.
	const parsed = parseLabJson(file.text ?? '');
	const json: unknown = parsed.json;
	const parseError: string | undefined = parsed.error;
	const facts = parseError ? {} : dataFacts(json);
	const title = dataPageTitle(file.path, facts.title, context.pairedNoteTitle);
	const classification = withOverride(classifyData({ path: file.path, title, status: facts.status }, context.tracks), context.override);
	return {
		path: file.path,
		id: dataIdOf(file.path),
		kind: dataKind(file.path, { ok: !parseError }),
		json,
		parseError,
		size: file.size,
		title,
		date: facts.date ?? dateInName(file.path),
		outcome: classification.outcome,
		track: classification.track,
		facts,
		pairedNote: context.pairedNote,
		absolutePaths: countLocalPaths(file.text ?? ''),
	};
}
