/** `npm run ingest` on a scratch lab: files written, refused, kept across re-ingests. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngest, UsageError } from '../../scripts/ingest';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');
let lab: string;
let output: string[];

function ingest(...argv: string[]) {
	output = [];
	return runIngest(argv, lab, (line) => output.push(line));
}
const records = () => readdirSync(join(lab, 'data/records')).sort();
const readRecord = (file: string) => JSON.parse(readFileSync(join(lab, 'data/records', file), 'utf8'));

beforeEach(() => {
	lab = mkdtempSync(join(tmpdir(), 'b70-ingest-'));
	mkdirSync(join(lab, 'data/records'), { recursive: true });
	mkdirSync(join(lab, 'results'));
	cpSync(join(FIXTURES, 'localmaxxing-payload/artifact.payload.json'), join(lab, 'results/localmaxxing-run.payload.json'));
	mkdirSync(join(lab, 'results/localmaxxing-responses'));
	cpSync(join(FIXTURES, 'localmaxxing-payload/response.json'), join(lab, 'results/localmaxxing-responses/run.response.json'));
	cpSync(join(FIXTURES, 'localmaxxing-payload/labels.json'), join(lab, 'labels.json'));
});
afterEach(() => rmSync(lab, { recursive: true, force: true }));

describe('npm run ingest', () => {
	it('writes a labeled record with the LocalMaxxing id from the paired response', () => {
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.refused).toEqual([]);
		expect(records()).toHaveLength(1);
		const record = readRecord(records()[0]);
		expect(record.localmaxxingId).toBe('cmpasdq5v007nmn019elaut3s');
		expect(record.artifacts).toEqual([{ path: 'results/localmaxxing-run.payload.json', format: 'localmaxxing-payload' }]);
		expect(output.at(-1)).toContain('1 record(s) written, 0 unchanged, 0 artifact(s) refused');
	});

	it('writes a record on a track the lab has not declared, and says how to declare it', () => {
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.written).toHaveLength(1);
		expect(output.find((line) => line.startsWith('note: track "minimax-m27-vllm-xpu" is not a declared track') && line.includes('declare "minimax-m27-vllm-xpu" in data/tracks.json'))).toBeDefined();
		const declared = { tracks: [{ id: 'minimax-m27-vllm-xpu', label: 'MiniMax M2.7, vLLM/XPU', match: [['minimax']] }] };
		writeFileSync(join(lab, 'data/tracks.json'), JSON.stringify(declared));
		rmSync(join(lab, 'data/records'), { recursive: true });
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(output.some((line) => line.includes('is not a declared track'))).toBe(false);
	});

	it('remakes a title nobody wrote when the labels it was made from change, and keeps a written one', () => {
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		const [file] = records();
		const first = readRecord(file);
		expect(first.title).toContain(`${first.hardware.gpuCount}x ${first.hardware.gpu}`);
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'hardware.gpu=Arc Pro B70 (renamed)');
		const renamed = readRecord(file);
		expect(renamed.hardware.gpu).toBe('Arc Pro B70 (renamed)');
		expect(renamed.title).toBe(first.title.replace(first.hardware.gpu, 'Arc Pro B70 (renamed)'));
		writeFileSync(join(lab, 'data/records', file), `${JSON.stringify({ ...renamed, title: 'Hand-written title' }, null, 2)}\n`);
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'hardware.gpu=Arc Pro B70');
		expect(readRecord(file).title).toBe('Hand-written title');
	});

	it('keeps hand edits when the same artifact is ingested again', () => {
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		const [file] = records();
		const edited = readRecord(file);
		edited.title = 'Hand-written title';
		edited.notes = 'A person added this context.';
		edited.status = 'promoted';
		edited.quality.detail = 'raw145 hashes, checked twice by hand';
		writeFileSync(join(lab, 'data/records', file), `${JSON.stringify(edited, null, 2)}\n`);

		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(records()).toEqual([file]);
		const after = readRecord(file);
		expect(after.title).toBe('Hand-written title');
		expect(after.notes).toBe('A person added this context.');
		expect(after.status).toBe('promoted');
		expect(after.quality.detail).toBe('raw145 hashes, checked twice by hand');
		expect(summary.written).toEqual([]);
		expect(summary.unchanged).toEqual([`data/records/${file}`]);
	});

	it('reports a measured value that differs from the artifact instead of replacing it silently', () => {
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		const [file] = records();
		const edited = readRecord(file);
		edited.metrics.outputTokPerS = 99.9;
		writeFileSync(join(lab, 'data/records', file), JSON.stringify(edited));
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.differences).toHaveLength(1);
		expect(summary.differences[0]).toContain('metrics.outputTokPerS is 99.9 in the record but 80.6027546871925 in results/localmaxxing-run.payload.json');
	});

	it('refuses a record that is missing labels, listing them and how to give them', () => {
		const summary = ingest(join(lab, 'results'));
		expect(records()).toEqual([]);
		expect(summary.refused).toHaveLength(1);
		expect(summary.refused[0].errors[0]).toBe(
			'results/localmaxxing-run.payload.json: missing labels date, track, hardware.interconnect, software.driver, software.recipe, quality, warmth, tuning. Give them with --set, in a --labels file, or with --recipe repro/<slug> and its record-defaults.json, e.g. --set date=...',
		);
	});

	it('refuses bad artifacts one by one while the rest proceed, writing nothing for them', () => {
		const batch = join(lab, 'results');
		writeFileSync(join(batch, 'empty.json'), '');
		writeFileSync(join(batch, 'unknown.json'), '{"tokens": 3}');
		writeFileSync(join(batch, 'truncated.jsonl'), readFileSync(join(FIXTURES, 'llama-bench-jsonl/artifact.jsonl'), 'utf8').slice(0, 700));
		writeFileSync(join(batch, 'negative.json'), JSON.stringify({ elapsed_time: 3, num_requests: 1, total_num_tokens: 10, requests_per_second: 0.3, tokens_per_second: -4 }));
		const summary = ingest(batch, '--labels', join(lab, 'labels.json'));
		expect(summary.written).toHaveLength(1);
		expect(summary.refused.map((refusal) => refusal.errors[0])).toEqual([
			'results/empty.json: the file is empty',
			'results/negative.json: tokens_per_second is -4 (number); it must be greater than 0.',
			'results/truncated.jsonl: line 2 is not valid JSON (a truncated or interrupted run?)',
			'results/unknown.json: unknown artifact format; use --format with one of vllm-bench-throughput, vllm-bench-latency, vllm-bench-serve, llama-bench-json, llama-bench-jsonl, localmaxxing-payload, localmaxxing-queue',
		]);
		expect(records()).toHaveLength(1);
		expect(readdirSync(join(lab, 'data/records')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('takes labels from the recipe defaults, then the labels file, then --set (later wins)', () => {
		const recipe = join(lab, 'repro/demo');
		mkdirSync(join(recipe, 'results'), { recursive: true });
		writeFileSync(join(recipe, 'README.md'), '---\ntitle: Demo\n---\n');
		const labels = JSON.parse(readFileSync(join(lab, 'labels.json'), 'utf8'));
		writeFileSync(join(recipe, 'record-defaults.json'), JSON.stringify({ ...labels, warmth: 'cold', track: 'from-defaults' }));
		writeFileSync(join(lab, 'override.json'), JSON.stringify({ track: 'from-labels-file', status: 'historical' }));
		cpSync(join(lab, 'results/localmaxxing-run.payload.json'), join(recipe, 'results/run.payload.json'));

		const summary = ingest(join(recipe, 'results'), '--labels', join(lab, 'override.json'), '--set', 'status=promoted', '--set', 'hardware.ramGb=256');
		expect(summary.refused).toEqual([]);
		const record = readRecord(records()[0]);
		expect(record.software.recipe).toBe('repro/demo');
		expect(record.warmth).toBe('cold');
		expect(record.track).toBe('from-labels-file');
		expect(record.status).toBe('promoted');
		expect(record.hardware.ramGb).toBe(256);
	});

	it('writes nothing on a dry run', () => {
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--dry-run');
		expect(summary.written).toHaveLength(1);
		expect(records()).toEqual([]);
	});

	it('refuses measured values given as labels', () => {
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'metrics.outputTokPerS=120');
		expect(summary.refused[0].errors).toEqual(['--set: metrics come from the artifact; remove metrics from the labels']);
	});

	it('explains a bad flag', () => {
		expect(() => ingest(join(lab, 'results'), '--format', 'csv')).toThrow(UsageError);
		expect(() => ingest(join(lab, 'nowhere'))).toThrow('No such file or folder');
		// A path relative to the lab (LAB_DIR) is read from the current folder: the message gives the lab's path.
		expect(() => ingest('results/localmaxxing-run.payload.json')).toThrow(`the lab has ${join(lab, 'results/localmaxxing-run.payload.json')}: give that path`);
		expect(() => ingest(join(lab, 'results'), '--labels', join(lab, 'missing.json'))).toThrow(`${join(lab, 'missing.json')}: the labels file does not exist`);
	});

	describe('a llama.cpp artifact with the vLLM MiniMax recipe', () => {
		const RECIPE = join(import.meta.dirname, '../../repro/minimax-m27-b70-ubuntu24');
		beforeEach(() => {
			cpSync(RECIPE, join(lab, 'repro/minimax-m27-b70-ubuntu24'), { recursive: true });
			cpSync(join(FIXTURES, 'llama-bench-json/artifact.json'), join(lab, 'results/llama-bench.json'));
			rmSync(join(lab, 'results/localmaxxing-run.payload.json'));
		});

		it('is refused naming both engines, both models and where each came from', () => {
			// The recipe given as ./path/ still names repro/<slug>, as records do.
			const summary = ingest(join(lab, 'results/llama-bench.json'), '--recipe', './repro/minimax-m27-b70-ubuntu24/', '--set', 'quality=not-checked', '--set', 'warmth=warm');
			expect(records()).toEqual([]);
			const errors = summary.refused[0].errors;
			expect(errors).toContain(
				'results/llama-bench.json (test-1): software.engine.name is "vllm" in repro/minimax-m27-b70-ubuntu24/record-defaults.json but "llama.cpp" in the artifact. Correct repro/minimax-m27-b70-ubuntu24/record-defaults.json, or pass --take-artifact to use the artifact\'s value.',
			);
			expect(errors.some((error) => error.includes('model.id is "Lasimeri/MiniMax-M2.7-int4-AutoRound" in repro/minimax-m27-b70-ubuntu24/record-defaults.json but "Qwen3.6-27B-Q4_0.gguf" in the artifact'))).toBe(true);
			expect(errors.some((error) => error.includes('hardware.gpuCount is 4 in repro/minimax-m27-b70-ubuntu24/record-defaults.json but 3 in the artifact'))).toBe(true);
		});

		it('with --take-artifact keeps the artifact\'s labels and asks for the track instead of taking the recipe\'s', () => {
			const summary = ingest(join(lab, 'results/llama-bench.json'), '--recipe', 'repro/minimax-m27-b70-ubuntu24', '--take-artifact', '--set', 'quality=not-checked', '--set', 'warmth=warm', '--set', 'tuning=none');
			expect(summary.refused[0].errors[0]).toMatch(/missing labels track,/);
			const written = ingest(join(lab, 'results/llama-bench.json'), '--recipe', 'repro/minimax-m27-b70-ubuntu24', '--take-artifact', '--set', 'quality=not-checked', '--set', 'warmth=warm', '--set', 'tuning=none', '--set', 'track=qwen36-q4-llamacpp-sycl', '--set', 'software.driver=Level Zero, oneAPI 2025.3', '--set', 'software.kernel=6.17.0-23-generic', '--set', 'hardware.cpu=AMD EPYC 9015 8-Core Processor', '--set', 'hardware.ramGb=128');
			expect(written.refused.flatMap((refusal) => refusal.errors)).toEqual([]);
			const record = readRecord(records()[0]);
			expect(record.software.engine.name).toBe('llama.cpp');
			expect(record.model).toEqual({ id: 'Qwen3.6-27B-Q4_0.gguf', quantization: 'GGUF Q4_0' });
			expect(record.hardware.gpuCount).toBe(3);
			expect(record.track).toBe('qwen36-q4-llamacpp-sycl');
			// The artifact's GPU name is kept, and the contributor is told it names no model.
			expect(record.hardware.gpu).toBe('Intel(R) Graphics [0xe223]');
			expect(output.join('\n')).toMatch(/note: \d+ record\(s\) name the GPU only as "Intel\(R\) Graphics \[0xe223\]", a device id .*--set hardware\.gpu=/);
		});
	});

	it('copies an artifact from outside the lab into data/artifacts/ and records it by that lab path, once', () => {
		const outside = mkdtempSync(join(tmpdir(), 'b70-outside-'));
		try {
			cpSync(join(FIXTURES, 'vllm-serve/artifact.json'), join(outside, 'serve.json'));
			const first = ingest(join(outside, 'serve.json'), '--labels', join(FIXTURES, 'vllm-serve/labels.json'));
			expect(first.refused).toEqual([]);
			expect(first.copied).toHaveLength(1);
			const [copy] = first.copied;
			expect(copy).toMatch(/^data\/artifacts\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{12}-serve\.json$/);
			expect(readFileSync(join(lab, copy), 'utf8')).toBe(readFileSync(join(outside, 'serve.json'), 'utf8'));
			const record = readRecord(records()[0]);
			expect(record.artifacts[0].path).toBe(copy);
			expect(record.source.from).toBe(copy);

			const again = runIngest([join(outside, 'serve.json'), '--labels', join(FIXTURES, 'vllm-serve/labels.json')], lab, () => {}, '2099-01-01');
			expect(again.copied).toEqual([]);
			expect(again.unchanged).toHaveLength(1);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	it('copies nothing for an outside artifact it refuses, and names the file where it is', () => {
		const outside = mkdtempSync(join(tmpdir(), 'b70-outside-'));
		try {
			cpSync(join(FIXTURES, 'vllm-serve/artifact.json'), join(outside, 'serve.json'));
			const summary = ingest(join(outside, 'serve.json'));
			expect(summary.refused[0].errors[0]).toMatch(new RegExp(`^${join(outside, 'serve.json')}: missing labels`));
			expect(summary.copied).toEqual([]);
			expect(existsSync(join(lab, 'data/artifacts'))).toBe(false);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	it('prints on a dry run what each record would say and where each label came from', () => {
		ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'warmth=cold', '--dry-run');
		expect(output[0]).toMatch(/^would write data\/records\/.+\.json: MiniMax-M2.7-int4-AutoRound on 4x Intel Arc Pro B70 32GB, vllm, p512\/n1536$/);
		expect(output).toContain('  metrics: outputTokPerS 80.6027546871925, totalTokPerS 107.47033958292334');
		expect(output.find((line) => line.trim().startsWith('warmth'))).toMatch(/"cold"  \(from --set\)$/);
		expect(output.find((line) => line.trim().startsWith('hardware.gpuCount'))).toMatch(/4  \(from the artifact\)$/);
	});

	it('prints on a dry run what a refused record still lacks', () => {
		ingest(join(lab, 'results'), '--dry-run');
		expect(output[0]).toMatch(/^would not write data\/records\//);
		expect(output).toContain('  still missing: date, track, hardware.interconnect, software.driver, software.recipe, quality, warmth, tuning');
	});

	it('skips symbolic links (a loop included) with a finding and ingests the rest', () => {
		symlinkSync(join(lab, 'results'), join(lab, 'results/loop'));
		symlinkSync(join(lab, 'nowhere.json'), join(lab, 'results/dangling.json'));
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.written).toHaveLength(1);
		expect(summary.skipped.map((skipped) => skipped.path.slice(lab.length + 1)).sort()).toEqual(['results/dangling.json', 'results/loop']);
		expect(output).toContain(`skipped: ${join(lab, 'results/loop')}: is a symbolic link; not followed (give its target to ingest it)`);
	});

	it('names the files beside the artifacts that it passes over, and refuses a folder with no artifact', () => {
		writeFileSync(join(lab, 'results/bench.log'), 'INFO: 4 repeats done\n');
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.written).toHaveLength(1);
		expect(output).toContain(`skipped: ${join(lab, 'results/bench.log')}: not a benchmark artifact (only .json and .jsonl files are read)`);
		// The response is read with its payload: it is not a file passed over.
		expect(summary.skipped.map((skipped) => skipped.path)).toEqual([join(lab, 'results/bench.log')]);
		mkdirSync(join(lab, 'logs'));
		writeFileSync(join(lab, 'logs/server.txt'), 'started\n');
		expect(() => ingest(join(lab, 'logs'))).toThrow(/No \.json or \.jsonl artifacts under .*logs \(1 other file\(s\) there\)/);
	});

	it('lets --set replace a whole label a labels file gave, instead of mixing the two', () => {
		const labels = JSON.parse(readFileSync(join(lab, 'labels.json'), 'utf8'));
		writeFileSync(join(lab, 'labels.json'), JSON.stringify({ ...labels, speculation: { enabled: true, method: 'ngram' } }));
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'speculation=off', '--set', 'hardware.interconnect=xe-link');
		expect(summary.refused).toEqual([]);
		const record = readRecord(records()[0]);
		expect(record.speculation).toEqual({ enabled: false });
		expect(record.hardware.interconnect).toEqual({ kind: 'xe-link' });
	});

	it('refuses a shrug typed for speculation, saying what to write and that --set gave it', () => {
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'), '--set', 'speculation=maybe');
		expect(summary.written).toEqual([]);
		expect(output.find((line) => line.includes('speculation is "maybe"'))).toMatch(/expected an object\. Write speculation: \{ enabled: false \}.*\(given by --set\)$/);
	});

	it('names the labels file, not the artifact, as the source of a bad label it gave', () => {
		const labels = JSON.parse(readFileSync(join(lab, 'labels.json'), 'utf8'));
		writeFileSync(join(lab, 'labels.json'), JSON.stringify({ ...labels, speculation: { enabled: false, method: 'ngram' } }));
		const summary = ingest(join(lab, 'results'), '--labels', join(lab, 'labels.json'));
		expect(summary.written).toEqual([]);
		expect(output.find((line) => line.includes('speculation.method'))).toContain(`(given by ${join(lab, 'labels.json')})`);
	});

	it('prints its usage on --help and names an unknown option', () => {
		const summary = ingest('--help');
		expect(summary.help).toBe(true);
		expect(output[0]).toMatch(/^Usage: npm run ingest --/);
		expect(() => ingest(join(lab, 'results'), '--lables', 'x.json')).toThrow(/^unknown option --lables\nUsage: npm run ingest/);
		expect(existsSync(join(lab, 'data/artifacts'))).toBe(false);
	});
});
