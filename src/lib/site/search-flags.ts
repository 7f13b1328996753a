/**
 * Which note introduced each flag (an environment variable such as
 * VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE): someone searching a flag wants the note where the lab
 * tried it, not the tenth later run that still sets it. Word counts cannot tell them apart (later
 * notes repeat a flag in every command line), so the note says which flags it introduced and
 * search weighs that line highly (src/components/LabDocument.astro).
 *
 * The note that introduced a flag is, among the notes that mention it, the one named after it
 * (most of the flag's words in its file name or title), the earliest on a tie.
 */

import { memoizeByText } from '../text/memo';

/** SHOUTING_SNAKE_CASE with at least one underscore: how the lab writes environment flags. */
const FLAG = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const MIN_FLAG_LENGTH = 6;
/** Flag words this short ("M2", "QK") match too many names by chance. */
const MIN_WORD_LENGTH = 3;

/** The flags a text names, each once (shared between callers: do not change the array). */
export const flagsIn: (text: string) => readonly string[] = memoizeByText((text) => {
	const found = new Set<string>();
	for (const match of text.matchAll(FLAG)) if (match[0].length >= MIN_FLAG_LENGTH && /[A-Z]{2}/.test(match[0])) found.add(match[0]);
	return [...found];
});

export interface FlagNote {
	path: string;
	title: string;
	date?: string;
	body: string;
}

const squeezed = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** How many of the flag's words the note's file name or title carries. */
export function nameMatch(flag: string, note: Pick<FlagNote, 'path' | 'title'>): number {
	const name = squeezed(`${note.path.split('/').at(-1) ?? note.path} ${note.title}`);
	return flag
		.toLowerCase()
		.split('_')
		.filter((word) => word.length >= MIN_WORD_LENGTH)
		.filter((word) => name.includes(word)).length;
}

/** For each note, the flags it introduced (sorted), keyed by the note's path; notes introducing none are left out. */
export function flagIntroductions(notes: readonly FlagNote[]): Map<string, string[]> {
	const mentions = new Map<string, FlagNote[]>();
	for (const note of notes) for (const flag of flagsIn(note.body)) mentions.set(flag, [...(mentions.get(flag) ?? []), note]);
	const introductions = new Map<string, string[]>();
	for (const [flag, candidates] of mentions) {
		const [first] = [...candidates].sort(
			(a, b) => nameMatch(flag, b) - nameMatch(flag, a) || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.path.localeCompare(b.path),
		);
		introductions.set(first.path, [...(introductions.get(first.path) ?? []), flag].sort());
	}
	return introductions;
}
