import { describe, expect, it } from 'vitest';
import { validateRecipe } from '../../src/lib/recipes/requirements';

const FILE = 'repro/demo/README.md';
const context = {
	files: new Set(['README.md', 'scripts/run-bench.sh']),
	recordIds: new Set(['qwen36-q4-single-card-20260503']),
	producedRecordIds: [] as string[],
};

function recipe(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		title: 'Demo',
		description: 'A demo recipe.',
		track: 'qwen36-q4-llamacpp-sycl',
		versions: [{ name: 'llama.cpp', version: 'db44417' }],
		scripts: [
			{ path: 'scripts/run-bench.sh', purpose: 'Runs the benchmark.' },
			{ url: 'https://github.com/steveseguin/llm-optimizations/blob/main/scripts/x.sh', purpose: 'Published script.' },
		],
		validation: ['Canary hashes match.'],
		failureModes: [{ symptom: 'Device lost', fix: 'Use one card.' }],
		expectedResults: ['qwen36-q4-single-card-20260503'],
		...overrides,
	};
}

function refusal(input: Record<string, unknown>): string {
	const result = validateRecipe(input, FILE, context);
	if (result.ok) throw new Error('expected the recipe to be refused');
	return result.message;
}

describe('recipe requirements', () => {
	it('accepts a recipe that has everything', () => {
		expect(validateRecipe(recipe(), FILE, context).ok).toBe(true);
	});

	it.each([
		['versions', 'pinned versions'],
		['scripts', 'scripts'],
		['validation', 'validation'],
		['failureModes', 'failure modes'],
		['expectedResults', 'expected results'],
	])('refuses a recipe without %s and says to keep it in notes/', (field, need) => {
		const message = refusal(recipe({ [field]: undefined }));
		expect(message).toContain(`${FILE}: ${field} is missing: a recipe needs ${need}`);
		expect(message).toContain('Keep it in notes/ until it has this.');
	});

	it('pins the wording for missing failure modes', () => {
		expect(refusal(recipe({ failureModes: [] }))).toMatchInlineSnapshot(
			`"repro/demo/README.md: failureModes is missing: a recipe needs failure modes (failureModes: [{ symptom, fix }]). Keep it in notes/ until it has this."`,
		);
	});

	it.each(['latest', '^0.20.1', '>=2.9', '1.x', 'main'])('refuses the unpinned version %s', (version) => {
		expect(refusal(recipe({ versions: [{ name: 'vLLM', version }] }))).toContain(
			`${FILE}: versions.0.version is "${version}" for vLLM, which is not pinned.`,
		);
	});

	it('refuses a script path that is not in the folder', () => {
		const message = refusal(recipe({ scripts: [{ path: 'scripts/missing.sh', purpose: 'x' }] }));
		expect(message).toBe(
			`${FILE}: scripts.0.path is "scripts/missing.sh", which does not exist in the recipe folder. Add the file, or link it with url.`,
		);
	});

	it('refuses a script path that escapes the folder', () => {
		expect(refusal(recipe({ scripts: [{ path: '../../etc/passwd', purpose: 'x' }] }))).toContain('outside the recipe folder');
	});

	it('refuses a plain-http script url', () => {
		expect(refusal(recipe({ scripts: [{ url: 'http://example.com/x.sh', purpose: 'x' }] }))).toContain(
			`${FILE}: scripts.0.url is "http://example.com/x.sh" (text); must be an https URL.`,
		);
	});

	it('finds expected results among the records that name the recipe', () => {
		const produced = { ...context, producedRecordIds: ['qwen36-q4-single-card-20260503'] };
		expect(validateRecipe(recipe({ expectedResults: undefined }), FILE, produced).ok).toBe(true);
	});

	it('names the closest record id for a dangling expected result', () => {
		const ids = [...context.recordIds];
		expect(refusal(recipe({ expectedResults: [`${ids[0]}x`] }))).toContain(`The closest existing record id is "${ids[0]}".`);
	});

	it('refuses expected results that are not records', () => {
		expect(refusal(recipe({ expectedResults: ['no-such-record'] }))).toContain(
			`${FILE}: expectedResults.0 is "no-such-record", which is not a record.`,
		);
	});

	it('refuses unknown frontmatter keys', () => {
		expect(refusal(recipe({ expectedResult: ['x'] }))).toContain(
			`${FILE}: expectedResult is not a recipe field. Did you mean expectedResults?`,
		);
	});
});
