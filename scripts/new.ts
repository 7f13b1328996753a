/**
 * npm run new -- note|record|recipe [flags]
 *
 * Writes a new note, record or recipe folder that already passes `npm run check`. On a terminal
 * it asks for what is missing; otherwise (CI, scripts, tests) everything comes from flags and a
 * missing answer is an error that says which flag to add.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as prompts from '@clack/prompts';
import { closestHint } from '../src/lib/checks/closest-name';
import { isLabRelativePath } from '../src/lib/ingest/artifact-home';
import { parseCommandLine, UsageError } from '../src/lib/cli/command-line';
import { typedLabelValue } from '../src/lib/importers/label-typing';
import { labelsFromAssignments, labelsFromFile, mergeLabelLayers } from '../src/lib/importers/label-values';
import { noteFile, type NoteAnswers } from '../src/lib/scaffold/note';
import { recipeFiles, type RecipeAnswers } from '../src/lib/scaffold/recipe';
import { answerProblem, missingLabelQuestions, recordDefaults, recordFile, setPath } from '../src/lib/scaffold/record';
import { NOTE_OUTCOMES, type NoteOutcome } from '../src/lib/schema/note';
import { INTERCONNECT_KINDS, QUALITY_METHODS, RECORD_STATUSES, WARMTH } from '../src/lib/schema/record';
import { recordFileOf } from '../src/lib/lab/lab-paths';
import { declaredTracks, type Track } from '../src/lib/lab/tracks';
import { undeclaredTrackMessage } from '../src/lib/checks/tracks';
import { TRACKS_FILE } from '../src/lib/schema/tracks';
import { splitFrontmatter } from '../src/lib/text/frontmatter';

/** A mistake the person can fix: printed without a stack trace, exit code 2. */
export class NewError extends UsageError {}

const USAGE = `Usage:
  npm run new -- note --title "..." [--date YYYY-MM-DD] [--track id] [--outcome ${NOTE_OUTCOMES.join('|')}]
  npm run new -- record [--labels labels.json] [--set label.path=value ...]
  npm run new -- recipe --title "..." --description "..." --track id --version "vLLM=0.20.1" ...
                 --script "scripts/00-setup.sh=What it does" | --script "https://...=What it does"
                 --validation "quality gate" --failure "symptom => fix" [--expected-result <record id>]
  npm run new -- --help

Writes into the lab at LAB_DIR (default: the current folder, this project's seed lab).
On a terminal it asks for what the flags do not give, checking each answer as it is typed; a record
left unfinished is kept as a draft and offered the next time.`;

const today = () => new Date().toISOString().slice(0, 10);

interface Io {
	interactive: boolean;
	log(line: string): void;
	/** Where an unfinished record's answers are kept (the lab's draft in the system temp folder by default). */
	draftFile?: string;
}

/** One draft per lab, outside it: a half-answered record is not lab material. */
export function draftFileFor(lab: string): string {
	return join(tmpdir(), `b70-new-record-${createHash('sha256').update(resolve(lab)).digest('hex').slice(0, 12)}.json`);
}

async function ask(io: Io, message: string, flag: string, options: { placeholder?: string; validate?: (value: string) => string | undefined } = {}): Promise<string> {
	if (!io.interactive) throw new NewError(`Missing ${flag}: ${message}`);
	const answer = await prompts.text({ message, placeholder: options.placeholder, validate: (value) => options.validate?.(value ?? '') ?? (value?.trim() ? undefined : 'Required') });
	if (prompts.isCancel(answer)) throw new NewError('Cancelled.');
	return String(answer).trim();
}

async function choose<T extends string>(io: Io, message: string, flag: string, values: readonly T[]): Promise<T> {
	if (!io.interactive) throw new NewError(`Missing ${flag}: ${message} (one of ${values.join(', ')})`);
	const answer = await prompts.select<string>({ message, options: values.map((value) => ({ value: value as string, label: value as string })) });
	if (prompts.isCancel(answer)) throw new NewError('Cancelled.');
	return answer as T;
}

async function yesNo(io: Io, message: string, flag: string): Promise<boolean> {
	if (!io.interactive) throw new NewError(`Missing ${flag}: ${message}`);
	const answer = await prompts.confirm({ message });
	if (prompts.isCancel(answer)) throw new NewError('Cancelled.');
	return answer;
}

/** The tracks the lab declares (its data/tracks.json, else the project's), as the site reads them. */
function labTracks(lab: string): Track[] {
	const file = join(lab, TRACKS_FILE);
	return declaredTracks(existsSync(file) ? readFileSync(file, 'utf8') : undefined).tracks;
}

