/**
 * A recipe's record-defaults.json carries what every run of the recipe shares: the machine it was
 * written on (GPU, cards, CPU, RAM, interconnect, OS, kernel, driver), the engine, the model and
 * the track. A label it gives must be right (the record schema's type, no measured metrics); a
 * label it lacks is a warning, because every contributor then has to type it again.
 */
import { getPath } from '../importers/label-values';
import { requiredLabelPaths, validateRecord } from '../schema/record';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import type { Check, CheckedFile, Finding } from './types';

/** Labels that differ run by run: stated by the artifact, the contributor or ingest itself. */
const PER_RUN = ['title', 'date', 'status', 'metrics', 'quality', 'warmth', 'source', 'artifacts', 'shape', 'tuning', 'software.recipe'];
const perRun = (path: string) => PER_RUN.some((label) => path === label || path.startsWith(`${label}.`));

/** A recipe (README with frontmatter) without defaults: every run's machine labels are typed by hand. */
function withoutDefaults(files: readonly CheckedFile[]): Finding[] {
	const paths = new Set(files.map((file) => file.path));
	return files
		.filter((file) => /^repro\/[^/]+\/README\.md$/.test(file.path) && file.text?.startsWith('---'))
		.map((file) => file.path.replace(/README\.md$/, 'record-defaults.json'))
		.filter((defaults) => !paths.has(defaults))
		.map((defaults) => ({
			severity: 'warning' as const,
			file: defaults.replace(/record-defaults\.json$/, 'README.md'),
			message: `has no ${defaults}: write the labels every run of the recipe shares (the machine, engine, model, track) there, so npm run ingest fills them in.`,
		}));
}

export const recipeDefaultsCheck: Check = {
	name: 'recipe-defaults',
	run: ({ files }) => [
		...withoutDefaults(files),
		...files
			.filter((file) => /^repro\/[^/]+\/record-defaults\.json$/.test(file.path))
			.flatMap((file): Finding[] => {
				const parsed = parseJsonFile(file);
				if (!parsed.ok) return [parsed.finding];
				const defaults = parsed.json;
				if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
					return [{ severity: 'error', file: file.path, line: 1, message: 'must be a JSON object of record labels' }];
				}
				const at = (field: string) => lineOfJsonPath(file.text ?? '', field);
				const findings: Finding[] = [];
				if ('metrics' in defaults) {
					findings.push({ severity: 'error', file: file.path, line: at('metrics'), field: 'metrics', message: 'metrics come from the artifact; remove them from the defaults' });
				}
				// The record schema judges each label the defaults give; what they leave out is judged below.
				const validation = validateRecord(defaults, file.path);
				if (!validation.ok) {
					for (const problem of validation.problems) {
						if (problem.message.startsWith('is missing') || problem.message === 'not recorded' || problem.field.startsWith('metrics')) continue;
						if (problem.field && getPath(defaults, problem.field.split('.')[0]) === undefined) continue;
						findings.push({ severity: 'error', file: file.path, line: at(problem.field), field: problem.field || undefined, message: problem.message });
					}
				}
				const lacking = requiredLabelPaths().filter((path) => !perRun(path) && getPath(defaults, path) === undefined);
				if (lacking.length) {
					findings.push({
						severity: 'warning',
						file: file.path,
						line: 1,
						message: `lacks ${lacking.join(', ')}: every contributor must give ${lacking.length === 1 ? 'it' : 'them'} with --set. Add the values of the machine the recipe was written on (only what is known; never a guess).`,
					});
				}
				return findings;
			}),
	],
};
