/**
 * The requirements that make a folder under repro/ a recipe rather than a lab note. Each is a
 * small named rule, testable alone; a recipe missing one fails the build with the file, the
 * requirement and the advice to keep the material in notes/ until it has it.
 */
import { formatProblems, validateWith, type Problem, type Validation } from '../schema/explain';
import { RECIPE_GUIDE, type RecipeFrontmatter } from '../schema/recipe';
import { closestHint } from '../checks/closest-name';

export interface RecipeContext {
	/** Files in the recipe folder, relative to it, e.g. ["README.md", "scripts/00-install.sh"]. */
	files: ReadonlySet<string>;
	/** Ids of every record in data/records/. */
	recordIds: ReadonlySet<string>;
	/** Ids of the records whose software.recipe names this recipe: its results, found, not typed. */
	producedRecordIds: readonly string[];
}

interface Requirement {
	field: keyof RecipeFrontmatter;
	/** Met without the field, e.g. expected results found among the records. */
	satisfiedBy?: (context: RecipeContext) => boolean;
	/** What the recipe lacks, phrased to follow "a recipe needs". */
	need: string;
	check: (recipe: RecipeFrontmatter, context: RecipeContext) => Problem[];
}

const KEEP_IN_NOTES = 'Keep it in notes/ until it has this.';

/** "latest", "main", "^1.2", ">=2", "1.x", "*": versions a stranger cannot reproduce. */
const UNPINNED = /^(latest|main|master|head|stable|nightly|dev|any|current)$|^[\^~><=*]|(^|\.)[x*](\.|$)/i;

const REQUIREMENTS: Requirement[] = [
	{
		field: 'versions',
		need: 'pinned versions (versions: [{ name, version }]) for the OS, driver/runtime and engine',
		check: (recipe) =>
			(recipe.versions ?? []).flatMap((entry, index) =>
				UNPINNED.test(entry.version.trim())
					? [
							{
								field: `versions.${index}.version`,
								message: `is "${entry.version}" for ${entry.name}, which is not pinned. Write the exact version that was tested, e.g. "0.20.1" or a commit.`,
							},
						]
					: [],
			),
	},
	{
		field: 'scripts',
		need: 'scripts (paths in this folder, or https URLs where they are published)',
		check: (recipe, context) =>
			(recipe.scripts ?? []).flatMap((script, index) => {
				if (script.path === undefined) return [];
				const path = script.path.replace(/^\.\//, '');
				if (path.startsWith('/') || path.split('/').includes('..')) {
					return [{ field: `scripts.${index}.path`, message: `is "${script.path}", outside the recipe folder. Write a path inside it, or a url.` }];
				}
				if (!context.files.has(path)) {
					return [{ field: `scripts.${index}.path`, message: `is "${script.path}", which does not exist in the recipe folder. Add the file, or link it with url.` }];
				}
				return [];
			}),
	},
	{
		field: 'validation',
		need: 'validation: the quality gates that must pass before a speed number counts',
		check: () => [],
	},
	{
		field: 'failureModes',
		need: 'failure modes (failureModes: [{ symptom, fix }])',
		check: () => [],
	},
	{
		field: 'expectedResults',
		need: 'expected results: records in data/records/ whose software.recipe names this recipe (ingest the recipe\'s artifacts with npm run ingest), or their ids under expectedResults',
		satisfiedBy: (context) => context.producedRecordIds.length > 0,
		check: (recipe, context) =>
			(recipe.expectedResults ?? []).flatMap((id, index) =>
				context.recordIds.has(id)
					? []
					: [{ field: `expectedResults.${index}`, message: `is "${id}", which is not a record. Write the id (file name without .json) of a record in data/records/. ${closestHint(id, context.recordIds, 'record id')}` }],
			),
	},
];

/** Every unmet requirement of a recipe whose frontmatter already passed the schema. */
export function checkRecipeRequirements(recipe: RecipeFrontmatter, context: RecipeContext): Problem[] {
	return REQUIREMENTS.flatMap((requirement) => {
		const value = recipe[requirement.field];
		if ((!Array.isArray(value) || value.length === 0) && !requirement.satisfiedBy?.(context)) {
			return [{ field: requirement.field, message: `is missing: a recipe needs ${requirement.need}. ${KEEP_IN_NOTES}` }];
		}
		return requirement.check(recipe, context);
	});
}

/** Schema, then requirements: the full verdict on a recipe README's frontmatter. */
export function validateRecipe(
	frontmatter: unknown,
	file: string,
	context: RecipeContext,
): Validation<RecipeFrontmatter> {
	const parsed = validateWith<RecipeFrontmatter>(RECIPE_GUIDE, frontmatter ?? {}, file, 'recipe frontmatter');
	if (!parsed.ok) return parsed;
	const problems = checkRecipeRequirements(parsed.data, context);
	if (problems.length === 0) return parsed;
	return { ok: false, problems, message: formatProblems(file, problems) };
}
