/**
 * Recipes (repro/<slug>/README.md) are strict: a stranger must be able to run one on a new
 * machine. The frontmatter declares what makes it runnable: pinned versions, scripts, validation,
 * failure modes and expected results (records). The prose (summary, quick start...) is the body.
 */
import { z } from 'astro/zod';
import type { SchemaGuide } from './explain';

const text = z.string().trim().min(1);

export const recipeVersionSchema = z.strictObject({ name: text, version: text });

export const recipeScriptSchema = z
	.strictObject({
		/** A file in the recipe folder, e.g. scripts/00-install.sh. */
		path: text.optional(),
		/** Where the script is published, e.g. a GitHub blob URL. */
		url: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
		purpose: text,
	})
	.refine((script) => (script.path === undefined) !== (script.url === undefined), {
		message: 'needs exactly one of path (a file in this folder) or url (an https address)',
	});

export const recipeFailureModeSchema = z.strictObject({ symptom: text, fix: text });

export const recipeFrontmatterSchema = z.strictObject({
	title: text,
	description: text,
	track: text,
	versions: z.array(recipeVersionSchema).optional(),
	scripts: z.array(recipeScriptSchema).optional(),
	validation: z.array(text).optional(),
	failureModes: z.array(recipeFailureModeSchema).optional(),
	expectedResults: z.array(text).optional(),
});
export type RecipeFrontmatter = z.output<typeof recipeFrontmatterSchema>;

export const RECIPE_GUIDE: SchemaGuide = {
	schema: recipeFrontmatterSchema,
	keyNoun: 'recipe field',
	hints: {
		title: 'the recipe title',
		description: 'one sentence: what this recipe sets up and on which hardware',
		track: 'the line of work, e.g. "minimax-m27-vllm-xpu"',
		'versions[].name': 'the component, e.g. "vLLM"',
		'versions[].version': 'the exact version, e.g. "0.20.1"',
		'scripts[].purpose': 'what the script does, in one line',
		'failureModes[].symptom': 'what the person sees',
		'failureModes[].fix': 'what to do about it',
	},
};
