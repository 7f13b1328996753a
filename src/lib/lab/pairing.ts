/**
 * Notes and the data files that record the same experiment share a slug:
 * notes/2026-05-18-minimax-moe-ws-win.md <-> data/minimax-m27-moe-ws-win-20260518.json,
 * often with "minimax-" in one and "minimax-m27-" in the other.
 */
import { dateInName } from './data-files';

/** The part of a name both sides share: no folder, extension, date, or model-version prefix. */
export function pairingSlug(path: string): string {
	return (path.split('/').at(-1) ?? path)
		.replace(/\.(payload\.json|response\.json|queue\.json|json|md)$/, '')
		.replace(/^\d{4}-\d{2}-\d{2}-/, '')
		.replace(/[-_]\d{8}(T\d{6}Z)?$/, '')
		.replace(/^localmaxxing-/, '')
		.replace(/^minimax-m2[0-9]*-/, 'minimax-')
		.replace(/^qwen3?[0-9.]*-/, 'qwen-')
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
