/** A recipe's expected results: the records that name it, plus any it lists by id. Never typed. */
import type { LabRecord } from '../schema/record';
import { namesRecipe } from '../records/record-files';

export function recipeResults(
	recipeFolder: string,
	listedIds: readonly string[],
	records: ReadonlyArray<{ id: string; data: LabRecord }>,
): Array<{ id: string; data: LabRecord }> {
	const listed = new Set(listedIds);
	return records
		.filter((record) => listed.has(record.id) || namesRecipe(record.data, recipeFolder))
		.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}
