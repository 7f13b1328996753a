/**
 * Notes and the data files that record the same experiment share a name:
 * notes/2026-05-18-minimax-moe-ws-win.md <-> data/minimax-m27-moe-ws-win-20260518.json,
 * often with the model named in one ("minimax-") and named with its version in the other
 * ("minimax-m27-"), or the model only in the data's name
 * (notes/2026-05-06-fp8-tp4-ngram-sweep.md <-> data/qwen36-fp8-tp4-ngram-sweep-20260506.json).
 * Which words name a model is not known here (new models arrive every week): the rule is that
 * the names end alike and differ only in a short lead that does not name two different things.
 */
import { dateInName } from './data-files';

/** The name without folder, extension, date or LocalMaxxing prefix, as words. */
export function pairingWords(path: string): string[] {
	return (path.split('/').at(-1) ?? path)
		.replace(/\.(payload\.json|response\.json|queue\.json|meta\.txt)$/, '')
		.replace(/\.[a-z0-9]+$/i, '')
		.replace(/^\d{4}-\d{2}-\d{2}-/, '')
		.replace(/[-_]\d{8}(T\d{6}Z)?$/, '')
		.replace(/^localmaxxing-/, '')
		.toLowerCase()
		.split(/[-_]+/)
		.filter(Boolean);
}

/** The part of a name both sides share: no folder, extension, date or prefix. */
export const pairingSlug = (path: string): string => pairingWords(path).join('-');

/** Words before the shared ending that may differ: a model and its version ("minimax", "m27"). */
const MAX_LEAD = 2;

/**
 * How many final words two names share when they name one experiment, else 0: at least two
 * shared words, at most two words of lead on either side, and two leads that start alike (one
 * side may have none: "fp8-tp4-ngram-sweep" and "qwen36-fp8-tp4-ngram-sweep").
 */
export function sharedEnding(a: readonly string[], b: readonly string[]): number {
	let shared = 0;
	while (shared < a.length && shared < b.length && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
	const [leadA, leadB] = [a.slice(0, a.length - shared), b.slice(0, b.length - shared)];
	if (shared < 2 || leadA.length > MAX_LEAD || leadB.length > MAX_LEAD) return 0;
	if (leadA.length && leadB.length && !(leadA[0].startsWith(leadB[0]) || leadB[0].startsWith(leadA[0]))) return 0;
	return shared;
}

/**
 * Pairs each data file with at most one note: the note whose name it shares the longest ending
 * with, the same date when both have one deciding between equals. Returns data path -> note path.
 */
export function pairDataWithNotes(notePaths: readonly string[], dataPaths: readonly string[]): Map<string, string> {
	// Notes by their last word: a pair shares at least its last two words.
	const notesByLastWord = new Map<string, Array<{ path: string; words: string[] }>>();
	for (const path of notePaths) {
		const words = pairingWords(path);
		const last = words.at(-1);
		if (last) notesByLastWord.set(last, [...(notesByLastWord.get(last) ?? []), { path, words }]);
	}
	const pairs = new Map<string, string>();
	for (const data of dataPaths) {
		const words = pairingWords(data);
		const scored = (notesByLastWord.get(words.at(-1) ?? '') ?? []).map((note) => ({ note: note.path, shared: sharedEnding(note.words, words) })).filter((entry) => entry.shared > 0);
		if (!scored.length) continue;
		const best = Math.max(...scored.map((entry) => entry.shared));
		const candidates = scored.filter((entry) => entry.shared === best).map((entry) => entry.note);
		const date = dateInName(data);
		const sameDay = candidates.filter((note) => dateInName(note) === date);
		const match = sameDay.length === 1 ? sameDay[0] : candidates.length === 1 ? candidates[0] : undefined;
		if (match) pairs.set(data, match);
	}
	return pairs;
}
