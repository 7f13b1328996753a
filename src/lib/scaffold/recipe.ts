/**
 * A new recipe folder: README.md with the frontmatter the build requires and the sections a
 * stranger needs, plus a starting script for each script path named.
 */
import { stringify } from 'yaml';
import { scaffoldSlug } from './note';

export interface RecipeAnswers {
	slug?: string;
	title: string;
	description: string;
	track: string;
	versions: Array<{ name: string; version: string }>;
	scripts: Array<{ path?: string; url?: string; purpose: string }>;
	validation: string[];
	failureModes: Array<{ symptom: string; fix: string }>;
	expectedResults: string[];
}

export function recipeFiles(answers: RecipeAnswers): Array<{ path: string; text: string }> {
	const slug = answers.slug ?? scaffoldSlug(answers.title);
	const folder = `repro/${slug}`;
	const frontmatter = stringify(
		{
			title: answers.title,
			description: answers.description,
			track: answers.track,
			versions: answers.versions,
			scripts: answers.scripts,
			validation: answers.validation,
			failureModes: answers.failureModes,
			...(answers.expectedResults.length ? { expectedResults: answers.expectedResults } : {}),
		},
		{ lineWidth: 0 },
	);
	const readme = [
		'---',
		frontmatter.trimEnd(),
		'---',
		'',
		'## Summary',
		'',
		'What this sets up, on which hardware, and what a reader gets at the end.',
		'',
		'## Assumptions',
		'',
		'Operating system, cards, memory, disk space, and access the scripts need.',
		'',
		'## Quick start',
		'',
		'Run the scripts in order; say what to check after each one.',
		'',
	].join('\n');
	const scripts = answers.scripts
		.filter((script) => script.path)
		.map((script) => ({
			path: `${folder}/${script.path!.replace(/^\.\//, '')}`,
			text: `#!/usr/bin/env bash\n# ${script.purpose}\nset -euo pipefail\n`,
		}));
	return [{ path: `${folder}/README.md`, text: readme }, ...scripts];
}
