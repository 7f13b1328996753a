/**
 * Recipes (repro/<slug>/README.md with frontmatter), read once for the build and `npm run check`:
 * the valid ones, and findings for each unmet requirement at its frontmatter line.
 */
import type { Finding } from '../findings/finding';
import { frontmatterFindings } from '../findings/frontmatter-lines';
import { recordsOfRecipe } from '../records/record-files';
import type { RecipeFrontmatter } from '../schema/recipe';
import type { LabRecord } from '../schema/record';
import { splitFrontmatter } from '../text/frontmatter';
import { validateRecipe } from './requirements';

export interface RecipeReadme {
	/** repro/<slug> */
	folder: string;
	/** repro/<slug>/README.md */
	path: string;
	text: string;
}

export interface LabRecipe {
	slug: string;
	folder: string;
	path: string;
	frontmatter: RecipeFrontmatter;
	body: string;
}

export function readRecipes(
	lab: { recipeReadmes: readonly RecipeReadme[]; allFiles: readonly string[] },
	records: ReadonlyArray<{ id: string; record: LabRecord }>,
): { recipes: LabRecipe[]; findings: Finding[] } {
	const recipes: LabRecipe[] = [];
	const findings: Finding[] = [];
	const recordIds = new Set(records.map((record) => record.id));
	for (const readme of lab.recipeReadmes) {
		const { frontmatter, body, error } = splitFrontmatter(readme.text);
		if (error) {
			findings.push({ severity: 'error', file: readme.path, line: 1, message: error });
			continue;
		}
		const prefix = `${readme.folder}/`;
		const result = validateRecipe(frontmatter, readme.path, {
			files: new Set(lab.allFiles.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length))),
			recordIds,
			producedRecordIds: recordsOfRecipe(records, readme.folder).map((record) => record.id),
		});
		if (!result.ok) findings.push(...frontmatterFindings(readme.path, readme.text, result.problems));
		else recipes.push({ slug: readme.folder.replace(/^repro\//, ''), folder: readme.folder, path: readme.path, frontmatter: result.data, body });
	}
	return { recipes, findings };
}
