/** data/tracks.json: the lab's declared tracks, each with an id, a label and match rules that compile. */
import { TRACKS_FILE, validateTracks } from '../schema/tracks';
import { lineOfJsonPath, parseJsonFile } from './json-lines';
import type { Check, Finding } from './types';

export const tracksCheck: Check = {
	name: 'tracks',
	run: ({ files }): Finding[] => {
		const file = files.find((candidate) => candidate.path === TRACKS_FILE);
		if (!file?.text) return [];
		const parsed = parseJsonFile(file);
		if (!parsed.ok) return [parsed.finding];
		const result = validateTracks(parsed.json, TRACKS_FILE);
		if (result.ok) return [];
		return result.problems.map((problem) => ({
			severity: 'error',
			file: TRACKS_FILE,
			line: lineOfJsonPath(file.text!, problem.field),
			field: problem.field || undefined,
			message: problem.message,
		}));
	},
};
