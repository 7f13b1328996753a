/** A negative result as a row of the enhanced table: what its filters offer. */
import { describe, expect, it } from 'vitest';
import { negativesTableRow, shapeParts } from '../../src/lib/timeline/negatives-table';
import type { NegativeRow } from '../../src/lib/timeline/negatives';

const row = (engine: string): NegativeRow => ({
	id: `note:notes/${engine}.md`,
	kind: 'note',
	what: 'Fused allreduce',
	engine,
	shape: 'p512/n1536',
	result: '61.2 output tok/s',
	deltaText: 'not comparable',
	reason: 'Reject: slower',
	reasonCategory: 'regression',
	settings: [],
	dataPaths: [],
});

describe('the negative results table', () => {
	it('offers one engine option however the lab cased its name (vllm, vLLM)', () => {
		const [fromData, fromNote] = [negativesTableRow(row('vllm'), []), negativesTableRow(row('vLLM'), [])];
		expect(fromData.filters.engine).toBe(fromNote.filters.engine);
	});
});

describe('the "How it ran" label', () => {
	it('keeps a prompt/output shape on one line and lets the other labels wrap', () => {
		expect(shapeParts('p512/n1536, ctx 2048 · batch 1 · warm')).toEqual([
			{ text: 'p512/n1536,', whole: true },
			{ text: ' ctx 2048 · batch 1 · warm', whole: false },
		]);
		expect(shapeParts('shape not recorded · batch 1')).toEqual([{ text: 'shape not recorded · batch 1', whole: false }]);
	});
});
