/** The timeline's tracks, named once: by the annotations, else as the lab declares them, else as the old timeline did. */
import { describe, expect, it } from 'vitest';
import { mergeTimelines } from '../../src/lib/timeline/promotions';
import type { TimelineFile } from '../../src/lib/schema/timeline';

const step = (track: string, change: string) => ({ track, date: '2026-05-01', change, why: 'kept' }) as TimelineFile['steps'][number];

describe('merging the timeline\'s sources', () => {
	const legacy: TimelineFile = {
		tracks: [
			{ id: 'model-a-gguf', label: 'Model A, GGUF and AutoRound' },
			{ id: 'retired', label: 'Retired experiments' },
		],
		steps: [step('model-a-gguf', 'Fuse two kernels'), step('retired', 'Try a thing')],
	};
	const declared: Record<string, string> = { 'model-a-gguf': 'Model A GGUF, llama.cpp', 'model-a-vllm': 'Model A AutoRound, vLLM' };
	const merge = (annotations?: TimelineFile) =>
		mergeTimelines({ annotations, legacy, promoted: [step('model-a-vllm', 'Promoted run')], trackLabel: (id) => declared[id] ?? id, declaredLabel: (id) => declared[id] })!;

	it('names an old section by the track the lab declares, and keeps the old heading of a track it does not declare', () => {
		expect(merge().tracks).toEqual([
			{ id: 'model-a-gguf', label: 'Model A GGUF, llama.cpp' },
			{ id: 'retired', label: 'Retired experiments' },
			{ id: 'model-a-vllm', label: 'Model A AutoRound, vLLM' },
		]);
	});

	it('keeps the label the lab\'s own annotations give a track', () => {
		const annotations: TimelineFile = { tracks: [{ id: 'model-a-gguf', label: 'GGUF path' }], steps: [step('model-a-gguf', 'Annotated change')] };
		expect(merge(annotations).tracks[0]).toEqual({ id: 'model-a-gguf', label: 'GGUF path' });
	});
});
