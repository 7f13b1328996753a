/** data/classification-overrides.json: lab paths mapped to a valid track and outcome. */
import { OVERRIDES_FILE, validateOverrides } from '../schema/classification-overrides';
import { lineOfJsonPath, parseJsonFile } from './json-lines';
import type { Check, Finding } from './types';

export const overridesCheck: Check = {
	name: 'overrides',
	run: ({ files }): Finding[] => {
		const file = files.find((candidate) => candidate.path === OVERRIDES_FILE);
		if (!file?.text) return [];
		const parsed = parseJsonFile(file);
		if (!parsed.ok) return [parsed.finding];
		const result = validateOverrides(parsed.json);
		if (result.ok) return [];
		return result.problems.map((problem) => ({
			severity: 'error',
			file: OVERRIDES_FILE,
			// Keys are paths with dots ("notes/x.md"): find the entry by its last part.
			line: lineOfJsonPath(file.text!, problem.field.split('.').at(-1) ?? ''),
			field: problem.field || undefined,
			message: problem.message,
		}));
	},
};
