/**
 * npm run ingest -- <files or folders> [--recipe repro/<slug>] [--labels file.json]
 *                   [--set key=value ...] [--format name] [--take-artifact] [--dry-run]
 *
 * Turns benchmark artifacts (vLLM bench JSON, llama-bench JSON/JSONL, LocalMaxxing payloads and
 * queues) into labeled records in data/records/. The work is done by src/lib/ingest; this file
 * only finds files, reads flags and prints.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseCommandLine, UsageError } from '../src/lib/cli/command-line';
import { ARTIFACT_FORMATS, type ArtifactFormat } from '../src/lib/importers';
import { labelsFromAssignments, labelsFromFile } from '../src/lib/importers/label-values';
import { artifactHome, ARTIFACTS_FOLDER } from '../src/lib/ingest/artifact-home';
import type { LabelLayer } from '../src/lib/ingest/assemble';
import { planArtifact, type ArtifactPlan } from '../src/lib/ingest/plan';
import { formatPreview } from '../src/lib/ingest/preview';
import { namesOnlyADeviceId } from '../src/lib/importers/llama-bench';
import { recordFileOf } from '../src/lib/lab/lab-paths';
import { declaredTracks } from '../src/lib/lab/tracks';
import { TRACKS_FILE } from '../src/lib/schema/tracks';
import { undeclaredTrackMessage } from '../src/lib/checks/tracks';

export { UsageError };

const USAGE = `Usage: npm run ingest -- <files or folders> [options]

Turns benchmark artifacts (${ARTIFACT_FORMATS.join(', ')}) into records in data/records/ of the lab
at LAB_DIR (default: the current folder, this project's seed lab).

Options:
  --recipe repro/<slug>   use the recipe's record-defaults.json (automatic for artifacts under repro/<slug>/)
  --labels file.json      labels the artifacts cannot state (above the recipe's defaults)
  --set label.path=value  one label, typed by the schema (e.g. --set warmth=warm --set hardware.interconnect=pcie4x16)
  --format name           force the artifact format instead of detecting it
  --take-artifact         where the artifact states engine, model, GPU or card count, take its value over a label file that says otherwise
  --dry-run               print each record it would write, with where each label came from, and write nothing
  -h, --help              print this help`;

const toPosix = (path: string) => path.split(sep).join('/');

export interface FoundArtifacts {
	files: string[];
	/** Entries passed over, with the reason: symbolic links are not followed, unreadable folders are named. */
	skipped: Array<{ path: string; reason: string }>;
}

const NOT_AN_ARTIFACT = 'not a benchmark artifact (only .json and .jsonl files are read)';
/** A response is read beside its payload and a recipe's defaults beside its artifacts, not on their own. */
const isReadBeside = (path: string) => /\.response\.json$/.test(path) || basename(path) === 'record-defaults.json';

/**
 * Artifacts under the given paths. Responses are read with their payloads, not on their own.
 * Inside folders, symbolic links are not followed (a link loop would never end), and a folder
 * that cannot be read is a finding: the rest of the batch proceeds.
 */
