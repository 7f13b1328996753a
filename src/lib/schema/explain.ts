/**
 * Turns zod issues into messages a contributor can act on: the file, the field,
 * what was found and what to write instead. Errors are a feature: these messages are what a
 * person sees when the build or `npm run check` refuses their record, so tests pin the wording.
 */
import type { z } from 'astro/zod';
import { defOf, unwrapSchema } from './walk';

export interface Problem {
	/** Dotted path of the field, e.g. `metrics.outputTokPerS` (array items as `repeats.0`). */
	field: string;
	message: string;
}

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/** What the formatter needs to know about the schema it explains. */
export interface SchemaGuide {
	schema: z.core.$ZodType;
	/** What to write for a field, keyed by dotted path with array indices as `[]`. */
	hints: Record<string, string>;
	/** What the schema's keys are called in messages: records have labels, frontmatter has fields. */
	keyNoun?: string;
}

const NAKED_THROUGHPUT = new Set([
	'toks',
	'tokps',
	'tokpers',
	'tokpersec',
	'tokpersecond',
	'tokenspers',
	'tokenspersec',
	'tokenspersecond',
	'tps',
	'throughput',
]);

/** LocalMaxxing and vLLM spell these differently; people copy them into records. */
const KNOWN_ALIASES: Record<string, string> = {
	toksout: 'outputTokPerS',
	outputtoks: 'outputTokPerS',
	outputthroughput: 'outputTokPerS',
	tokstotal: 'totalTokPerS',
	totaltoks: 'totalTokPerS',
	totaltokenthroughput: 'totalTokPerS',
	toksprefill: 'prefillTokPerS',
	prefilltoks: 'prefillTokPerS',
	hfid: 'id',
	gpuname: 'gpu',
	vramgb: 'vramGbPerGpu',
	enginename: 'name',
	engineversion: 'version',
};

const normalize = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isNakedThroughputKey(key: string): boolean {
	return NAKED_THROUGHPUT.has(normalize(key));
}

function hintKey(path: Path): string {
	return path.map((part) => (typeof part === 'number' ? '[]' : String(part))).join('.').replace(/\.\[\]/g, '[]');
}

const dotted = (path: Path) => path.map(String).join('.');

function valueAt(input: unknown, path: Path): unknown {
	let current: unknown = input;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[part];
	}
	return current;
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" (text)`;
	return `${String(value)} (${typeof value})`;
}

function whatToWrite(guide: SchemaGuide, path: Path): string | undefined {
	return guide.hints[hintKey(path)];
}

function missing(guide: SchemaGuide, path: Path): Problem {
	const hint = whatToWrite(guide, path);
	return { field: dotted(path), message: hint ? `is missing. Write ${hint}.` : 'is missing.' };
}