/** One of the lab's tracks, or a new one typed in (which `npm run check` then asks to declare). */
async function chooseTrack(io: Io, tracks: Track[]): Promise<string> {
	if (!io.interactive) throw new NewError(`Missing --track: the line of work (one of ${tracks.map((track) => track.id).join(', ')})`);
	const OTHER = '\u0000other';
	const answer = await prompts.select<string>({ message: 'Track (line of work)', options: [...tracks.map((track) => ({ value: track.id, label: track.id, hint: track.label })), { value: OTHER, label: 'another track (type its id)' }] });
	if (prompts.isCancel(answer)) throw new NewError('Cancelled.');
	return answer === OTHER ? ask(io, 'Track id (lowercase, dashes)', '--track') : answer;
}

/** The track a new file names: a note's or recipe's frontmatter, a record's `track`. */
function trackNamedIn(file: { path: string; text: string }): string | undefined {
	const named = file.path.endsWith('.json') ? (JSON.parse(file.text) as { track?: unknown }).track : (splitFrontmatter(file.text).frontmatter as { track?: unknown } | null)?.track;
	return typeof named === 'string' && named.trim() ? named.trim() : undefined;
}

const number = (value: string) => (Number.isFinite(Number(value)) && value.trim() !== '' ? undefined : 'Write a number');

/** Asks for one missing label, with a fitting prompt for the labels that are objects or choices. */
async function askLabel(io: Io, labels: Record<string, unknown>, label: string, question: string): Promise<void> {
	const flag = `--set ${label}=...`;
	switch (label) {
		case 'status':
			return setPath(labels, label, await choose(io, question, flag, RECORD_STATUSES));
		case 'warmth':
			return setPath(labels, label, await choose(io, question, flag, WARMTH));
		case 'quality': {
			const method = await choose(io, 'How was quality checked?', '--set quality.method=...', QUALITY_METHODS);
			const detail = await ask(io, 'What was checked, and how?', '--set quality.detail=...');
			const passed = method === 'not-checked' ? undefined : await yesNo(io, 'Did it pass?', '--set quality.passed=true|false');
			return setPath(labels, label, { method, detail, ...(passed === undefined ? {} : { passed }) });
		}
		case 'speculation': {
			const enabled = await yesNo(io, 'Was speculative (draft) decoding on?', '--set speculation.enabled=true|false');
			return setPath(labels, label, enabled ? { enabled, method: await ask(io, 'Which speculative method?', '--set speculation.method=...', { placeholder: 'ngram' }) } : { enabled });
		}
		case 'tuning': {
			const changed = await yesNo(io, 'Were power limits, clocks or cooling changed?', '--set tuning.changed=true|false');
			return setPath(labels, label, changed ? { changed, detail: await ask(io, 'What was changed?', '--set tuning.detail=...') } : { changed });
		}
		case 'hardware.interconnect': {
			const kind = await choose(io, 'How are the GPUs connected?', '--set hardware.interconnect.kind=...', INTERCONNECT_KINDS);
			if (kind !== 'pcie') return setPath(labels, label, { kind });
			const generation = Number(await ask(io, 'PCIe generation?', '--set hardware.interconnect.generation=...', { placeholder: '4', validate: number }));
			const lanes = Number(await ask(io, 'PCIe lanes per card?', '--set hardware.interconnect.lanes=...', { placeholder: '16', validate: number }));
			return setPath(labels, label, { kind, generation, lanes });
		}
		default: {
			const answer = await ask(io, `${label}: ${question}`, flag, { validate: (value) => (value.trim() ? answerProblem(label, value) : 'Required') });
			return setPath(labels, label, typedLabelValue(label, answer));
		}
	}
}

async function newNote(values: Record<string, unknown>, io: Io) {
	const answers: NoteAnswers = {
		title: (values.title as string) ?? (await ask(io, 'Title of the note', '--title')),
		date: (values.date as string) ?? today(),
		track: values.track as string | undefined,
		outcome: values.outcome as NoteOutcome | undefined,
	};
	if (answers.outcome && !NOTE_OUTCOMES.includes(answers.outcome)) throw new NewError(`--outcome ${answers.outcome}: use one of ${NOTE_OUTCOMES.join(', ')}`);
	return [noteFile(answers)];
}

