/**
 * Golden tests: for each artifact format, a fixture artifact plus labels goes in, and the record
 * files that come out must match tests/fixtures/ingest/<case>/expected/ byte for byte.
 * Regenerate after a deliberate change with UPDATE_GOLDEN=1 npx vitest run tests/unit/ingest-golden.test.ts,
 * then review the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planArtifact } from '../../src/lib/ingest/plan';

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

describe('ingest golden files', () => {
	it('covers every artifact format', () => {
		expect(CASES.sort()).toEqual([
			'llama-bench-json',
			'llama-bench-jsonl',
			'localmaxxing-payload',
			'localmaxxing-queue',
			'vllm-latency',
			'vllm-serve',
			'vllm-throughput',
		]);
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
