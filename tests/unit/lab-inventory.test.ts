/** What the site makes of the fixture lab repository: classification, pairing, legacy records, report. */
import { describe, expect, it } from 'vitest';
import { nodeLabEffects, readLabFiles } from '../../src/build/lab-effects';
import { classifyNote, outcomeFromCode } from '../../src/lib/lab/classify';
import { projectTracks } from '../../src/lib/lab/tracks';
import { buildInventory } from '../../src/lib/lab/inventory';
import { jsonView } from '../../src/lib/lab/json-view';
import { pairDataWithNotes, pairingSlug } from '../../src/lib/lab/pairing';
import { buildReport } from '../../src/lib/lab/report';
import { recordSchema } from '../../src/lib/schema/record';
import { FIXTURE_LAB, PROJECT_ROOT } from '../support/build-site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const inventory = buildInventory({
	files: readLabFiles(nodeLabEffects(FIXTURE_LAB), FIXTURE_LAB),
	base: '/',
	repoUrl: 'https://github.com/lab/repo',
	branch: 'main',
	localmaxxingUrl: (id) => `https://lm.example/${id}`,
	includeRootDocuments: true,
	// The fixture lab declares no lanes: the project's default applies, as in a build.
	lanesFile: { path: 'data/lanes.json', text: readFileSync(join(PROJECT_ROOT, 'data/lanes.json'), 'utf8') },
});
const note = (path: string) => inventory.notes.find((candidate) => candidate.path === path)!;

describe('classification rules', () => {
	it.each([
		['notes/2026-05-10-minimax-ccl-p2p-off-negative.md', 'MiniMax CCL P2P-Off Negative', 'minimax-autoround-vllm', 'negative'],
		['notes/2026-05-18-minimax-moe-ws-flash-piecewise-strict-win.md', 'MiniMax MoE Win', 'minimax-autoround-vllm', 'positive'],
		['notes/2026-05-08-minimax-gguf-rpc-layer-probe.md', 'MiniMax GGUF RPC probe', 'minimax-gguf', 'diagnostic'],
		['notes/2026-05-06-fp8-tp4-ngram-sweep.md', 'Qwen3.6 27B FP8 TP4 n-gram sweep', 'qwen-fp8-vllm', undefined],
		['notes/2026-05-04-q4-sycl-split-blocker.md', 'Qwen Q4_0 SYCL split', 'qwen-q4-gguf', 'blocker'],
		// An index of notes is no attempt: neutral, from its name, the last resort.
		['notes/b70-llm-lab-notes.md', 'B70 LLM lab notes', undefined, 'neutral'],
	])('%s (%s) -> track %s, outcome %s', (path, title, track, outcome) => {
		const result = classifyNote({ path, title, body: '' }, projectTracks());
		expect(result.track).toBe(track);
		expect(result.outcome).toBe(outcome);
	});

	it('reads the decision section when the name and title say nothing', () => {
		expect(classifyNote({ path: 'notes/x.md', title: 'Worker affinity', body: '## Decision\n\nKeep CCL_WORKER_AFFINITY unset.\n' }, projectTracks()).outcome).toBe('negative');
	});

	it('reads snake_case status codes', () => {
		expect(outcomeFromCode('quality_failed_raw145_n64')).toBe('negative');
		expect(outcomeFromCode('promoted_strict_quality_pass')).toBe('positive');
		// A run that hung was stopped before it measured anything: a blocker, not a result.
		expect(outcomeFromCode('hung_after_warmup_stopped')).toBe('blocker');
	});
});

describe('pairing notes with data', () => {
	it('matches minimax- notes with minimax-m27- data of the same day', () => {
		expect(pairingSlug('data/minimax-m27-ccl-p2p-off-negative-20260510.json')).toBe('minimax-m27-ccl-p2p-off-negative');
		const pairs = pairDataWithNotes(['notes/2026-05-10-minimax-ccl-p2p-off-negative.md'], ['data/minimax-m27-ccl-p2p-off-negative-20260510.json', 'data/minimax-m27-ccl-p2p-off-negative-20260510.log', 'data/other-20260510.json']);
		expect([...pairs.entries()]).toEqual([
			['data/minimax-m27-ccl-p2p-off-negative-20260510.json', 'notes/2026-05-10-minimax-ccl-p2p-off-negative.md'],
			['data/minimax-m27-ccl-p2p-off-negative-20260510.log', 'notes/2026-05-10-minimax-ccl-p2p-off-negative.md'],
		]);
	});
});

