/** data/lanes.json: the lab's benchmark lanes, each a valid protocol with a unique id (the same reading as the build's). */
import { LANES_FILE, readLanes } from '../schema/lanes';
import type { Check } from './types';

export const lanesCheck: Check = {
	name: 'lanes',
	run: ({ files }) => {
		const file = files.find((candidate) => candidate.path === LANES_FILE);
		return file?.text === undefined ? [] : readLanes({ path: file.path, text: file.text }).findings;
	},
};
