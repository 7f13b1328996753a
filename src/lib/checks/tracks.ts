/**
 * data/tracks.json: the lab's declared tracks, each with an id, a label and match rules that
 * compile. And the tracks records and notes name: a track that is not declared still shows (by its
 * id), but no page sorts anything else into it and its label is the id, so a typo there splits a
 * line of work in two without a word. `npm run check` says so where the track is written.
 */
import { frontmatterLine } from '../findings/frontmatter-lines';
import { lineOfJsonPath } from '../findings/json-lines';
import type { Finding } from '../findings/finding';
import { declaredTracks } from '../lab/tracks';
import { splitFrontmatter } from '../text/frontmatter';
import { TRACKS_FILE } from '../schema/tracks';
import type { Check } from './types';

/** Why a track a file names is a problem, and what to write instead (also said by `npm run new`). */
export function undeclaredTrackMessage(track: string, declared: readonly string[]): string {
	return `"${track}" is not a declared track, so the site shows it by its id and sorts nothing else into it. Write one of ${declared.map((id) => `"${id}"`).join(', ')}, or declare "${track}" in ${TRACKS_FILE} (id, label, model, match words).`;
}

function undeclared(file: string, line: number, track: string, declared: readonly string[]): Finding {
	return { severity: 'warning', file, line, field: 'track', message: undeclaredTrackMessage(track, declared) };
}

export const tracksCheck: Check = {
	name: 'tracks',
	run: ({ files, inventory }) => {
		const file = files.find((candidate) => candidate.path === TRACKS_FILE);
		const findings = file?.text ? declaredTracks(file.text).findings : [];
		const declared = inventory.tracks.map((track) => track.id);
		if (!declared.length) return findings;
		const known = new Set(declared);
		const texts = new Map(files.map((candidate) => [candidate.path, candidate.text]));
		for (const { path, record } of inventory.strictRecords) {
			if (record.track && !known.has(record.track)) findings.push(undeclared(path, lineOfJsonPath(texts.get(path) ?? '', 'track'), record.track, declared));
		}
		for (const note of [...inventory.notes, ...inventory.writeups]) {
			const text = texts.get(note.path);
			if (text === undefined) continue;
			// Only a track the note states itself: one read from its words is always a declared one.
			const stated = (splitFrontmatter(text).frontmatter as { track?: unknown } | null)?.track;
			if (typeof stated === 'string' && stated.trim() && !known.has(stated.trim())) findings.push(undeclared(note.path, frontmatterLine(text, 'track'), stated.trim(), declared));
		}
		return findings;
	},
};