function levenshtein(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** The keys the schema accepts at a path, found by walking the schema itself. */
function knownKeysAt(guide: SchemaGuide, path: Path): string[] {
	let schema: z.core.$ZodType | undefined = guide.schema;
	for (const part of path) {
		schema = unwrapSchema(schema);
		if (!schema) return [];
		const def = defOf(schema);
		if (def.type === 'array') schema = def.element as z.core.$ZodType;
		else if (def.type === 'object') schema = (def.shape as Record<string, z.core.$ZodType>)[String(part)];
		else return [];
	}
	schema = unwrapSchema(schema);
	if (!schema || schema._zod.def.type !== 'object') return [];
	return Object.keys((schema._zod.def as unknown as { shape: object }).shape);
}

function unknownKey(guide: SchemaGuide, parent: Path, key: string): Problem {
	const field = dotted([...parent, key]);
	if (isNakedThroughputKey(key)) {
		const prefix = dotted(parent) === 'metrics' ? '' : 'metrics.';
		return {
			field,
			message: `is not a label. Use ${prefix}outputTokPerS (generated tokens only) or ${prefix}totalTokPerS (prompt + generated).`,
		};
	}
	const known = knownKeysAt(guide, parent);
	const alias = KNOWN_ALIASES[normalize(key)];
	const closest =
		(alias && known.includes(alias) ? alias : undefined) ??
		known.find((candidate) => normalize(candidate) === normalize(key)) ??
		known
			.map((candidate) => ({ candidate, distance: levenshtein(normalize(candidate), normalize(key)) }))
			.filter(({ distance }) => distance <= 2)
			.sort((a, b) => a.distance - b.distance)[0]?.candidate;
	const noun = guide.keyNoun ?? 'label';
	if (closest) return { field, message: `is not a ${noun}. Did you mean ${closest}?` };
	return {
		field,
		message: known.length
			? `is not a ${noun}. Known ${noun}s here: ${known.filter((name) => name !== '$schema').join(', ')}.`
			: `is not a ${noun}.`,
	};
}

function describeIssue(guide: SchemaGuide, issue: Issue, input: unknown, base: Path): Problem[] {
	const path = [...base, ...issue.path];
	const found = valueAt(input, path);
	const params = (issue as { params?: Record<string, unknown> }).params ?? {};

	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => unknownKey(guide, path, key));
		case 'invalid_union': {
			if (found === undefined) return [missing(guide, path)];
			// Labels are `value | "not recorded"`: explain the real branch, not the literal.
			const branch = issue.errors.find(
				(branchIssues) =>
					!branchIssues.every((inner) => inner.code === 'invalid_value' && inner.values.includes('not recorded')),
			);
			return (branch ?? issue.errors[0] ?? []).flatMap((inner) => describeIssue(guide, inner, input, path));
		}
		case 'invalid_type': {
			if (found === undefined) return [missing(guide, path)];
			const expected = issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
			const hint = whatToWrite(guide, path);
			return [
				{
					field: dotted(path),
					message: `is ${describeValue(found)}; expected ${expected}.${hint ? ` Write ${hint}.` : ''}`,
				},
			];
		}
		case 'invalid_value':
			if (found === undefined) return [missing(guide, path)];
			return [
				{
					field: dotted(path),
					message: `is ${describeValue(found)}; write one of: ${issue.values.map(String).join(', ')}.`,
				},
			];
		case 'too_small':
		case 'too_big': {
			if (typeof found === 'string' && issue.code === 'too_small') {
				const hint = whatToWrite(guide, path);
				return [{ field: dotted(path), message: `is empty.${hint ? ` Write ${hint}.` : ''}` }];
			}
			const comparison = issue.code === 'too_small' ? 'at least' : 'at most';
			const exclusive = issue.code === 'too_small' ? 'greater than' : 'less than';
			const bound = `${issue.inclusive ? comparison : exclusive} ${String(
				issue.code === 'too_small' ? issue.minimum : issue.maximum,
			)}`;
			return [{ field: dotted(path), message: `is ${describeValue(found)}; it must be ${bound}.` }];
		}
		case 'custom': {
			if (params.missing) return [missing(guide, path)];
			if (params.needsThroughput) {
				const hint = whatToWrite(guide, path.length && typeof path.at(-1) === 'number' ? path : ['metrics']);
				return [{ field: dotted(path), message: `has no throughput. Write ${hint}.` }];
			}
			if (params.notRecordedInMeasured) {
				const hint = whatToWrite(guide, path);
				return [
					{
						field: dotted(path),
						message: `is "not recorded", which only imported legacy records (source.kind: imported) may say. Write the measured value${hint ? `: ${hint}` : ''}.`,
					},
				];
			}
			return [{ field: dotted(path), message: `${issue.message}.` }];
		}
		case 'invalid_format':
			return [{ field: dotted(path), message: `is ${describeValue(found)}; ${issue.message}.` }];
		default:
			return [{ field: dotted(path), message: `is ${describeValue(found)}: ${issue.message}.` }];
	}
}

/** Readable problems for a failed parse, in the order the fields appear. */
export function describeIssues(guide: SchemaGuide, issues: readonly Issue[], input: unknown): Problem[] {
	const problems = issues.flatMap((issue) => describeIssue(guide, issue, input, []));
	const seen = new Set<string>();
	return problems.filter((problem) => {
		const key = `${problem.field} ${problem.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** One line per problem: `data/records/x.json: metrics.tokPerS is not a label. ...` */
export function formatProblems(file: string, problems: readonly Problem[]): string {
	return problems
		.map((problem) => `${file}: ${problem.field ? `${problem.field} ` : ''}${problem.message}`)
		.join('\n');
}


export type Validation<T> =
	| { ok: true; data: T }
	| { ok: false; problems: Problem[]; message: string };

/**
 * Parses `input` with the guide's schema. On failure, returns every problem and the lines to
 * print. `file` is the path the contributor knows (relative to the lab root).
 */
export function validateWith<T>(guide: SchemaGuide, input: unknown, file: string, expected: string): Validation<T> {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		const problems = [{ field: '', message: `is ${describeValue(input)}, not ${expected}.` }];
		return { ok: false, problems, message: formatProblems(file, problems) };
	}
	const result = (guide.schema as z.ZodType<T>).safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const problems = describeIssues(guide, result.error.issues, input);
	return { ok: false, problems, message: formatProblems(file, problems) };
}
