/**
 * Strict records: the JSON files in data/records/, read once from the lab scan. One result type
 * for every reader (the build, `npm run check`, the report, recipe checks): the valid records
 * and the findings for the invalid ones, so none of them drops a bad record in its own way.
 */
import { findingsFromProblems, type Finding } from '../findings/finding';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import { recordIdOf } from '../lab/lab-paths';
import { validateRecord, type LabRecord } from '../schema/record';

export interface StrictRecord {
	id: string;
	/** The file it was read from, relative to the lab root. */
	path: string;
	record: LabRecord;
}

export interface RecordFiles {
	records: StrictRecord[];
	findings: Finding[];
}

export function readRecordFiles(files: ReadonlyArray<{ path: string; text?: string }>): RecordFiles {
	const records: StrictRecord[] = [];
	const findings: Finding[] = [];
	for (const file of files) {
		const id = recordIdOf(file.path);
		if (id === undefined) continue;
		const text = file.text ?? '';
		const parsed = parseJsonFile({ path: file.path, text });
		if (!parsed.ok) {
			findings.push(parsed.finding);
			continue;
		}
		const result = validateRecord(parsed.json, file.path);
		if (result.ok) records.push({ id, path: file.path, record: result.data });
		else findings.push(...findingsFromProblems(file.path, result.problems, (field) => lineOfJsonPath(text, field)));
	}
	return { records, findings };
}

/** Whether a record was produced by a recipe: its software.recipe names the recipe's folder. */
export const namesRecipe = (record: LabRecord, recipeFolder: string) =>
	record.software.recipe?.replace(/\/+$/, '') === recipeFolder.replace(/\/+$/, '');

/** A recipe's records: those whose software.recipe names its folder. */
export function recordsOfRecipe<T extends { record: LabRecord }>(records: readonly T[], recipeFolder: string): T[] {
	return records.filter(({ record }) => namesRecipe(record, recipeFolder));
}
