import { describe, expect, it } from 'vitest';
import { importLegacyTimeline } from '../../src/lib/lab/legacy-timeline-records';
import { legacyDate, parseLegacyTimeline } from '../../src/lib/lab/legacy-timeline';
import { computeTimeline, NO_COMPARABLE_RUN } from '../../src/lib/timeline/timeline';

// Shaped like the lab's old optimization-timeline.html: section rows, then 7-column rows.
const HTML = `<!doctype html><html><body><table>
<thead><tr><th>Track</th><th>Date</th><th>Change / action</th><th>Result after change</th><th>Gain</th><th>Why it stayed in the path</th><th>Source</th></tr></thead>
<tbody>
<tr><td colspan="7">Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL</td></tr>
<tr><td>Qwen Q4</td><td>May 3</td><td>Set the baseline.</td><td>24.249 tok/s</td><td>Baseline</td><td>Comparison point.</td><td><a href="results/q4.md">result</a></td></tr>
<tr><td>Qwen Q4</td><td>May 3-4</td><td>Make tensor split viable.</td><td>37.690 tok/s, 2x</td><td>+40.26%</td><td>Useful scaling.</td><td><a href="patches/split.patch">patch</a> <a href="missing.md">gone</a></td></tr>
<tr><td colspan="7">MiniMax M2.7</td></tr>
<tr><td>MiniMax</td><td>May 5</td><td>Prototype split experts.</td><td>Graph reserved</td><td>Diagnostic</td><td>Turned a crash into a blocker.</td><td></td></tr>
</tbody></table></body></html>`;

describe('the old hand-written timeline', () => {
	const rows = parseLegacyTimeline(HTML, 2026);

	it('reads every row with its track, date, change, result, why and sources', () => {
		expect(rows).toHaveLength(3);
		expect(rows[1]).toEqual({
			track: { id: 'qwen-q4-gguf', label: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' },
			date: '2026-05-03',
			change: 'Make tensor split viable.',
			result: '37.690 tok/s, 2x',
			value: 37.69,
			gpuCount: 2,
			why: 'Useful scaling.',
			sources: ['patches/split.patch', 'missing.md'],
		});
		expect(rows[2]).toMatchObject({ track: { id: 'minimax-autoround-vllm' }, value: undefined });
	});

	it('reads dates like "May 3-4" as their first day', () => {
		expect(legacyDate('May 3-4', 2026)).toBe('2026-05-03');
		expect(legacyDate('sometime', 2026)).toBeUndefined();
	});

	it('becomes records and annotations; the old typed gains are not copied', () => {
		const imported = importLegacyTimeline(rows, 'optimization-timeline.html', (href) => (href === 'missing.md' ? undefined : href));
		expect(imported.records.map((record) => [record.id, record.record.metrics.outputTokPerS, record.record.hardware.gpuCount])).toEqual([
			['imported/timeline-01-set-the-baseline', 24.249, 'not recorded'],
			['imported/timeline-02-make-tensor-split-viable', 37.69, 2],
		]);
		expect(imported.timeline.steps).toHaveLength(3);
		expect(imported.timeline.steps[1].sources).toEqual(['patches/split.patch']);
		expect(imported.timeline.steps[2]).toMatchObject({ date: '2026-05-05', result: 'Graph reserved' });
		expect(imported.timeline.steps[2].record).toBeUndefined();
		const timeline = computeTimeline(imported.timeline, new Map(imported.records.map((record) => [record.id, record.record])));
		expect(timeline.steps.map((step) => step.gains.outputTokPerS.text)).toEqual([NO_COMPARABLE_RUN, NO_COMPARABLE_RUN, NO_COMPARABLE_RUN]);
		expect(timeline.steps.map((step) => step.change)).toEqual(['Set the baseline.', 'Make tensor split viable.', 'Prototype split experts.']);
	});
});

describe('a section of the old timeline that covers two tracks in turn', () => {
	const TRACKS = [
		{ id: 'gemma-vllm', label: 'Gemma 4, vLLM/XPU', match: [['gemma'], ['vllm', 'autoround']] },
		{ id: 'gemma-gguf', label: 'Gemma 4 GGUF, llama.cpp', match: [['gemma'], ['gguf', 'rpc', 'llama']] },
	] as Parameters<typeof parseLegacyTimeline>[2];
	const row = (cell: string, change: string, result: string) => `<tr><td>${cell}</td><td>May 8</td><td>${change}</td><td>${result}</td><td></td><td></td><td></td></tr>`;
	const html = `<table><tbody><tr><td colspan="7">Gemma 4, GGUF/RPC and AutoRound/vLLM</td></tr>
${row('Gemma', 'Switch to llama.cpp RPC workers.', '14.2 tok/s')}
${row('Gemma', 'Use runtime row packing.', '17.6 tok/s')}
${row('Gemma', 'Repair vLLM MoE quantization for AutoRound.', '13.4 tok/s')}
${row('Gemma', 'Remove a per-layer cast.', '34.1 tok/s')}
${row('Not promoted', 'Graph capture, PP2.', 'Regressed')}
</tbody></table>`;

	it('gives each row the track its own words name, else the track of the row before; a group row keeps its own', () => {
		expect(parseLegacyTimeline(html, 2026, TRACKS).map((entry) => entry.track.id)).toEqual(['gemma-gguf', 'gemma-gguf', 'gemma-vllm', 'gemma-vllm', 'not-promoted']);
	});
});
