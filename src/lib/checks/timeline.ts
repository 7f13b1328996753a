/** data/timeline.json: schema, tracks, and records that exist (files or imported legacy records). */
import { TIMELINE_FILE, validateTimeline } from '../schema/timeline';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import type { Check, Finding } from './types';

export const timelineCheck: Check = {
	name: 'timeline',
	run: ({ files, inventory }): Finding[] => {
		const file = files.find((candidate) => candidate.path === TIMELINE_FILE);
		if (!file?.text) return [];
		const parsed = parseJsonFile(file);
		if (!parsed.ok) return [parsed.finding];
		const json = parsed.json;
		const recordIds = new Set([
			...inventory.strictRecords.map((strict) => strict.id),
			...inventory.legacyRecords.map((legacy) => legacy.id),
		]);
		const result = validateTimeline(json, TIMELINE_FILE, recordIds);
		if (result.ok) {
			const existing = new Set(files.map((candidate) => candidate.path));
			return result.data.steps.flatMap((step, index) =>
				step.sources
					.map((source, sourceIndex) => ({ source, field: `steps.${index}.sources.${sourceIndex}` }))
					.filter(({ source }) => !/^https:\/\//.test(source) && !existing.has(source))
					.map(({ source, field }) => ({ severity: 'error' as const, file: TIMELINE_FILE, line: lineOfJsonPath(file.text!, `steps.${index}.sources`), field, message: `is "${source}", which is not in the repository. Cite an existing file or an https URL.` })),
			);
		}
		return result.problems.map((problem) => ({ severity: 'error', file: TIMELINE_FILE, line: lineOfJsonPath(file.text!, problem.field), field: problem.field || undefined, message: problem.message }));
	},
};
