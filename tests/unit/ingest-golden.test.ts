/**
 * Golden tests: for each artifact format, a fixture artifact plus labels goes in, and the record
 * files that come out must match tests/fixtures/ingest/<case>/expected/ byte for byte. Each case
 * also pins what the importer reads from the artifact alone (expected/stated-labels.json): every
 * label, with "not recorded" for those the artifact does not state and must not guess.
 * Regenerate after a deliberate change with UPDATE_GOLDEN=1 npx vitest run tests/unit/ingest-golden.test.ts,
 * then review the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArtifact, importProblemText } from '../../src/lib/importers';
import { getPath } from '../../src/lib/importers/label-values';
import { planArtifact } from '../../src/lib/ingest/plan';
import { requiredLabelPaths } from '../../src/lib/schema/record';

const ROOT = join(import.meta.dirname, '../fixtures/ingest');
const CASES = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const update = process.env.UPDATE_GOLDEN === '1';

function runCase(name: string) {
	const folder = join(ROOT, name);
	const artifact = readdirSync(folder).find((file) => file.startsWith('artifact.'))!;
	const labelsFile = existsSync(join(folder, 'labels.json')) ? join(folder, 'labels.json') : join(ROOT, 'labels.json');
	const response = join(folder, 'response.json');
	return planArtifact(
		{
			path: `results/${name}/${artifact}`,
			text: readFileSync(join(folder, artifact), 'utf8'),
			companions: existsSync(response) ? { localmaxxingResponse: { path: response, text: readFileSync(response, 'utf8') } } : {},
		},
		{
			explicit: [{ source: 'labels.json', labels: JSON.parse(readFileSync(labelsFile, 'utf8')) }],
			existingRecord: () => undefined,
			howToGive: 'in labels.json',
		},
	);
}

/** Every label the importer states for each run of the artifact alone, "not recorded" for the rest. */
function statedLabels(name: string): string {
	const folder = join(ROOT, name);
	const artifact = readdirSync(folder).find((file) => file.startsWith('artifact.'))!;
	const response = join(folder, 'response.json');
	const labels = existsSync(join(folder, 'labels.json')) ? JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) : JSON.parse(readFileSync(join(ROOT, 'labels.json'), 'utf8'));
	const outcome = importArtifact({
		path: `results/${name}/${artifact}`,
		text: readFileSync(join(folder, artifact), 'utf8'),
		companions: existsSync(response) ? { localmaxxingResponse: { path: response, text: readFileSync(response, 'utf8') } } : {},
		// Latency files need the batch and lengths from the labels to compute throughput at all.
		shape: labels.shape,
	});
	if (!outcome.ok) throw new Error(outcome.problems.map(importProblemText).join('\n'));
	const paths = [...requiredLabelPaths().filter((path) => !['title', 'status', 'metrics'].includes(path) && !path.startsWith('source.')), 'software.recipe', 'software.commit', 'localmaxxingId'];
	const runs = outcome.records.map((run) => ({
		run: run.key || 'the run',
		labels: Object.fromEntries(paths.map((path) => [path, getPath(run.draft, path) ?? 'not recorded'])),
		metrics: Object.fromEntries(Object.entries(run.draft.metrics ?? {}).map(([metric, value]) => [metric, Array.isArray(value) ? `${value.length} repeats` : value])),
	}));
	return `${JSON.stringify(runs, null, 2)}\n`;
}

describe('ingest golden files', () => {
	it('covers every artifact format', () => {
		expect(CASES.sort()).toEqual([
			'llama-bench-file-tag',
			'llama-bench-json',
			'llama-bench-json-recent',
			'llama-bench-jsonl',
			'llama-bench-jsonl-recent',
			'llama-bench-mxfp4',
			'localmaxxing-payload',
			'localmaxxing-queue',
			'vllm-latency',
			'vllm-serve',
			'vllm-serve-openai',
			'vllm-throughput',
		]);
	});

	it.each(CASES)('%s: states every label it can read, and leaves the rest not recorded', (name) => {
		const file = join(ROOT, name, 'expected-labels.json');
		const actual = statedLabels(name);
		if (update) writeFileSync(file, actual);
		expect(actual).toBe(readFileSync(file, 'utf8'));
	});

	it.each(CASES)('%s: artifact in, expected records out, byte for byte', (name) => {
		const plan = runCase(name);
		if (!plan.ok) throw new Error(plan.errors.join('\n'));
		const expectedDir = join(ROOT, name, 'expected');
		if (update) {
			rmSync(expectedDir, { recursive: true, force: true });
			mkdirSync(expectedDir, { recursive: true });
			for (const record of plan.records) writeFileSync(join(expectedDir, `${record.id}.json`), record.json);
		}
		const expectedFiles = readdirSync(expectedDir).sort();
		expect(plan.records.map((record) => `${record.id}.json`).sort()).toEqual(expectedFiles);
		for (const record of plan.records) {
			expect(record.json).toBe(readFileSync(join(expectedDir, `${record.id}.json`), 'utf8'));
		}
	});

	it('gives the same artifact the same id and bytes every time', () => {
		const [first, second] = [runCase('vllm-serve'), runCase('vllm-serve')];
		expect(first).toEqual(second);
	});
});