async function newRecord(values: Record<string, unknown>, io: Io, lab: string) {
	const fromFile = values.labels
		? labelsFromFile(existsSync(values.labels as string) ? readFileSync(values.labels as string, 'utf8') : undefined, values.labels as string, 'the labels file')
		: ({ ok: true, labels: {} } as const);
	if (!fromFile.ok) throw new NewError(fromFile.message);
	const assigned = labelsFromAssignments((values.set as string[]) ?? []);
	if (!assigned.ok) throw new NewError(assigned.message);
	const draftFile = io.draftFile ?? draftFileFor('.');
	let draft: Record<string, unknown> = {};
	if (io.interactive && existsSync(draftFile)) {
		const kept = labelsFromFile(readFileSync(draftFile, 'utf8'), draftFile, 'the draft');
		if (kept.ok && (await yesNo(io, `Continue the unfinished record kept in ${draftFile}?`, ''))) draft = kept.labels;
	}
	const given = mergeLabelLayers([{ labels: draft }, fromFile, assigned]);
	const labels = recordDefaults(given, today());
	const missing = missingLabelQuestions(labels);
	if (missing.length && !io.interactive) {
		throw new NewError(`Missing labels, give each with --set or in --labels:\n${missing.map((item) => `  --set ${item.label}=...   ${item.question}`).join('\n')}`);
	}
	// Every answer is saved as it is given, so stopping (or a crash) costs nothing already typed.
	const keep = () => writeFileSync(draftFile, `${JSON.stringify(labels, null, 2)}\n`);
	try {
		for (const { label, question } of missing) {
			await askLabel(io, labels, label, question);
			keep();
		}
		if (typeof labels.title !== 'string') labels.title = await ask(io, 'A short title for the record', '--set title=...');
	} catch (error) {
		if (io.interactive && missing.length) {
			keep();
			throw new NewError(`${(error as Error).message} Your answers are kept in ${draftFile}: run npm run new -- record again to continue, or pass --labels ${draftFile}.`);
		}
		throw error;
	}
	const file = recordFile(labels);
	if (!file.ok) {
		if (io.interactive) keep();
		throw new NewError(`${file.problems.map((problem) => `${problem.field} ${problem.message}`).join('\n')}${io.interactive ? `\nYour answers are kept in ${draftFile}; fix them there and pass --labels ${draftFile}.` : ''}`);
	}
	// A record names an existing recipe, as npm run check requires.
	const recipe = typeof file.record.software.recipe === 'string' ? file.record.software.recipe.replace(/\/+$/, '') : undefined;
	if (recipe && recipe !== 'not recorded' && !existsSync(join(lab, recipe, 'README.md'))) {
		const recipes = existsSync(join(lab, 'repro')) ? readdirSync(join(lab, 'repro')).filter((slug) => existsSync(join(lab, 'repro', slug, 'README.md'))).map((slug) => `repro/${slug}`) : [];
		if (io.interactive) keep();
		throw new NewError(`software.recipe is "${recipe}", which is not a recipe (a repro/<slug> folder with a README.md). ${closestHint(recipe, recipes, 'recipe')}`);
	}
	if (existsSync(draftFile) && io.interactive) rmSync(draftFile);
	return [{ path: file.path, text: file.text }];
}

function pairs(list: string[] | undefined, separator: string, flag: string): Array<[string, string]> {
	return (list ?? []).map((item) => {
		const at = item.indexOf(separator);
		if (at <= 0) throw new NewError(`${flag} ${item}: write ${flag} "left${separator}right"`);
		return [item.slice(0, at).trim(), item.slice(at + separator.length).trim()];
	});
}

