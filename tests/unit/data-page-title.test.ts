import { describe, expect, it } from 'vitest';
import { dataPageTitle, readDataFile, readsAsWords } from '../../src/lib/lab/data-pages';

describe('data page titles in the lab\'s words', () => {
	it('tells words from slugs', () => {
		expect(readsAsWords('Ring all-reduce off, warm rerun')).toBe(true);
		expect(readsAsWords('minimax-moe-output-ar-inside-customop-20260519')).toBe(false);
		expect(readsAsWords('sycl_best_single_graph_fa0_ub64')).toBe(false);
		expect(readsAsWords('baseline')).toBe(false);
		expect(readsAsWords('  ')).toBe(false);
		expect(readsAsWords(undefined)).toBe(false);
	});

	it("prefers the paired note's title, then the file's own words, then the file name", () => {
		const path = 'data/minimax-moe-output-ar-inside-customop-20260519.json';
		expect(dataPageTitle(path, 'minimax-moe-output-ar-inside-customop', 'MiniMax MoE output all-reduce inside the custom op')).toBe(
			'MiniMax MoE output all-reduce inside the custom op',
		);
		expect(dataPageTitle(path, 'MoE output all-reduce inside custom op', undefined)).toBe('MoE output all-reduce inside custom op');
		expect(dataPageTitle(path, 'minimax-moe-output-ar-inside-customop', undefined)).toBe('minimax-moe-output-ar-inside-customop-20260519.json');
	});

	it('titles a data file read from the lab by its note', () => {
		const file = readDataFile(
			{ path: 'data/qwen-q4-eventbarrier-20260504.json', text: JSON.stringify({ experiment: 'qwen-q4-eventbarrier-followup', status: 'negative' }), size: 60 },
			{ tracks: [], pairedNote: 'notes/2026-05-04-qwen-eventbarrier.md', pairedNoteTitle: 'Qwen Q4_0 event barrier follow-up' },
		);
		expect(file.title).toBe('Qwen Q4_0 event barrier follow-up');
		const alone = readDataFile({ path: 'data/qwen-q4-eventbarrier-20260504.json', text: JSON.stringify({ experiment: 'qwen-q4-eventbarrier-followup' }), size: 40 }, { tracks: [] });
		expect(alone.title).toBe('qwen-q4-eventbarrier-20260504.json');
	});
});
