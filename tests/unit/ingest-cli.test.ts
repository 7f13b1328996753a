/** `npm run ingest` on a scratch lab: files written, refused, kept across re-ingests. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
		expect(() => ingest(join(lab, 'results'), '--labels', join(lab, 'missing.json'))).toThrow(`${join(lab, 'missing.json')}: the labels file does not exist`);
	});
});