describe('pairing notes with data, for models the code has never heard of', () => {
	it('pairs names that end alike behind a short lead naming the same model, and not across models', () => {
		const notes = ['notes/2026-06-01-gemma-split-kv-negative.md', 'notes/2026-06-01-qwen-split-kv-negative.md', 'notes/2026-06-02-fp8-tp4-ngram-sweep.md'];
		const pairs = pairDataWithNotes(notes, ['data/gemma4-31b-split-kv-negative-20260601.json', 'data/mistral-split-kv-negative-20260601.json', 'data/qwen36-fp8-tp4-ngram-sweep-20260602.json']);
		expect([...pairs.entries()]).toEqual([
			['data/gemma4-31b-split-kv-negative-20260601.json', 'notes/2026-06-01-gemma-split-kv-negative.md'],
			['data/qwen36-fp8-tp4-ngram-sweep-20260602.json', 'notes/2026-06-02-fp8-tp4-ngram-sweep.md'],
		]);
	});
});

describe('the fixture lab inventory', () => {
	it('has no errors: legacy material never fails', () => {
		expect(inventory.findings).toEqual([]);
	});

	it('infers track and outcome for notes, and lets the overrides file win', () => {
		expect(note('notes/2026-05-10-minimax-ccl-p2p-off-negative.md').meta).toMatchObject({ track: 'minimax-autoround-vllm', outcome: 'negative', outcomeFrom: 'title: "MiniMax CCL P2P-Off Negative"' });
		expect(note('notes/b70-llm-lab-notes.md').meta).toMatchObject({ track: 'minimax-autoround-vllm', outcome: 'neutral', outcomeFrom: 'override' });
	});

	it('links the note to its data and log, and the data back to the note', () => {
		const negative = note('notes/2026-05-10-minimax-ccl-p2p-off-negative.md');
		expect(negative.pairedData).toEqual(['data/minimax-m27-ccl-p2p-off-negative-20260510.json']);
		expect(negative.pairedFiles).toEqual(['data/minimax-m27-ccl-p2p-off-negative-20260510.log']);
		const data = inventory.data.find((file) => file.path === 'data/minimax-m27-ccl-p2p-off-negative-20260510.json')!;
		// The data file's own status (hung after warm-up) says how the run ended: blocked.
		expect(data).toMatchObject({ pairedNote: 'notes/2026-05-10-minimax-ccl-p2p-off-negative.md', outcome: 'blocker', date: '2026-05-10' });
		// Its page is titled as the lab wrote the experiment's name: the note's title, not the file's label.
		expect(data.title).toBe('MiniMax CCL P2P-Off Negative');
	});

	it('reads titles and dates under the keys the lab uses', () => {
		const byPath = (path: string) => inventory.data.find((file) => file.path === path)!;
		expect(byPath('data/qwen36-fp8-tp4-ngram-sweep-20260506.json')).toMatchObject({ title: 'Qwen3.6 27B FP8 TP4 n-gram sweep', date: '2026-05-06' });
		expect(byPath('data/qwen36-fp8-tp4-ngram-sweep-20260506.json').facts.title).toBe('Qwen3.6 FP8 TP4 n-gram sweep');
		expect(byPath('data/truncated-experiment-20260509.json')).toMatchObject({ kind: 'invalid-json', date: '2026-05-09' });
		expect(byPath('data/localmaxxing-submissions-ledger.json').kind).toBe('localmaxxing-other');
		expect(inventory.otherDataFiles.map((file) => file.path)).toEqual([
			'data/localmaxxing-payload-archive-20260517.b64',
			'data/minimax-m27-ccl-p2p-off-negative-20260510.log',
			'data/scratch-notes.txt',
		]);
	});

	it('reconciles one run seen in its data, payload, response, note, ledger and CURRENT.md into one record', () => {
		const runs = inventory.legacyRecords.filter((legacy) => legacy.record.localmaxxingId === 'cmpasdq5v007nmn019elaut3s');
		expect(runs.map((legacy) => legacy.id)).toEqual(['imported/minimax-m27-moe-ws-strict-win-20260518']);
		expect(runs[0].record.sources).toEqual([
			'CURRENT.md',
			'data/localmaxxing-minimax-moe-ws-strict-p512n1536-20260518.payload.json',
			'data/localmaxxing-responses/minimax-moe-ws-strict-p512n1536-20260518.response.json',
			'data/minimax-m27-moe-ws-strict-win-20260518.json',
			'localmaxxing_submissions.md',
			'notes/2026-05-18-minimax-moe-ws-strict-win.md',
		]);
		for (const { record } of inventory.legacyRecords) {
			expect(recordSchema.safeParse(record).success).toBe(true);
			expect(record.source.kind).toBe('imported');
		}
	});

	it('says where each label came from, takes the lane for what its protocol fixes, and guesses nothing else', () => {
		const { record } = inventory.legacyRecords.find((legacy) => legacy.id === 'imported/minimax-m27-moe-ws-strict-win-20260518')!;
		expect(record).toMatchObject({
			date: '2026-05-18',
			status: 'promoted',
			lane: 'minimax-m27-strict-p512n1536',
			software: { os: 'Ubuntu 24.04.4 LTS', kernel: '6.17.0-23-generic', engine: { name: 'vllm', version: '0.20.1-local' } },
			metrics: { outputTokPerS: 80.6027546871925, totalTokPerS: 107.47033958292334 },
			quality: { method: 'exact-token-hashes', passed: true },
			warmth: 'warm',
			speculation: { enabled: false },
		});
		expect(record.labelSources?.['metrics.outputTokPerS']).toEqual({ basis: 'recorded', file: 'data/localmaxxing-minimax-moe-ws-strict-p512n1536-20260518.payload.json', jsonPath: 'tokSOut' });
		expect(record.labelSources?.quality).toMatchObject({ basis: 'stated', file: 'CURRENT.md' });
		expect(record.labelSources?.warmth).toEqual({ basis: 'lane', file: 'data/lanes.json', lane: 'minimax-m27-strict-p512n1536' });
		// Nothing states the interconnect or the driver: they stay "not recorded".
		expect(record.hardware.interconnect).toBe('not recorded');
		expect(record.software.driver).toBe('not recorded');
	});

	it('keeps the run of a sweep in the data file and the same run in its note as one record', () => {
		const sweep = inventory.legacyRecords.filter((legacy) => legacy.record.sources?.includes('notes/2026-05-06-fp8-tp4-ngram-sweep.md'));
		expect(sweep.map((legacy) => legacy.record.metrics.outputTokPerS).sort()).toEqual([10.278739, 48.198021]);
		expect(sweep.every((legacy) => legacy.record.sources?.includes('data/qwen36-fp8-tp4-ngram-sweep-20260506.json'))).toBe(true);
	});

	it('labels llama-bench avg_ts by the test it measured', () => {
		const { record } = inventory.legacyRecords.find((legacy) => legacy.id.startsWith('imported/llama-bench'))!;
		expect(record.metrics).toEqual({ outputTokPerS: 24.249077, repeats: [{ outputTokPerS: 24.2552 }, { outputTokPerS: 24.2452 }, { outputTokPerS: 24.2468 }] });
		expect(record.shape).toMatchObject({ promptTokens: 0, outputTokens: 512 });
	});

	it('reports a failed LocalMaxxing submission instead of inventing an id', () => {
		const { record } = inventory.legacyRecords.find((legacy) => legacy.id.endsWith('failed-backend'))!;
		expect(record.localmaxxingId).toBeUndefined();
		expect(inventory.skippedLegacy).toContainEqual({
			path: 'data/localmaxxing-responses/minimax-fulllogits-p512n1536-20260517.failed-backend.response.json',
			reason: 'records a failed submission (HTTP 400)',
		});
	});

	it('reports what it could not read, and why', () => {
		expect(inventory.skippedLegacy).toContainEqual({ path: 'data/truncated-experiment-20260509.json', reason: expect.stringContaining('is not valid JSON') });
		// CURRENT.md names an earlier baseline that no dated file records: reported, never dated by guess.
		expect(inventory.skippedLegacy).toContainEqual({ path: 'CURRENT.md (Block-128 revalidation)', reason: 'no date in the sources or their names' });
	});

	it('counts what a reader needs to know in the report', () => {
		const strict = ['qwen36-q4-single-card-20260503', 'minimax-moe-ws-strict-win-20260518'].map((id) =>
			recordSchema.parse(JSON.parse(readFileSync(join(FIXTURE_LAB, `data/records/${id}.json`), 'utf8'))),
		);
		const report = buildReport(inventory, [...strict, ...inventory.legacyRecords.map((legacy) => legacy.record)]);
		expect(report.notes.total).toBe(6);
		expect(report.writeups).toBe(6);
		expect(report.data.total).toBe(inventory.data.length + 3);
		expect(report.data.byKind).toMatchObject({ 'localmaxxing-payload': 2, 'localmaxxing-response': 2, 'localmaxxing-queue': 1, experiment: 4, 'invalid-json': 1, 'other-file': 3 });
		expect(report.records).toMatchObject({ total: inventory.legacyRecords.length + 2, measured: 1 });
		expect(report.labelBasis.warmth.lane).toBe(inventory.legacyRecords.filter((legacy) => legacy.record.labelSources?.warmth?.basis === 'lane').length);
		expect(report.labelBasis.warmth.notRecorded + report.labelBasis.warmth.lane + report.labelBasis.warmth.stated + report.labelBasis.warmth.recorded).toBe(report.records.total);
		expect(report.unresolvedLinks).toEqual([
			{ from: 'notes/2026-05-10-minimax-ccl-p2p-off-negative.md', target: 'data/does-not-exist.json' },
			{ from: 'README.md', target: 'scripts/run-minimax.sh' },
		]);
		expect(report.absolutePaths).toEqual({ notes: 3, data: 1, total: 4 });
	});
});

