/** Recipes (repro/<slug>/README.md with frontmatter): schema and the five requirements. */
import { splitFrontmatter } from '../lab/inventory';
import { validateRecipe } from '../recipes/requirements';
import { validateRecord } from '../schema/record';
import { frontmatterFindings } from './frontmatter-lines';
import type { Check, Finding } from './types';

export const recipesCheck: Check = {
	name: 'recipes',
	run: ({ files }) => {
		const records = files
			.filter((file) => /^data\/records\/.+\.json$/.test(file.path))
			.flatMap((file) => {
				try {
					const result = validateRecord(JSON.parse(file.text ?? ''), file.path);
					return result.ok ? [{ id: file.path.replace(/^data\/records\//, '').replace(/\.json$/, ''), record: result.data }] : [];
				} catch {
					return [];
				}
			});
		const recordIds = new Set(records.map((record) => record.id));
		return files
			.filter((file) => /^repro\/[^/]+\/README\.md$/.test(file.path) && file.text?.startsWith('---'))
			.flatMap((file): Finding[] => {
				const folder = file.path.replace(/\/README\.md$/, '');
				const { frontmatter, error } = splitFrontmatter(file.text ?? '', file.path);
				if (error) return [{ severity: 'error', file: file.path, line: 1, message: error.slice(file.path.length + 2) }];
				const result = validateRecipe(frontmatter, file.path, {
					files: new Set(files.filter((other) => other.path.startsWith(`${folder}/`)).map((other) => other.path.slice(folder.length + 1))),
					recordIds,
					producedRecordIds: records.filter(({ record }) => record.software.recipe?.replace(/\/+$/, '') === folder).map((record) => record.id),
				});
				if (result.ok) return [];
				return frontmatterFindings(file.path, file.text ?? '', result.problems);
			});
	},
};
