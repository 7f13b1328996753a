/**
 * npm run bench: measures the site's tooling at lab scale and compares the figures with
 * bench/budgets.json. Prints a table and writes bench/results/latest.json. Budgets are reported
 * here, never asserted in tests: machines are noisy.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { syntheticLab } from '../src/lib/bench/synthetic-lab';
import { checkLab } from './check';
import { runIngest } from './ingest';

interface Figure {
	name: string;
	value: number;
	unit: string;
	budget?: { max: number };
}

const ROOT = resolve(import.meta.dirname, '..');
const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<string, { max: number }>;

/** A small deterministic generator, so every run ingests the same artifacts. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** 10,000 artifacts in the lab's mix: vLLM serve results, llama-bench JSONL runs, LocalMaxxing payloads. */
function writeArtifacts(folder: string, count: number): void {
	const next = random(42);
	for (let index = 0; index < count; index++) {
		const output = Number((20 + next() * 70).toFixed(6));
		const kind = index % 3;
		if (kind === 0) {
			writeFileSync(
				join(folder, `serve-${index}.json`),
				JSON.stringify({
					date: '20260518-101500', backend: 'vllm', model_id: 'Lasimeri/MiniMax-M2.7-int4-AutoRound', num_prompts: 4,
					request_rate: 'inf', max_concurrency: 1, duration: 80 + next(), completed: 4, failed: 0,
					total_input_tokens: 2048, total_output_tokens: 6144, output_throughput: output,
					total_token_throughput: output * 1.33, mean_ttft_ms: 300 + next() * 50, mean_tpot_ms: 12.5, mean_itl_ms: 12.5,
				}),
			);
		} else if (kind === 1) {
			const row = (prompt: number, gen: number) => JSON.stringify({
				build_commit: 'db44417', build_number: 2, gpu_info: 'Intel(R) Graphics [0xe223]', backends: 'SYCL', devices: 'SYCL0',
				model_filename: '/models/Qwen3.6-27B-Q4_0.gguf', model_type: 'qwen35 27B Q4_0', n_batch: 512, n_ubatch: 64,
				split_mode: 'none', n_prompt: prompt, n_gen: gen, n_depth: 0, test_time: '2026-05-03T20:07:10Z',
				avg_ts: output + index / 1000, stddev_ts: 0.01, samples_ts: [output, output + 0.01, output - 0.01],
			});
			writeFileSync(join(folder, `llama-${index}.jsonl`), `${row(512, 0)}\n${row(0, 512)}\n`);
		} else {
			writeFileSync(
				join(folder, `localmaxxing-${index}.payload.json`),
				JSON.stringify({
					hfId: 'Lasimeri/MiniMax-M2.7-int4-AutoRound',
					hardware: { gpuName: 'Intel Arc Pro B70 32GB', gpuCount: 4, vramGb: 32, cpu: 'AMD EPYC 9015', ramGb: 128, os: 'Ubuntu 24.04.4 LTS, kernel 6.17.0-23-generic' },
					engineName: 'vllm', engineVersion: '0.20.1-local', quantization: 'AutoRound INT4 W4A16', promptTokens: 512,
					outputTokens: 1536, contextLength: 2048, batchSize: 1, tokSOut: output, tokSTotal: output * 1.33,
					notes: `generated run ${index}`, engineFlags: { concurrency: 1, specDecoding: false },
				}),
			);
		}
	}
}

const COMPLETE_LABELS = {
	date: '2026-05-18',
	track: 'bench',
	model: { id: 'bench-model', quantization: 'bench' },
	hardware: { gpu: 'Intel Arc Pro B70 32GB', gpuCount: 4, vramGbPerGpu: 32, cpu: 'AMD EPYC 9015', ramGb: 128, interconnect: { kind: 'pcie', generation: 4, lanes: 16 } },
	software: { os: 'Ubuntu 24.04.4 LTS', kernel: '6.17.0-23-generic', driver: 'Level Zero', engine: { name: 'vllm', version: '0.20.1-local' }, commit: 'bench' },
	shape: { promptTokens: 512, outputTokens: 1536, contextLength: 2048, batchSize: 1, concurrency: 1 },
	quality: { method: 'not-checked', detail: 'benchmark of the tooling' },
	speculation: { enabled: false },
	warmth: 'warm',
	tuning: { changed: false },
};

function benchIngest(count: number): Figure[] {
	const work = mkdtempSync(join(tmpdir(), 'b70-bench-ingest-'));
	try {
		const artifacts = join(work, 'artifacts');
		mkdirSync(artifacts);
		mkdirSync(join(work, 'data/records'), { recursive: true });
		writeArtifacts(artifacts, count);
		writeFileSync(join(work, 'labels.json'), JSON.stringify(COMPLETE_LABELS));
		const start = performance.now();
		const summary = runIngest([artifacts, '--labels', join(work, 'labels.json')], work, () => {});
		const seconds = (performance.now() - start) / 1000;
		if (summary.refused.length) throw new Error(`bench artifacts were refused: ${summary.refused[0].errors[0]}`);
		const again = performance.now();
		runIngest([artifacts, '--labels', join(work, 'labels.json')], work, () => {});
		const reingestSeconds = (performance.now() - again) / 1000;
		return [
			{ name: `ingest ${count.toLocaleString('en')} artifacts (${summary.written.length.toLocaleString('en')} records)`, value: seconds, unit: 's', budget: budgets.ingest10kArtifactsSeconds },
			{ name: `re-ingest the same ${count.toLocaleString('en')} artifacts (all unchanged)`, value: reingestSeconds, unit: 's' },
		];
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** Writes a synthetic lab of `notes` notes to a temporary folder. */
export function writeSyntheticLab(notes: number): { folder: string; files: number } {
	const folder = mkdtempSync(join(tmpdir(), `b70-bench-lab-${notes}-`));
	const files = syntheticLab(notes);
	for (const file of files) {
		mkdirSync(join(folder, file.path, '..'), { recursive: true });
		writeFileSync(join(folder, file.path), file.text);
	}
	return { folder, files: files.length };
}

function benchCheck(notes: number): Figure[] {
	const lab = writeSyntheticLab(notes);
	try {
		checkLab(lab.folder); // warm the module caches, as a second run in CI would be
		const result = checkLab(`${lab.folder}/.`);
		const perThousand = result.milliseconds / 1000 / (result.files / 1000);
		return [
			{ name: `npm run check, ${result.files.toLocaleString('en')} files (${notes} notes)`, value: result.milliseconds / 1000, unit: 's' },
			{ name: `npm run check per 1,000 files (${notes} notes)`, value: perThousand, unit: 's', budget: budgets.checkPer1000FilesSeconds },
		];
	} finally {
		rmSync(lab.folder, { recursive: true, force: true });
	}
}

function report(figures: Figure[]): void {
	const rows = figures.map((figure) => {
		const verdict = figure.budget ? (figure.value <= figure.budget.max ? 'PASS' : 'FAIL') : '';
		const budget = figure.budget ? `<= ${figure.budget.max} ${figure.unit}` : '';
		return [figure.name, `${figure.value.toFixed(2)} ${figure.unit}`, budget, verdict];
	});
	const widths = [0, 1, 2, 3].map((column) => Math.max(...[['figure', 'value', 'budget', ''], ...rows].map((row) => row[column].length)));
	const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	console.log(line(['figure', 'value', 'budget', '']));
	for (const row of rows) console.log(line(row));
}

const figures = [...benchCheck(1000), ...benchIngest(10_000)];
report(figures);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
	join(ROOT, 'bench/results/latest.json'),
	`${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
);
