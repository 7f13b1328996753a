/** The timeline's table, paged: newest steps first, every step on exactly one page, timeline order within a page. */
import { describe, expect, it } from 'vitest';
import { newestStepDate, stepsByTrack, timelineStepPages, timelineStepsPerPage } from '../../src/lib/timeline/step-pages';

const step = (track: string, date: string) => ({ track, date, id: `${track}-${date}` });

describe('pages of timeline steps', () => {
	// The timeline lists steps by track, then date: the newest step of the lab may sit mid-list.
	const steps = [step('gguf', '2026-05-01'), step('gguf', '2026-05-09'), step('vllm', '2026-05-03'), step('vllm', '2026-05-12'), step('vllm', '2026-05-14')];

	it('keeps a lab smaller than a page as one table, in the timeline order', () => {
		expect(timelineStepPages(steps, 10)).toEqual([steps]);
	});

	it('puts the newest steps on the first page and every step on exactly one page', () => {
		const pages = timelineStepPages(steps, 2);
		expect(pages.map((page) => page.map((s) => s.id))).toEqual([
			['vllm-2026-05-12', 'vllm-2026-05-14'],
			['gguf-2026-05-09', 'vllm-2026-05-03'],
			['gguf-2026-05-01'],
		]);
		expect(pages.flat().map((s) => s.id).sort()).toEqual(steps.map((s) => s.id).sort());
	});

	it('has one empty page for a lab with no steps (the page says so)', () => {
		expect(timelineStepPages([], 10)).toEqual([[]]);
	});

	it('scales with TABLE_ROWS_PER_PAGE, as the other tables do', () => {
		expect(timelineStepsPerPage({ TABLE_ROWS_PER_PAGE: '2' })).toBe(16);
	});

	it('dates the timeline by its newest step, wherever its track puts it', () => {
		expect(newestStepDate(steps)).toBe('2026-05-14');
		expect(newestStepDate([step('gguf', '2026-05-09'), step('vllm', '2026-05-03')])).toBe('2026-05-09');
		expect(newestStepDate([])).toBeUndefined();
	});

	it("groups a page's steps under their tracks, in the tracks' order, leaving out tracks with none", () => {
		const tracks = [{ id: 'vllm', label: 'vLLM' }, { id: 'empty', label: 'Empty' }, { id: 'gguf', label: 'GGUF' }];
		expect(stepsByTrack(steps, tracks)).toEqual([
			{ id: 'vllm', label: 'vLLM', steps: steps.slice(2) },
			{ id: 'gguf', label: 'GGUF', steps: steps.slice(0, 2) },
		]);
	});
});
