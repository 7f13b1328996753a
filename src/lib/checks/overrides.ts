/** data/classification-overrides.json: lab paths mapped to a valid track and outcome. */
import { OVERRIDES_FILE, readOverrides } from '../schema/classification-overrides';
import type { Check } from './types';

export const overridesCheck: Check = {
	name: 'overrides',
	run: ({ files }) => {
		const file = files.find((candidate) => candidate.path === OVERRIDES_FILE);
		return file?.text ? readOverrides(file.text).findings : [];
	},
};
