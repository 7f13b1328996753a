/** data/tracks.json: the lab's declared tracks, each with an id, a label and match rules that compile. */
import { declaredTracks } from '../lab/tracks';
import { TRACKS_FILE } from '../schema/tracks';
import type { Check } from './types';

export const tracksCheck: Check = {
	name: 'tracks',
	run: ({ files }) => {
		const file = files.find((candidate) => candidate.path === TRACKS_FILE);
		return file?.text ? declaredTracks(file.text).findings : [];
	},
};
