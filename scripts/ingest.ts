/**
 * npm run ingest -- <files or folders> [--recipe repro/<slug>] [--labels file.json]
 *                   [--set key=value ...] [--format name] [--dry-run]
 *
 * Turns benchmark artifacts (vLLM bench JSON, llama-bench JSON/JSONL, LocalMaxxing payloads and
 * queues) into labeled records in data/records/. The work is done by src/lib/ingest; this file
 * only finds files, reads flags and prints.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTIFACT_FORMATS, type ArtifactFormat } from '../src/lib/importers';
import { labelsFromAssignments, labelsFromFile } from '../src/lib/importers/label-values';
import type { LabelLayer } from '../src/lib/ingest/assemble';
import { planArtifact, type ArtifactPlan } from '../src/lib/ingest/plan';

const USAGE = `Usage: npm run ingest -- <files or folders> [--recipe repro/<slug>] [--labels file.json] [--set key=value ...] [--format ${ARTIFACT_FORMATS.join('|')}] [--dry-run]`;

const toPosix = (path: string) => path.split(sep).join('/');

/** Artifacts under the given paths. Responses are read with their payloads, not on their own. */
export function findArtifacts(paths: string[]): string[] {
	const found: string[] = [];
	const visit = (path: string) => {
		const stats = statSync(path);
		if (stats.isDirectory()) {
			for (const entry of readdirSync(path).sort()) visit(join(path, entry));
		} else if (/\.jsonl?$/.test(path) && !/\.response\.json$/.test(path) && basename(path) !== 'record-defaults.json') {
			found.push(path);
		}
	};
	for (const path of paths) visit(path);
	return found;
}

/** data/localmaxxing-X.payload.json <-> data/localmaxxing-responses/X.response.json (the lab's layout). */
function responseFor(payloadPath: string): { path: string; text: string } | undefined {
	if (!payloadPath.endsWith('.payload.json')) return undefined;
	const name = basename(payloadPath, '.payload.json');
	const bare = name.replace(/^localmaxxing-/, '');
	const folder = dirname(payloadPath);
	const candidates = [bare, name].flatMap((stem) => [
		join(folder, 'localmaxxing-responses', `${stem}.response.json`),
		join(folder, `${stem}.response.json`),
	]);
	const path = candidates.find((candidate) => existsSync(candidate));
	return path ? { path, text: readFileSync(path, 'utf8') } : undefined;
}

/** The recipe folder an artifact lives in (repro/<slug>/...), if any. */
function recipeOf(labPath: string): string | undefined {
	return /^repro\/([^/]+)\//.exec(labPath)?.[0]?.replace(/\/$/, '');
}

function readLabels(path: string, what: string): Record<string, unknown> {
	const result = labelsFromFile(existsSync(path) ? readFileSync(path, 'utf8') : undefined, path, what);
	if (!result.ok) throw new UsageError(result.message);
	return result.labels;
}

export class UsageError extends Error {}

/** Writes through a temporary file and a rename, so a crash never leaves half a record. */
function writeAtomically(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
}

export interface IngestSummary {
	written: string[];
	unchanged: string[];
	refused: Array<{ path: string; errors: string[] }>;
	differences: string[];
}

