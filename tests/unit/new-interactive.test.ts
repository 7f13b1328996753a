/** Interactive `npm run new -- record`: each answer is checked as typed, and stopping keeps a draft. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeRecord, without } from '../support/records';

const CANCEL = Symbol('cancel');
/** Answers for the text prompts, in order; CANCEL stops like Ctrl-C. Each is first run through the prompt's validate. */
const answers: Array<string | symbol> = [];
const rejected: Array<{ message: string; answer: string; problem: string }> = [];

vi.mock('@clack/prompts', () => ({
	intro: () => {},
	outro: () => {},
	isCancel: (value: unknown) => value === CANCEL,
	confirm: async () => false,
	select: async ({ options }: { options: Array<{ value: string }> }) => options[0].value,
	text: async ({ message, validate }: { message: string; validate?: (value: string) => string | undefined }) => {
		for (;;) {
			const answer = answers.shift();
			if (answer === undefined || typeof answer === 'symbol') return CANCEL;
			const problem = validate?.(answer);
			if (!problem) return answer;
			rejected.push({ message, answer, problem });
		}
	},
}));

const { runNew } = await import('../../scripts/new');

let lab: string;
let draftFile: string;
beforeEach(() => {
	lab = mkdtempSync(join(tmpdir(), 'b70-new-interactive-'));
	mkdirSync(join(lab, 'repro/minimax-m27-b70-ubuntu24'), { recursive: true });
	writeFileSync(join(lab, 'repro/minimax-m27-b70-ubuntu24/README.md'), '# The recipe\n');
	draftFile = join(lab, 'draft.json');
	answers.length = 0;
	rejected.length = 0;
});
afterEach(() => rmSync(lab, { recursive: true, force: true }));

const io = () => ({ interactive: true, log: () => {}, draftFile });
const given = (...paths: string[]) => ['record', ...paths.flatMap((path) => ['--set', `${path}=${path.split('.').reduce((node: any, key) => node[key], completeRecord())}`])];

describe('npm run new -- record, interactively', () => {
	it('refuses a mistyped answer on the spot and asks again', async () => {
		const record = without(without(without(completeRecord(), 'source'), 'artifacts'), 'hardware.gpuCount');
		const flags = Object.entries({ ...record, hardware: undefined }).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
		const hardware = Object.entries(record.hardware).map(([key, value]) => `hardware.${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
		answers.push('four', '4');
		const files = await runNew(['record', ...[...flags, ...hardware].flatMap((flag) => ['--set', flag])], lab, io());
		expect(rejected).toEqual([expect.objectContaining({ answer: 'four', problem: expect.stringContaining('expected a number') })]);
		expect(JSON.parse(readFileSync(join(lab, files[0]), 'utf8')).hardware.gpuCount).toBe(4);
		expect(existsSync(draftFile)).toBe(false);
	});

	it('keeps the answers in a draft when it stops, so nothing typed is lost', async () => {
		answers.push('minimax-m27-vllm-xpu', CANCEL);
		await expect(runNew(given('title', 'date'), lab, io())).rejects.toThrow(`Your answers are kept in ${draftFile}`);
		const draft = JSON.parse(readFileSync(draftFile, 'utf8'));
		expect(draft.title).toBe(completeRecord().title);
		expect(draft.track).toBe('minimax-m27-vllm-xpu');
	});
});
