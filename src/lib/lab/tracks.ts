/**
 * The tracks a lab declares (data/tracks.json), and which one a piece of lab material belongs to.
 * The lab's own file wins; the project's data/tracks.json is the default for a lab that declares
 * none, the same way the site's GPU list works.
 */
import projectTracksJson from '../../../data/tracks.json';
import { findingsFromProblems, type Finding } from '../findings/finding';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import { TRACKS_FILE, validateTracks, type Track } from '../schema/tracks';

export type { Track } from '../schema/tracks';

/** The project's own declaration. Invalid is a bug in this repository, so it throws. */
export function projectTracks(): Track[] {
	const result = validateTracks(projectTracksJson, TRACKS_FILE);
	if (!result.ok) throw new Error(`The project's default tracks are invalid\n${result.message}`);
	return result.data.tracks;
}

export interface DeclaredTracks {
	tracks: Track[];
	/** "data/tracks.json" (the lab's) or "project default". */
	from: string;
	/** What is wrong with the lab's file (it is then not used): strict content, so the build stops. */
	findings: Finding[];
}

/** The lab's data/tracks.json text when it has one, else the project's tracks. */
export function declaredTracks(labText: string | undefined, fallback: Track[] = projectTracks()): DeclaredTracks {
	if (labText === undefined) return { tracks: fallback, from: 'project default', findings: [] };
	const parsed = parseJsonFile({ path: TRACKS_FILE, text: labText });
	if (!parsed.ok) return { tracks: fallback, from: 'project default', findings: [parsed.finding] };
	const result = validateTracks(parsed.json, TRACKS_FILE);
	if (!result.ok) return { tracks: fallback, from: 'project default', findings: findingsFromProblems(TRACKS_FILE, result.problems, (field) => lineOfJsonPath(labText, field)) };
	return { tracks: result.data.tracks, from: TRACKS_FILE, findings: [] };
}

export function trackLabel(id: string | undefined, tracks: readonly Track[]): string {
	// Records without a track say so with the id `unclassified`: the same words as material without one.
	return tracks.find((track) => track.id === id)?.label ?? (id === undefined || id === 'unclassified' ? 'Unclassified' : id);
}

/** A track's match rules as regular expressions (a handful per track: compiled when asked). */
function patterns(track: Track) {
	return {
		match: track.match.map((group) => group.map((source) => new RegExp(source, 'i'))),
		unless: (track.unless ?? []).map((source) => new RegExp(source, 'i')),
	};
}

/**
 * Where in `text` the track is fully named: the position of its last needed hit (every group
 * needs one), or undefined. The earliest fully named track is what the text is about.
 */
function namedAt(track: Track, text: string, named: string): number | undefined {
	const { match, unless } = patterns(track);
	if (unless.some((pattern) => pattern.test(named))) return undefined;
	let last = -1;
	for (const group of match) {
		const first = Math.min(...group.map((pattern) => pattern.exec(text)?.index ?? Infinity));
		if (first === Infinity) return undefined;
		last = Math.max(last, first);
	}
	return last;
}

/**
 * The track of a note or data file: first from its file name and title alone, then from those
 * followed by the opening of its text. Within one text the track named earliest wins; on a tie,
 * the one declared first. A name or title that names only a model gets that model's first track.
 */
export function trackOf(input: { name: string; title: string; head?: string }, tracks: readonly Track[], { byModelAlone = true }: { byModelAlone?: boolean } = {}): string | undefined {
	const named = `${input.name}\n${input.title}`;
	const pick = (text: string) => {
		let best: { id: string; at: number } | undefined;
		for (const track of tracks) {
			const at = namedAt(track, text, named);
			if (at !== undefined && (!best || at < best.at)) best = { id: track.id, at };
		}
		return best?.id;
	};
	const text = input.head ? `${named}\n${input.head}` : named;
	// Material that names only the model ("MiniMax M2.7") belongs to that model's first declared track.
	const byModel = () => tracks.find((track) => patterns(track).match[0].some((pattern) => pattern.test(named)) && !patterns(track).unless.some((pattern) => pattern.test(named)))?.id;
	return pick(named) ?? (input.head ? pick(text) : undefined) ?? (byModelAlone ? byModel() : undefined);
}