export function runIngest(argv: string[], lab = resolve(process.env.LAB_DIR ?? process.cwd()), log = console.log): IngestSummary {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			recipe: { type: 'string' },
			labels: { type: 'string' },
			set: { type: 'string', multiple: true, default: [] },
			format: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help || positionals.length === 0) throw new UsageError(USAGE);
	if (values.format && !ARTIFACT_FORMATS.includes(values.format as ArtifactFormat)) {
		throw new UsageError(`--format ${values.format} is not a format. Use one of: ${ARTIFACT_FORMATS.join(', ')}`);
	}
	const labPath = (path: string) => {
		const inLab = toPosix(relative(lab, resolve(path)));
		return inLab.startsWith('../') ? toPosix(path) : inLab;
	};
	const missingPaths = positionals.filter((path) => !existsSync(path));
	if (missingPaths.length) throw new UsageError(`No such file or folder: ${missingPaths.join(', ')}`);
	const artifacts = findArtifacts(positionals);
	if (artifacts.length === 0) throw new UsageError(`No .json or .jsonl artifacts under ${positionals.join(', ')}`);

	const explicit: LabelLayer[] = [];
	if (values.labels) explicit.push({ source: values.labels, labels: readLabels(values.labels, 'the labels file') });
	if (values.set.length) {
		const assigned = labelsFromAssignments(values.set);
		if (!assigned.ok) throw new UsageError(assigned.message);
		explicit.push({ source: '--set', labels: assigned.labels, overridesRecord: true });
	}

	const defaultsFor = (recipe: string | undefined): LabelLayer | undefined => {
		if (!recipe) return undefined;
		const folder = join(lab, recipe);
		if (!existsSync(join(folder, 'README.md'))) throw new UsageError(`--recipe ${recipe}: no recipe at ${recipe}/README.md`);
		const file = join(folder, 'record-defaults.json');
		const labels = existsSync(file) ? readLabels(file, 'the recipe defaults') : {};
		// Every record a recipe produces points back at it.
		return { source: `${recipe}/record-defaults.json`, labels: { ...labels, software: { ...(labels.software as object), recipe } } };
	};

	const recordsDir = join(lab, 'data/records');
	const summary: IngestSummary = { written: [], unchanged: [], refused: [], differences: [] };
	const progress = process.stderr.isTTY && artifacts.length > 1;
	artifacts.forEach((path, index) => {
		if (progress) process.stderr.write(`\r[${index + 1}/${artifacts.length}] ${labPath(path)}`.padEnd(100).slice(0, 100));
		const shownPath = labPath(path);
		const recipe = values.recipe?.replace(/\/+$/, '') ?? recipeOf(shownPath);
		const defaults = defaultsFor(recipe);
		const howToGive = `with --set, in a --labels file${recipe ? ` or in ${recipe}/record-defaults.json` : ', or with --recipe repro/<slug> and its record-defaults.json'}`;
		let plan: ArtifactPlan;
		try {
			const response = responseFor(path);
			plan = planArtifact(
				{
					path: shownPath,
					text: readFileSync(path, 'utf8'),
					format: values.format as ArtifactFormat | undefined,
					companions: response ? { localmaxxingResponse: response } : {},
				},
				{
					defaults,
					explicit,
					howToGive,
					existingRecord: (id) => {
						const file = join(recordsDir, `${id}.json`);
						return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
					},
				},
			);
		} catch (error) {
			// A bug must not stop the batch: the artifact is refused and the rest proceed.
			plan = { path: shownPath, ok: false, errors: [`${shownPath}: could not be read (${(error as Error).message})`] };
		}
		if (!plan.ok) {
			summary.refused.push({ path: plan.path, errors: plan.errors });
			return;
		}
		for (const record of plan.records) {
			const file = `data/records/${record.id}.json`;
			summary.differences.push(
				...record.differences.map(
					(difference) => `${file}: ${difference.field} is ${JSON.stringify(difference.kept)} in the record but ${JSON.stringify(difference.artifact)} in ${plan.path}; kept the record's value (delete it from the record to take the artifact's)`,
				),
			);
			if (record.status === 'unchanged') {
				summary.unchanged.push(file);
				continue;
			}
			if (!values['dry-run']) writeAtomically(join(lab, file), record.json);
			summary.written.push(file);
		}
	});
	if (progress) process.stderr.write('\r'.padEnd(101) + '\r');

	const verb = values['dry-run'] ? 'would be written' : 'written';
	for (const file of summary.written) log(`${verb}: ${file}`);
	for (const difference of summary.differences) log(`measured value differs: ${difference}`);
	for (const refusal of summary.refused) for (const error of refusal.errors) log(`refused: ${error}`);
	log(
		`\n${artifacts.length} artifact(s): ${summary.written.length} record(s) ${verb}, ${summary.unchanged.length} unchanged, ${summary.refused.length} artifact(s) refused.`,
	);
	return summary;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	try {
		const summary = runIngest(process.argv.slice(2));
		process.exitCode = summary.refused.length ? 1 : 0;
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(error.message);
			process.exitCode = 2;
		} else throw error;
	}
}
