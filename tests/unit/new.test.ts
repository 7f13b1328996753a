/** Files written by `npm run new` (driven by flags, as CI would) pass `npm run check`. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLab } from '../../scripts/check';
import { NewError, runNew } from '../../scripts/new';
import { completeRecord, without } from '../support/records';

let lab: string;
const io = { interactive: false, log: () => {} };
beforeEach(() => {
	lab = mkdtempSync(join(tmpdir(), 'b70-new-'));
});
afterEach(() => rmSync(lab, { recursive: true, force: true }));

const errorsIn = (root: string) => checkLab(root).findings.filter((finding) => finding.severity === 'error');

describe('npm run new', () => {
	it('writes a dated note that passes the check', async () => {
		const files = await runNew(['note', '--title', 'CCL worker count 2 hangs', '--date', '2026-05-21', '--outcome', 'negative'], lab, io);
		expect(files).toEqual(['notes/2026-05-21-ccl-worker-count-2-hangs.md']);
		const text = readFileSync(join(lab, files[0]), 'utf8');
		expect(text).toContain('# CCL worker count 2 hangs');
		expect(text).toContain('outcome: negative');
		expect(errorsIn(lab)).toEqual([]);
	});

	it('writes a record with every label that passes the check', async () => {
		const labels = without(without(completeRecord(), 'source'), 'artifacts');
		writeFileSync(join(lab, 'labels.json'), JSON.stringify(without(labels, 'warmth')));
		mkdirSync(join(lab, 'repro/minimax-m27-b70-ubuntu24'), { recursive: true });
		writeFileSync(join(lab, 'repro/minimax-m27-b70-ubuntu24/README.md'), '# The recipe\n');
		const files = await runNew(['record', '--labels', join(lab, 'labels.json'), '--set', 'warmth=cold'], lab, io);
		expect(files).toEqual(['data/records/2026-05-23-minimax-m2-7-int4-strict-p512-n1536-on-4x-b70.json']);
		const record = JSON.parse(readFileSync(join(lab, files[0]), 'utf8'));
		expect(record.warmth).toBe('cold');
		expect(record.source).toEqual({ kind: 'measured', from: 'entered by hand with npm run new' });
		expect(errorsIn(lab)).toEqual([]);
	});

	it('refuses a record whose recipe does not exist, naming the closest one', async () => {
		const labels = without(without(completeRecord(), 'source'), 'artifacts');
		writeFileSync(join(lab, 'labels.json'), JSON.stringify(labels));
		mkdirSync(join(lab, 'repro/minimax-m27-b70-ubuntu24'), { recursive: true });
		writeFileSync(join(lab, 'repro/minimax-m27-b70-ubuntu24/README.md'), '# The recipe\n');
		await expect(runNew(['record', '--labels', join(lab, 'labels.json'), '--set', 'software.recipe=repro/minimax-m27'], lab, io)).rejects.toThrow(
			'software.recipe is "repro/minimax-m27", which is not a recipe (a repro/<slug> folder with a README.md). The closest existing recipe is "repro/minimax-m27-b70-ubuntu24".',
		);
	});

	it('says when a note names a track the lab does not declare, and npm run check says it too', async () => {
		const lines: string[] = [];
		await runNew(['note', '--title', 'Router probe', '--date', '2026-05-21', '--track', 'qwen-fp8-vlm'], lab, { interactive: false, log: (line: string) => lines.push(line) });
		expect(lines.join('\n')).toMatch(/note: track "qwen-fp8-vlm" is not a declared track.*"qwen-fp8-vllm"/);
		const warnings = checkLab(lab).findings.filter((finding) => finding.field === 'track');
		expect(warnings).toEqual([expect.objectContaining({ file: 'notes/2026-05-21-router-probe.md', severity: 'warning' })]);
		lines.length = 0;
		await runNew(['note', '--title', 'Router probe again', '--date', '2026-05-21', '--track', 'qwen-fp8-vllm'], lab, { interactive: false, log: (line: string) => lines.push(line) });
		expect(lines.join('\n')).not.toContain('not a declared track');
	});

	it('asks for each label it cannot default', async () => {
		await expect(runNew(['record', '--set', 'title=x'], lab, io)).rejects.toThrow(NewError);
		await expect(runNew(['record', '--set', 'title=x'], lab, io)).rejects.toThrow(/--set warmth=\.\.\. {3}warm \(after model load/);
	});

	it('writes a recipe folder that passes the check', async () => {
		mkdirSync(join(lab, 'data/records'), { recursive: true });
		writeFileSync(join(lab, 'data/records/run.json'), JSON.stringify({ ...completeRecord(), software: { ...completeRecord().software, recipe: 'repro/qwen-fp8-two-cards' } }));
		const files = await runNew(
			[
				'recipe',
				'--title', 'Qwen FP8 on two cards',
				'--slug', 'qwen-fp8-two-cards',
				'--description', 'Qwen3.6 27B FP8 on two B70 cards with vLLM.',
				'--track', 'qwen-fp8-vllm',
				'--version', 'vLLM=0.20.1',
				'--version', 'Ubuntu=24.04.4 LTS',
				'--script', 'scripts/00-setup.sh=Installs the stack',
				'--script', 'https://github.com/steveseguin/llm-optimizations/blob/main/scripts/serve.sh=Starts the server',
				'--validation', 'Exact token hashes match the reference',
				'--failure', 'XCCL segfault at start => put the venv libraries first in LD_LIBRARY_PATH',
			],
			lab,
			io,
		);
		expect(files).toEqual(['repro/qwen-fp8-two-cards/README.md', 'repro/qwen-fp8-two-cards/scripts/00-setup.sh']);
		expect(errorsIn(lab)).toEqual([]);
	});

	it('refuses a recipe without its requirements, advising notes/', async () => {
		await expect(runNew(['recipe', '--title', 'x', '--description', 'y', '--track', 'z'], lab, io)).rejects.toThrow(/Keep the material in notes\/ until it has them/);
	});

	it('explains a missing or invalid labels file instead of crashing', async () => {
		await expect(runNew(['record', '--labels', join(lab, 'nope.json')], lab, io)).rejects.toThrow(`${join(lab, 'nope.json')}: the labels file does not exist`);
		writeFileSync(join(lab, 'bad.json'), '{ not json');
		await expect(runNew(['record', '--labels', join(lab, 'bad.json')], lab, io)).rejects.toThrow(/bad\.json: the labels file is not valid JSON/);
		await expect(runNew(['record', '--set', 'warmth'], lab, io)).rejects.toThrow('--set warmth: write --set label.path=value');
	});

	it('never overwrites an existing file', async () => {
		await runNew(['note', '--title', 'Same', '--date', '2026-05-21'], lab, io);
		await expect(runNew(['note', '--title', 'Same', '--date', '2026-05-21'], lab, io)).rejects.toThrow('already exists');
	});

	it('prints its usage on --help and names an unknown option in one line', async () => {
		const lines: string[] = [];
		expect(await runNew(['--help'], lab, { interactive: false, log: (line) => lines.push(line) })).toEqual([]);
		expect(lines[0]).toMatch(/^Usage:\n {2}npm run new -- note/);
		await expect(runNew(['note', '--titel', 'x'], lab, io)).rejects.toThrow(/^unknown option --titel\nUsage:/);
		await expect(runNew(['nonsense'], lab, io)).rejects.toThrow(/^unknown kind "nonsense": write note, record or recipe\n/);
	});
});
