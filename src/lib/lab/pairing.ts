/**
 * Notes and the data files that record the same experiment share a slug:
 * notes/2026-05-18-minimax-moe-ws-win.md <-> data/minimax-m27-moe-ws-win-20260518.json,
 * often with "minimax-" in one and "minimax-m27-" in the other, or the model only in the data's
 * name (notes/2026-05-06-fp8-tp4-ngram-sweep.md <-> data/qwen36-fp8-tp4-ngram-sweep-20260506.json).
 */
import { dateInName } from './data-files';

/** The part of a name both sides share: no folder, extension, date, or model-version prefix. */
export function pairingSlug(path: string): string {
	return (path.split('/').at(-1) ?? path)
		.replace(/\.(payload\.json|response\.json|queue\.json|meta\.txt)$/, '')
		.replace(/\.[a-z0-9]+$/i, '')
		.replace(/^\d{4}-\d{2}-\d{2}-/, '')
		.replace(/[-_]\d{8}(T\d{6}Z)?$/, '')
		.replace(/^localmaxxing-/, '')
		// The model is often named in one file and implied in the other.
		.replace(/^minimax(-m2[0-9]*)?-/, '')
		.replace(/^qwen(3[0-9.]*)?-/, '')
		.toLowerCase();
}

/**
 * Pairs each data file with at most one note: same slug, and the same date when both have one.
 * Returns data path -> note path.
 */
export function pairDataWithNotes(notePaths: readonly string[], dataPaths: readonly string[]): Map<string, string> {
	const notesBySlug = new Map<string, string[]>();
	for (const note of notePaths) {
		const slug = pairingSlug(note);
		notesBySlug.set(slug, [...(notesBySlug.get(slug) ?? []), note]);
	}
	const pairs = new Map<string, string>();
	for (const data of dataPaths) {
		const candidates = notesBySlug.get(pairingSlug(data)) ?? [];
		const date = dateInName(data);
		const sameDay = candidates.filter((note) => dateInName(note) === date);
		const match = sameDay.length === 1 ? sameDay[0] : candidates.length === 1 ? candidates[0] : undefined;
		if (match) pairs.set(data, match);
	}
	return pairs;
}
