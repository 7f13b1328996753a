/** Recipes (repro/<slug>/README.md with frontmatter): schema and the five requirements. */
import { readRecipes } from '../recipes/read-recipes';
import type { Check } from './types';

export const recipesCheck: Check = {
	name: 'recipes',
	run: ({ inventory }) => readRecipes(inventory, [...inventory.strictRecords, ...inventory.legacyRecords]).findings,
};
