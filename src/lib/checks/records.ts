/** Every record in data/records/ against the record schema. */
import { validateRecord } from '../schema/record';
import { lineOfJsonPath, parseJsonFile } from './json-lines';
import type { Check } from './types';

export const recordsCheck: Check = {
	name: 'records',
	run: ({ files }) =>
		files
			.filter((file) => /^data\/records\/.+\.json$/.test(file.path))
			.flatMap((file) => {
				const parsed = parseJsonFile(file);
				if (!parsed.ok) return [parsed.finding];
				const result = validateRecord(parsed.json, file.path);
				if (result.ok) return [];
				return result.problems.map((problem) => ({
					severity: 'error' as const,
					file: file.path,
					line: lineOfJsonPath(file.text ?? '', problem.field),
					field: problem.field || undefined,
					message: problem.message,
				}));
			}),
};