export function findArtifacts(paths: string[]): FoundArtifacts {
	const found: FoundArtifacts = { files: [], skipped: [] };
	const visit = (path: string, given: boolean) => {
		let stats;
		try {
			stats = given ? statSync(path) : lstatSync(path);
		} catch (error) {
			found.skipped.push({ path, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
			return;
		}
		if (stats.isSymbolicLink()) {
			found.skipped.push({ path, reason: 'is a symbolic link; not followed (give its target to ingest it)' });
		} else if (stats.isDirectory()) {
			let entries: string[];
			try {
				entries = readdirSync(path).sort();
			} catch (error) {
				found.skipped.push({ path, reason: `folder could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
				return;
			}
			for (const entry of entries) visit(join(path, entry), false);
		} else if (isReadBeside(path)) {
			return;
		} else if (/\.jsonl?$/.test(path)) {
			found.files.push(path);
		} else if (!given) {
			// A log or a script beside the results: say it was passed over, so nothing goes missing unnoticed.
			found.skipped.push({ path, reason: NOT_AN_ARTIFACT });
		}
	};
	for (const path of paths) visit(path, true);
	return found;
}

/** Lab paths of the files already copied under data/artifacts/. */
function copiedArtifacts(lab: string): string[] {
	const root = join(lab, ARTIFACTS_FOLDER);
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((entry) => `${ARTIFACTS_FOLDER}/${toPosix(entry)}`);
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

/** Writes through a temporary file and a rename, so a crash never leaves half a record. */
function writeAtomically(path: string, text: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
}

export interface IngestSummary {
	/** True when --help was asked for: the usage was printed, nothing else done. */
	help?: boolean;
	written: string[];
	/** Outside artifacts copied into the lab (lab paths). */
	copied: string[];
	skipped: Array<{ path: string; reason: string }>;
	unchanged: string[];
	refused: Array<{ path: string; errors: string[] }>;
	/** Tracks of written records that data/tracks.json does not declare. */
	undeclaredTracks: Set<string>;
	/** GPU names that are only a device id ("Intel(R) Graphics [0xe223]"), with the records that carry them. */
	deviceIdGpus: Map<string, string[]>;
	differences: string[];
}

interface IngestOptions {
	recipe?: string;
	labels?: string;
	set: string[];
	format?: string;
	'take-artifact': boolean;
	'dry-run': boolean;
}

export function runIngest(argv: string[], lab = resolve(process.env.LAB_DIR ?? process.cwd()), log = console.log, today = new Date().toISOString().slice(0, 10)): IngestSummary {
	const summary: IngestSummary = { written: [], copied: [], skipped: [], unchanged: [], refused: [], differences: [], undeclaredTracks: new Set(), deviceIdGpus: new Map() };
	const commandLine = parseCommandLine<IngestOptions>(
		argv,
		{
			recipe: { type: 'string' },
			labels: { type: 'string' },
			set: { type: 'string', multiple: true, default: [] },
			format: { type: 'string' },
			'take-artifact': { type: 'boolean', default: false },
			'dry-run': { type: 'boolean', default: false },
		},
		USAGE,
	);
	if (commandLine.help) {
		log(USAGE);
		return { ...summary, help: true };
	}
	const { values, positionals } = commandLine;
	if (positionals.length === 0) throw new UsageError(`no artifact given\n${USAGE}`);
	if (values.format && !ARTIFACT_FORMATS.includes(values.format as ArtifactFormat)) {
		throw new UsageError(`--format ${values.format} is not a format. Use one of: ${ARTIFACT_FORMATS.join(', ')}`);
	}
	/** The artifact's path in the lab, or undefined when it lives outside the lab. */
	const labPath = (path: string) => {
		const inLab = toPosix(relative(lab, resolve(path)));
		return inLab.startsWith('../') || inLab === '..' || isAbsolute(inLab) ? undefined : inLab;
	};
	const missingPaths = positionals.filter((path) => !existsSync(path));
	if (missingPaths.length) {
		// Paths are read from the current folder, not the lab: say so when the lab has the file.
		const inLab = missingPaths.filter((path) => !isAbsolute(path) && existsSync(join(lab, path))).map((path) => join(lab, path));
		const hint = inLab.length ? ` (read from ${process.cwd()}; the lab has ${inLab.join(', ')}: give that path)` : '';
		throw new UsageError(`No such file or folder: ${missingPaths.join(', ')}${hint}`);
	}
	const found = findArtifacts(positionals);
	const artifacts = found.files;
	summary.skipped.push(...found.skipped);
	if (artifacts.length === 0 && found.skipped.every((skipped) => skipped.reason === NOT_AN_ARTIFACT)) {
		throw new UsageError(`No .json or .jsonl artifacts under ${positionals.join(', ')}${found.skipped.length ? ` (${found.skipped.length} other file(s) there)` : ''}`);
	}
	const alreadyCopied = copiedArtifacts(lab);
	// The recipe as a lab path ("./repro/x/", "/home/me/lab/repro/x" -> "repro/x"): records name it so.
	const recipeArgument = values.recipe === undefined ? undefined : (labPath(resolve(lab, values.recipe)) ?? values.recipe).replace(/\/+$/, '');

	const explicit: LabelLayer[] = [];
	if (values.labels) explicit.push({ source: values.labels, labels: readLabels(values.labels, 'the labels file') });
	if (values.set.length) {
		const assigned = labelsFromAssignments(values.set);
		if (!assigned.ok) throw new UsageError(assigned.message);
		explicit.push({ source: '--set', labels: assigned.labels, whole: assigned.whole, overridesRecord: true });
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
	// The tracks the lab declares (or the project's default), as the build reads them.
	const tracksFile = join(lab, TRACKS_FILE);
	const trackIds = declaredTracks(existsSync(tracksFile) ? readFileSync(tracksFile, 'utf8') : undefined).tracks.map((track) => track.id);
	const progress = process.stderr.isTTY && artifacts.length > 1;
	artifacts.forEach((path, index) => {
		if (progress) process.stderr.write(`\r[${index + 1}/${artifacts.length}] ${path}`.padEnd(100).slice(0, 100));
		let plan: ArtifactPlan;
		let shownPath = labPath(path) ?? toPosix(path);
		try {
			const bytes = readFileSync(path);
			// An artifact outside the lab is recorded by the copy the lab keeps, never by its path
			// on this machine: the record's link must open a file in the repository.
			const home = labPath(path) === undefined ? artifactHome(basename(path), bytes, today, alreadyCopied) : undefined;
			const recipe = recipeArgument ?? recipeOf(shownPath);
			const defaults = defaultsFor(recipe);
			const howToGive = `with --set, in a --labels file${recipe ? ` or in ${recipe}/record-defaults.json` : ', or with --recipe repro/<slug> and its record-defaults.json'}`;
			const response = responseFor(path);
			plan = planArtifact(
				{
					path: shownPath,
					recordedPath: home,
					text: bytes.toString('utf8'),
					format: values.format as ArtifactFormat | undefined,
					companions: response ? { localmaxxingResponse: response } : {},
				},
				{
					defaults,
					explicit,
					howToGive,
					takeArtifact: values['take-artifact'],
					existingRecord: (id) => {
						const file = join(recordsDir, `${id}.json`);
						return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
					},
				},
			);
			if (plan.ok && home && !existsSync(join(lab, home))) {
				if (!values['dry-run']) writeAtomically(join(lab, home), bytes);
				alreadyCopied.push(home);
				summary.copied.push(home);
			}
		} catch (error) {
			if (error instanceof UsageError) throw error;
			// A bug or an unreadable file must not stop the batch: the artifact is refused and the rest proceed.
			plan = { path: shownPath, ok: false, errors: [`${shownPath}: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
		}
		if (values['dry-run']) {
			const shown = plan.ok
				? plan.records.map((record) => ({ preview: record.preview, verb: record.status === 'unchanged' ? 'unchanged:' : 'would write' }))
				: (plan.previews ?? []).map((preview) => ({ preview, verb: 'would not write' }));
			for (const { preview, verb } of shown) for (const line of formatPreview(preview, verb)) log(line);
		}
		if (!plan.ok) {
			summary.refused.push({ path: plan.path, errors: plan.errors });
			return;
		}
		for (const record of plan.records) {
			const file = recordFileOf(record.id);
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
			// A new line of work is welcome, but the site names it only once data/tracks.json declares it.
			const track = (record.preview.labels as { track?: string }).track;
			if (track && !trackIds.includes(track)) summary.undeclaredTracks.add(track);
			// Kept as the artifact says it, but a reader cannot tell which card that is.
			const gpu = (record.preview.labels as { hardware?: { gpu?: unknown } }).hardware?.gpu;
			if (typeof gpu === 'string' && namesOnlyADeviceId(gpu)) summary.deviceIdGpus.set(gpu, [...(summary.deviceIdGpus.get(gpu) ?? []), file]);
		}
	});
	if (progress) process.stderr.write('\r'.padEnd(101) + '\r');

	const verb = values['dry-run'] ? 'would be written' : 'written';
	for (const file of summary.copied) log(`${values['dry-run'] ? 'would copy the artifact to' : 'copied the artifact to'}: ${file}`);
	for (const file of summary.written) log(`${verb}: ${file}`);
	for (const skipped of summary.skipped) log(`skipped: ${toPosix(skipped.path)}: ${skipped.reason}`);
	for (const difference of summary.differences) log(`measured value differs: ${difference}`);
	for (const refusal of summary.refused) for (const error of refusal.errors) log(`refused: ${error}`);
	for (const track of summary.undeclaredTracks) {
		log(`note: track ${undeclaredTrackMessage(track, trackIds)}`);
	}
	for (const [gpu, files] of summary.deviceIdGpus) {
		log(`note: ${files.length} record(s) name the GPU only as ${JSON.stringify(gpu)}, a device id as the benchmark reported it (e.g. ${files[0]}): pass --set hardware.gpu="<the card's model>" or give it in the recipe's record-defaults.json.`);
	}
	log(
		`\n${artifacts.length} artifact(s): ${summary.written.length} record(s) ${verb}, ${summary.unchanged.length} unchanged, ${summary.refused.length} artifact(s) refused${summary.skipped.length ? `, ${summary.skipped.length} path(s) skipped` : ''}.`,
	);
	return summary;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	try {
		const summary = runIngest(process.argv.slice(2));
		process.exitCode = summary.refused.length ? 1 : 0;
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exitCode = 2;
	}
}