async function newRecipe(values: Record<string, unknown>, io: Io, lab: string) {
	const answers: RecipeAnswers = {
		slug: values.slug as string | undefined,
		title: (values.title as string) ?? (await ask(io, 'Recipe title', '--title')),
		description: (values.description as string) ?? (await ask(io, 'One sentence: what it sets up, on which hardware', '--description')),
		track: (values.track as string) ?? (await chooseTrack(io, labTracks(lab))),
		versions: pairs(values.version as string[], '=', '--version').map(([name, version]) => ({ name, version })),
		scripts: pairs(values.script as string[], '=', '--script').map(([where, purpose]) => (/^https:\/\//.test(where) ? { url: where, purpose } : { path: where, purpose })),
		validation: (values.validation as string[]) ?? [],
		failureModes: pairs(values.failure as string[], '=>', '--failure').map(([symptom, fix]) => ({ symptom, fix })),
		expectedResults: (values['expected-result'] as string[]) ?? [],
	};
	if (io.interactive) {
		while (!answers.versions.length || (await yesNo(io, 'Add another pinned version?', ''))) {
			answers.versions.push({ name: await ask(io, 'Component (e.g. vLLM)', '--version'), version: await ask(io, 'Exact version tested', '--version') });
		}
		while (!answers.scripts.length) answers.scripts.push({ path: await ask(io, 'Script path in the folder', '--script', { placeholder: 'scripts/00-setup.sh', validate: (value) => (isLabRelativePath(value.trim()) ? undefined : 'Write a path inside the recipe folder, e.g. scripts/00-setup.sh') }), purpose: await ask(io, 'What it does', '--script') });
		while (!answers.validation.length) answers.validation.push(await ask(io, 'A quality gate that must pass before speed counts', '--validation'));
		while (!answers.failureModes.length) answers.failureModes.push({ symptom: await ask(io, 'A way it fails: what you see', '--failure'), fix: await ask(io, 'What to do about it', '--failure') });
		if (!answers.expectedResults.length) {
			const id = await ask(io, 'A record it produced (id in data/records/), or leave empty to ingest results later', '--expected-result', {
				validate: (value) => {
					const id = value.trim();
					if (!id || existsSync(join(lab, 'data/records', `${id}.json`))) return undefined;
					const ids = existsSync(join(lab, 'data/records')) ? readdirSync(join(lab, 'data/records')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)) : [];
					return `${recordFileOf(id)} does not exist. ${closestHint(id, ids, 'record id')}`;
				},
			});
			if (id) answers.expectedResults.push(id);
		}
	}
	const lacking = [
		!answers.versions.length && '--version "name=exact version"',
		!answers.scripts.length && '--script "scripts/x.sh=purpose"',
		!answers.validation.length && '--validation "gate"',
		!answers.failureModes.length && '--failure "symptom => fix"',
	].filter(Boolean);
	if (lacking.length) throw new NewError(`A recipe needs ${lacking.join(', ')}. Keep the material in notes/ until it has them.`);
	return recipeFiles(answers);
}

export async function runNew(argv: string[], lab: string, io: Io): Promise<string[]> {
	const commandLine = parseCommandLine<Record<string, unknown>>(
		argv,
		{
			title: { type: 'string' },
			date: { type: 'string' },
			track: { type: 'string' },
			outcome: { type: 'string' },
			labels: { type: 'string' },
			set: { type: 'string', multiple: true },
			slug: { type: 'string' },
			description: { type: 'string' },
			version: { type: 'string', multiple: true },
			script: { type: 'string', multiple: true },
			validation: { type: 'string', multiple: true },
			failure: { type: 'string', multiple: true },
			'expected-result': { type: 'string', multiple: true },
		},
		USAGE,
	);
	if (commandLine.help) {
		io.log(USAGE);
		return [];
	}
	const { values, positionals } = commandLine;
	io = { ...io, draftFile: io.draftFile ?? draftFileFor(lab) };
	const kind = positionals[0];
	const makers: Record<string, (values: Record<string, unknown>, io: Io, lab: string) => Promise<Array<{ path: string; text: string }>>> = { note: newNote, record: newRecord, recipe: newRecipe };
	const make = Object.hasOwn(makers, kind ?? '') ? makers[kind] : undefined;
	if (!make) throw new NewError(kind ? `unknown kind "${kind}": write note, record or recipe\n${USAGE}` : USAGE);
	if (io.interactive) prompts.intro(`New ${kind}`);
	const files = await make(values, io, lab);
	for (const file of files) if (existsSync(join(lab, file.path))) throw new NewError(`${file.path} already exists; choose another title or slug.`);
	for (const file of files) {
		mkdirSync(dirname(join(lab, file.path)), { recursive: true });
		writeFileSync(join(lab, file.path), file.text);
		io.log(`wrote ${file.path}`);
	}
	// A new track is allowed, but a typo would split a line of work in two: say so now, as check would.
	const declared = labTracks(lab).map((track) => track.id);
	for (const track of new Set(files.map(trackNamedIn).filter((track) => track !== undefined))) {
		if (declared.length && !declared.includes(track)) io.log(`note: track ${undeclaredTrackMessage(track, declared)}`);
	}
	if (io.interactive) prompts.outro('Run npm run check, then open a pull request.');
	return files.map((file) => file.path);
}

const isMain = process.argv[1] && import.meta.filename === resolve(process.argv[1]);
if (isMain) {
	const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
	runNew(process.argv.slice(2), resolve(process.env.LAB_DIR ?? process.cwd()), { interactive, log: console.log }).catch((error) => {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exitCode = 2;
	});
}
