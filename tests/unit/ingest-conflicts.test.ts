/** When a label file contradicts what the artifact states, and when it only names it differently. */
import { describe, expect, it } from 'vitest';
import { labelConflicts, sameLabelValue, yieldToArtifact } from '../../src/lib/ingest/conflicts';

describe('labels the artifact states', () => {
	it.each([
		['hardware.gpu', 'Intel(R) Graphics [0xe223]', 'Intel Arc Pro B70 32GB', true],
		['hardware.gpu', 'Intel(R) Arc(TM) Pro B70 Graphics', 'Intel Arc Pro B70 32GB', true],
		['hardware.gpu', 'Intel(R) Arc(TM) Pro B60 Graphics', 'Intel Arc Pro B70 32GB', false],
		['hardware.gpu', 'NVIDIA GeForce RTX 4090', 'Intel Arc Pro B70 32GB', false],
		['hardware.gpu', 'NVIDIA GeForce RTX 4090', 'RTX 4090 24GB', true],
		['model.id', 'Qwen3.6-27B-Q4_0.gguf', 'Qwen/Qwen3.6-27B', true],
		['model.id', 'Qwen3.6-27B-Q4_0.gguf', 'Lasimeri/MiniMax-M2.7-int4-AutoRound', false],
		['software.engine.name', 'llama.cpp', 'llamacpp', true],
		['software.engine.name', 'llama.cpp', 'vllm', false],
		['hardware.gpuCount', 3, 4, false],
	] as const)('%s: %s vs %s agree: %s', (label, artifact, given, same) => {
		expect(sameLabelValue(label, artifact, given)).toBe(same);
	});

	it('names every contradiction with its source; not recorded contradicts nothing', () => {
		const draft = { software: { engine: { name: 'llama.cpp' } }, hardware: { gpuCount: 3, gpu: 'not recorded' } };
		const conflicts = labelConflicts(draft, [
			{ source: 'repro/x/record-defaults.json', labels: { software: { engine: { name: 'vllm' } }, hardware: { gpuCount: 4, gpu: 'Intel Arc Pro B70' } } },
			{ source: 'labels.json', labels: { hardware: { gpuCount: 3 } } },
		]);
		expect(conflicts).toEqual([
			{ label: 'software.engine.name', artifact: 'llama.cpp', given: 'vllm', source: 'repro/x/record-defaults.json' },
			{ label: 'hardware.gpuCount', artifact: 3, given: 4, source: 'repro/x/record-defaults.json' },
		]);
	});

	it('taking the artifact drops the contradicting labels and what went with another engine', () => {
		const layer = { source: 'd', labels: { track: 'minimax', software: { os: 'Ubuntu', driver: 'PyTorch XPU', engine: { name: 'vllm', version: '0.20.1' } }, hardware: { gpuCount: 4, ramGb: 128 } } };
		const settled = yieldToArtifact(layer, [
			{ label: 'software.engine.name', artifact: 'llama.cpp', given: 'vllm', source: 'd' },
			{ label: 'hardware.gpuCount', artifact: 3, given: 4, source: 'd' },
		]);
		expect(settled.labels).toEqual({ software: { os: 'Ubuntu' }, hardware: { ramGb: 128 } });
	});
});
