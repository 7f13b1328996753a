/**
 * Cross-references exist: a record's software.recipe names a recipe folder of the lab
 * (repro/<slug> with a README.md). A dangling one is an error naming the closest existing recipe.
 * (Record ids in a recipe's expected results are checked with the recipe, in recipes.ts.)
 */
import { closestHint } from './closest-name';
import { lineOfJsonPath } from '../findings/json-lines';
import type { Check, Finding } from './types';

export const crossReferencesCheck: Check = {
	name: 'cross-references',
	run: ({ files, inventory }) => {
		const recipes = new Set(files.map((file) => /^(repro\/[^/]+)\/README\.md$/i.exec(file.path)?.[1]).filter((folder): folder is string => !!folder));
		const texts = new Map(files.map((file) => [file.path, file.text ?? '']));
		return inventory.strictRecords
			.map((strict) => ({ path: strict.path, text: texts.get(strict.path), record: strict.record }))
			.flatMap((file): Finding[] => {
				const recipe = file.record.software.recipe;
				if (typeof recipe !== 'string' || recipe === 'not recorded') return [];
				const folder = recipe.trim().replace(/\/README\.md$/i, '').replace(/\/+$/, '');
				if (recipes.has(folder)) return [];
				return [
					{
						severity: 'error',
						file: file.path,
						line: lineOfJsonPath(file.text ?? '', 'software.recipe'),
						field: 'software.recipe',
						message: `is "${recipe}", which is not a recipe (a repro/<slug> folder with a README.md). ${closestHint(folder, recipes, 'recipe')}`,
					},
				];
			});
	},
};
