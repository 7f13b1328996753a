import { describe, expect, it } from 'vitest';
import { flagIntroductions, flagsIn } from '../../src/lib/site/search-flags';

const note = (path: string, title: string, date: string, body: string) => ({ path, title, date, body });

describe('the note that introduced a flag', () => {
	it('reads flags as the lab writes them, not words in capitals', () => {
		expect(flagsIn('Set `VLLM_XPU_ENABLE_XPU_GRAPH=1` and CCL_P2P=0; see README (TP4, FP8_E4M3, A_B).')).toEqual(['VLLM_XPU_ENABLE_XPU_GRAPH', 'CCL_P2P', 'FP8_E4M3']);
	});

	it('is the note named after the flag, even when an older note mentions it in a later retest', () => {
		const notes = [
			note('notes/2026-05-10-minimax-out-of-place-allreduce-negative.md', 'MiniMax out-of-place allreduce', '2026-05-10', '## 2026-05-13 retest\n- `VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE=1`'),
			note('notes/2026-05-12-minimax-attn-delay-allreduce.md', 'MiniMax Attention Delayed Allreduce', '2026-05-12', 'New flag `VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE=1` delays the all-reduce.'),
			note('notes/2026-05-14-minimax-graph-win.md', 'MiniMax graph win', '2026-05-14', 'VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE=1 VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE=1'),
		];
		const introduced = flagIntroductions(notes);
		expect(introduced.get('notes/2026-05-12-minimax-attn-delay-allreduce.md')).toEqual(['VLLM_MINIMAX_M2_ATTN_DELAY_ALLREDUCE']);
		expect(introduced.has('notes/2026-05-14-minimax-graph-win.md')).toBe(false);
	});

	it('is the earliest note when no name says more than another', () => {
		const notes = [
			note('notes/b.md', 'QK RMS helper retest', '2026-05-10', 'VLLM_MINIMAX_QK_RMS_XPU_HELPER=1'),
			note('notes/a.md', 'QK RMS helper', '2026-05-09', 'VLLM_MINIMAX_QK_RMS_XPU_HELPER=1'),
		];
		expect([...flagIntroductions(notes)]).toEqual([['notes/a.md', ['VLLM_MINIMAX_QK_RMS_XPU_HELPER']]]);
	});
});
