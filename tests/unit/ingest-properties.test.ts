/**
 * Property tests: thousands of generated malformed artifacts. None may crash the importer, and
 * every one must be refused with errors that each name the file.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArtifact } from '../../src/lib/importers';

const ROOT = join(import.meta.dirname, '../fixtures/ingest');
const PATH = 'results/generated/artifact.json';
const isJson = (text: string) => {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
};
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Valid artifacts, one per format, and the fields whose corruption must refuse them. */
const VALID: Array<{ name: string; value: Record<string, unknown>; required: string[]; throughput: string[] }> = [
	{ name: 'vllm throughput', value: JSON.parse(read('vllm-throughput/artifact.json')), required: ['elapsed_time', 'num_requests', 'tokens_per_second'], throughput: ['tokens_per_second'] },
	{ name: 'vllm serve', value: JSON.parse(read('vllm-serve/artifact.json')), required: ['backend', 'model_id', 'duration', 'output_throughput', 'total_token_throughput'], throughput: ['output_throughput', 'total_token_throughput'] },
	{ name: 'llama-bench row', value: JSON.parse(read('llama-bench-json/artifact.json'))[1], required: ['build_commit', 'model_filename', 'n_prompt', 'n_gen', 'avg_ts'], throughput: ['avg_ts'] },
	{ name: 'localmaxxing payload', value: JSON.parse(read('localmaxxing-payload/artifact.payload.json')), required: ['hfId', 'hardware', 'engineName'], throughput: ['tokSOut', 'tokSTotal'] },
];

function expectRefusedNamingFile(text: string, path = PATH): void {
	let outcome: ReturnType<typeof importArtifact>;
	expect(() => (outcome = importArtifact({ path, text }))).not.toThrow();
	expect(outcome!.ok, text.slice(0, 200)).toBe(false);
	if (!outcome!.ok) {
		expect(outcome!.problems.length).toBeGreaterThan(0);
		for (const problem of outcome!.problems) expect(problem.file).toBe(path);
	}
}

const badThroughput = fc.oneof(
	fc.constant(0),
	fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
	fc.constant('NaN'),
	fc.constant(null),
	fc.string(),
	fc.constant(Number.NaN),
	fc.boolean(),
	fc.array(fc.integer(), { maxLength: 3 }),
);

describe('importing malformed artifacts never crashes and always names the file', () => {
	it('refuses arbitrary text that is not an artifact', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (text) => {
				// A string that happens to be a valid artifact is vanishingly rare; skip none.
				expectRefusedNamingFile(text);
			}),
			{ numRuns: 1500 },
		);
	});

	it('refuses arbitrary JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
				expectRefusedNamingFile(JSON.stringify(value));
			}),
			{ numRuns: 1500 },
		);
	});

	it('refuses negative, zero, NaN and wrongly typed throughput', () => {
		fc.assert(
			fc.property(fc.constantFrom(...VALID), badThroughput, fc.nat(), (artifact, bad, pick) => {
				const field = artifact.throughput[pick % artifact.throughput.length];
				const broken = { ...artifact.value, [field]: bad };
				// JSON.stringify writes NaN as null: still not a throughput.
				const text = artifact.name === 'llama-bench row' ? JSON.stringify([broken]) : JSON.stringify(broken);
				expectRefusedNamingFile(text);
			}),
			{ numRuns: 1500 },
		);
	});

	it('refuses artifacts missing a required field', () => {
		fc.assert(
			fc.property(fc.constantFrom(...VALID), fc.nat(), (artifact, pick) => {
				const field = artifact.required[pick % artifact.required.length];
				const { [field]: _removed, ...rest } = artifact.value;
				const text = artifact.name === 'llama-bench row' ? JSON.stringify([rest]) : JSON.stringify(rest);
				const outcome = importArtifact({ path: PATH, text });
				// Without its identifying keys the format is unknown; with them, the field is missing.
				expect(outcome.ok).toBe(false);
				if (!outcome.ok) for (const problem of outcome.problems) expect(problem.file).toBe(PATH);
			}),
			{ numRuns: 500 },
		);
	});

	it('refuses JSONL truncated in the middle of a line', () => {
		const jsonl = read('llama-bench-jsonl/artifact.jsonl');
		const path = 'results/raw/run.jsonl';
		fc.assert(
			fc.property(fc.integer({ min: 1, max: jsonl.length - 2 }), (cut) => {
				const text = jsonl.slice(0, cut);
				const lastLine = text.slice(text.lastIndexOf('\n') + 1);
				// A cut exactly at a line's end leaves a shorter file that is complete, and valid.
				fc.pre(lastLine.trim().length > 0 && !isJson(lastLine));
				expectRefusedNamingFile(text, path);
			}),
			{ numRuns: 1000 },
		);
	});

	it('refuses an empty file and an unknown format with one clear line', () => {
		expect(importArtifact({ path: PATH, text: '' })).toEqual({ ok: false, problems: [{ file: PATH, message: 'the file is empty' }] });
		const unknown = importArtifact({ path: PATH, text: '{"hello": "world"}' });
		expect(unknown.ok).toBe(false);
		if (!unknown.ok) expect(unknown.problems[0]).toMatchObject({ file: PATH, message: expect.stringMatching(/^unknown artifact format; use --format with one of/) });
	});

	it('explains a wrongly typed field', () => {
		const broken = { ...VALID[0].value, tokens_per_second: '110.5' };
		expect(importArtifact({ path: PATH, text: JSON.stringify(broken) })).toEqual({
			ok: false,
			problems: [{ file: PATH, message: 'tokens_per_second is "110.5" (text); expected a number.' }],
		});
	});
});
