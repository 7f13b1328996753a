/** Label values typed as text become what the record schema wants at that path. */
import { describe, expect, it } from 'vitest';
import { labelPathProblem, typedLabelValue } from '../../src/lib/importers/label-typing';
import { labelsFromAssignments, labelsFromFile, mergeLabelLayers, mergeLabels } from '../../src/lib/importers/label-values';
import { importArtifact } from '../../src/lib/importers';

describe('--set values typed by the schema', () => {
	it('keeps text labels as text and makes numbers of number labels', () => {
		const result = labelsFromAssignments(['software.kernel=6.14', 'hardware.gpuCount=4', 'software.engine.version=0.20', 'hardware.ramGb=128', 'quality.passed=true']);
		expect(result).toEqual({
			ok: true,
			labels: { software: { kernel: '6.14', engine: { version: '0.20' } }, hardware: { gpuCount: 4, ramGb: 128 }, quality: { passed: true } },
		});
	});

	it('reads short forms of object labels', () => {
		expect(typedLabelValue('hardware.interconnect', 'pcie4x16')).toEqual({ kind: 'pcie', generation: 4, lanes: 16 });
		expect(typedLabelValue('hardware.interconnect', 'PCIe 5.0 x8')).toEqual({ kind: 'pcie', generation: 5, lanes: 8 });
		expect(typedLabelValue('hardware.interconnect', 'PCIe4')).toEqual({ kind: 'pcie', generation: 4 });
		expect(typedLabelValue('hardware.interconnect', 'none')).toEqual({ kind: 'none-single-gpu' });
		expect(typedLabelValue('quality', 'not-checked')).toEqual({ method: 'not-checked', detail: 'not checked' });
		expect(typedLabelValue('speculation', 'off')).toEqual({ enabled: false });
		expect(typedLabelValue('speculation', 'ngram')).toEqual({ enabled: true, method: 'ngram' });
		expect(typedLabelValue('tuning', 'none')).toEqual({ changed: false });
	});

	it('leaves a shrug given for speculation as text, so validation refuses it instead of reading a method', () => {
		expect(typedLabelValue('speculation', 'maybe')).toBe('maybe');
		expect(typedLabelValue('speculation', 'unknown')).toBe('unknown');
		expect(typedLabelValue('speculation', 'eagle3')).toEqual({ enabled: true, method: 'eagle3' });
	});

	it('marks the labels given whole, which replace what lower layers said of them', () => {
		const set = labelsFromAssignments(['speculation=off', 'hardware.interconnect=nvlink', 'hardware.gpuCount=2']);
		expect(set.ok && set.whole).toEqual(['speculation', 'hardware.interconnect']);
		if (!set.ok) return;
		const file = { labels: { speculation: { enabled: true, method: 'ngram' }, hardware: { gpuCount: 4, gpu: 'Arc Pro B70', interconnect: { kind: 'pcie', generation: 4, lanes: 16 } } } };
		expect(mergeLabelLayers([file, set])).toEqual({ speculation: { enabled: false }, hardware: { gpuCount: 2, gpu: 'Arc Pro B70', interconnect: { kind: 'nvlink' } } });
		// A field given alone still merges into the rest of the label.
		const lanes = labelsFromAssignments(['hardware.interconnect.lanes=8']);
		expect(lanes.ok && mergeLabelLayers([file, lanes]).hardware).toMatchObject({ interconnect: { kind: 'pcie', generation: 4, lanes: 8 } });
		expect(file.labels.hardware.interconnect.lanes).toBe(16);
	});

	it('still takes object labels field by field, or whole as JSON', () => {
		const result = labelsFromAssignments(['hardware.interconnect.kind=pcie', 'hardware.interconnect.generation=4', 'hardware.interconnect.lanes=16']);
		expect(result).toEqual({ ok: true, labels: { hardware: { interconnect: { kind: 'pcie', generation: 4, lanes: 16 } } } });
		expect(typedLabelValue('tuning', '{"changed":true,"detail":"200 W"}')).toEqual({ changed: true, detail: '200 W' });
	});

	it('keeps a word given for a number as text, so validation names the label', () => {
		expect(typedLabelValue('hardware.gpuCount', 'four')).toBe('four');
	});

	it('refuses prototype keys, listing every bad assignment at once', () => {
		const result = labelsFromAssignments(['__proto__.polluted=yes', 'warmth', 'constructor.prototype.x=1']);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message.split('\n')).toHaveLength(3);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('label files', () => {
	it('refuse prototype keys, naming where', () => {
		expect(labelsFromFile('{"hardware": {"__proto__": {"gpuCount": 9}}}', 'labels.json', 'the labels file')).toEqual({
			ok: false,
			message: 'labels.json: the labels file has "hardware.__proto__", which is not a label path',
		});
		const merged = mergeLabels(JSON.parse('{"__proto__": {"warmth": "warm"}}'));
		expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
		expect(merged.warmth).toBeUndefined();
	});
});

describe('vLLM --metadata label paths', () => {
	const serve = (extra: Record<string, unknown>) =>
		JSON.stringify({ backend: 'vllm', model_id: 'm', num_prompts: 1, duration: 1, completed: 1, total_input_tokens: 8, total_output_tokens: 8, output_throughput: 8, total_token_throughput: 16, ...extra });

	it('takes label fields, typed', () => {
		const outcome = importArtifact({ path: 's.json', text: serve({ 'label.hardware.gpuCount': '4', 'label.software.kernel': '6.14' }) });
		expect(outcome.ok && outcome.records[0].draft.hardware).toEqual({ gpuCount: 4 });
		expect(outcome.ok && outcome.records[0].draft.software?.kernel).toBe('6.14');
	});

	it('refuses prototype keys and measured metrics', () => {
		const outcome = importArtifact({ path: 's.json', text: serve({ 'label.__proto__.polluted': 'yes', 'label.metrics.outputTokPerS': '9999' }) });
		expect(outcome).toEqual({
			ok: false,
			problems: [
				{ file: 's.json', message: 'metadata label.__proto__.polluted: "__proto__.polluted" is not a label path; only label fields can be given with --metadata label.<path>=<value>' },
				{ file: 's.json', message: 'metadata label.metrics.outputTokPerS: metrics come from the artifact, not from a label; only label fields can be given with --metadata label.<path>=<value>' },
			],
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(labelPathProblem('warmth')).toBeUndefined();
	});

	it('leaves the engine unstated for an OpenAI-compatible backend, which fits any server', () => {
		const outcome = importArtifact({ path: 's.json', text: serve({ backend: 'openai-chat' }) });
		expect(outcome.ok && outcome.records[0].draft.software).toBeUndefined();
	});
});
