/** Every record in data/records/ against the record schema. */
import { validateRecord } from '../schema/record';
import { lineOfJsonPath } from './json-lines';
import type { Check } from './types';

export const recordsCheck: Check = {
	name: 'records',
	run: ({ files }) =>
		files
			.filter((file) => /^data\/records\/.+\.json$/.test(file.path))
			.flatMap((file) => {
				let json: unknown;
				try {
					json = JSON.parse(file.text ?? '');
				} catch (error) {
					return [{ severity: 'error' as const, file: file.path, line: 1, message: `is not valid JSON (${(error as Error).message})` }];
				}
				const result = validateRecord(json, file.path);
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