describe('runs that share a name', () => {
	it('are all kept, the later ones with a suffix', () => {
		const runs = JSON.stringify({ date: '2026-05-01', runs: [{ label: 'same', output_toks_per_second: 10 }, { label: 'same', output_toks_per_second: 12 }] });
		const twice = buildInventory({
			files: [{ path: 'data/sweep-20260501.json', text: runs, size: runs.length }],
			base: '/',
			repoUrl: 'https://github.com/lab/repo',
			branch: 'main',
			localmaxxingUrl: (id) => id,
			includeRootDocuments: true,
		});
		const ids = twice.legacyRecords.map((legacy) => legacy.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(twice.legacyRecords.map((legacy) => legacy.record.metrics.outputTokPerS).sort()).toEqual([10, 12]);
	});
});

describe('JSON view', () => {
	it('shows arrays of similar objects as a table and nested objects as sections', () => {
		const view = jsonView({ runs: [{ method: 'ngram', tok: 48.2 }, { method: 'none', tok: 10.3 }], config: { tp: 4 } });
		expect(view).toEqual({
			kind: 'object',
			entries: [
				{ key: 'runs', view: { kind: 'table', columns: ['method', 'tok'], rows: [[{ kind: 'scalar', text: 'ngram', type: 'string' }, { kind: 'scalar', text: '48.2', type: 'number' }], [{ kind: 'scalar', text: 'none', type: 'string' }, { kind: 'scalar', text: '10.3', type: 'number' }]] } },
				{ key: 'config', view: { kind: 'object', entries: [{ key: 'tp', view: { kind: 'scalar', text: '4', type: 'number' } }] } },
			],
		});
	});
});

describe('artifacts copied in by npm run ingest', () => {
	it('are neither data pages nor legacy records, and their links open the file', () => {
		const payload = readFileSync(join(import.meta.dirname, '../fixtures/ingest/localmaxxing-payload/artifact.payload.json'), 'utf8');
		const path = 'data/artifacts/2026-05-18/0123456789ab-run.payload.json';
		const copied = buildInventory({
			files: [{ path, text: payload, size: payload.length }],
			base: '/',
			repoUrl: 'https://github.com/lab/repo',
			branch: 'main',
			localmaxxingUrl: (id) => id,
			includeRootDocuments: true,
		});
		expect(copied.data).toEqual([]);
		expect(copied.otherDataFiles).toEqual([]);
		expect(copied.legacyRecords).toEqual([]);
		expect(copied.allFiles).toEqual([path]);
	});
});
