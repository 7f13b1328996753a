import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferNoteMetadata } from '../../src/lib/notes/infer-metadata';
import { firstIsoDate } from '../../src/lib/notes/date-line';
import { validateNoteFrontmatter } from '../../src/lib/schema/note';

const LAB = join(import.meta.dirname, '../fixtures/lab');

/** Infers metadata for a fixture note that has no frontmatter. */
function inferFixture(path: string) {
	return inferNoteMetadata({ path, body: readFileSync(join(LAB, path), 'utf8'), frontmatter: {} });
}

describe('note metadata inference', () => {
	it('takes the title from the first H1 and the date from the filename prefix', () => {
		const note = inferFixture('notes/2026-05-10-minimax-ccl-p2p-off-negative.md');
		expect(note).toMatchObject({ title: 'MiniMax CCL P2P-Off Negative', date: '2026-05-10', dateSource: 'filename' });
	});

	it('strips a leading date from the H1 title', () => {
		const note = inferFixture('notes/2026-05-06-fp8-tp4-ngram-sweep.md');
		expect(note.title).toBe('Qwen3.6 27B FP8 TP4 n-gram sweep');
	});

	it('ignores headings and Date: lines inside fenced code', () => {
		const note = inferNoteMetadata({
			path: 'notes/untitled.md',
			body: '```text\n# not a title\nDate: 1999-01-01\n```\n\n# Real title\n\nDate: 2026-05-02\n',
			frontmatter: {},
		});
		expect(note).toMatchObject({ title: 'Real title', date: '2026-05-02', dateSource: 'date-line' });
	});

	it('falls back to an irregular Date: line when the filename has no date', () => {
		const note = inferFixture('notes/b70-llm-lab-notes.md');
		expect(note).toMatchObject({ title: 'B70 LLM lab notes', date: '2026-05-18', dateSource: 'date-line' });
	});

	it('falls back to a date in the H1 when there is nothing else', () => {
		const note = inferFixture('notes/qwen-q4-span.md');
		expect(note).toMatchObject({ date: '2026-05-03', dateSource: 'title' });
	});

	it('reads the other wordings a summary file dates itself with, and not sentences that mention a date', () => {
		const dated = (body: string) => inferNoteMetadata({ path: 'CURRENT.md', body, frontmatter: {} }).date;
		expect(dated('# Current results\n\nLast updated: 2026-06-09\n')).toBe('2026-06-09');
		expect(dated('# Current results\n\n_Updated 2026-06-09_\n')).toBe('2026-06-09');
		expect(dated('# Current results\n\n**Date:** 2026-06-09 local / 2026-06-10 UTC\n')).toBe('2026-06-09');
		expect(dated('# Current results\n\nDate: to be set\n\nDate: 2026-06-08\n')).toBe('2026-06-08');
		expect(dated('# Current results\n\nUpdates to the 2026-06-01 runs follow.\n')).toBeUndefined();
		expect(dated('# Current results\n\nDated runs: 2026-06-01.\n')).toBeUndefined();
	});

	it('prefers the filename date over a Date: line', () => {
		const note = inferFixture('notes/2026-05-18-minimax-moe-ws-strict-win.md');
		expect(note).toMatchObject({ date: '2026-05-18', dateSource: 'filename' });
	});

	it('lets frontmatter override title, date, track and outcome', () => {
		const note = inferNoteMetadata({
			path: 'notes/2026-05-20-frontmatter-override.md',
			body: '# Heading that frontmatter overrides\n',
			frontmatter: { title: 'Frontmatter title wins', date: '2026-05-21', outcome: 'negative', track: 'qwen', tags: ['ccl'] },
		});
		expect(note).toMatchObject({
			title: 'Frontmatter title wins',
			date: '2026-05-21',
			dateSource: 'frontmatter',
			outcome: 'negative',
			track: 'qwen',
			tags: ['ccl'],
		});
	});

	it('leaves the date empty rather than guessing', () => {
		const note = inferNoteMetadata({ path: 'notes/ideas.md', body: '# Ideas\n\nNo dates at all.', frontmatter: {} });
		expect(note.date).toBeUndefined();
		expect(note.dateSource).toBeUndefined();
	});

	it('uses the filename when a note has no H1', () => {
		const note = inferNoteMetadata({ path: 'notes/2026-05-01-xe-link-probe.md', body: 'text only', frontmatter: {} });
		expect(note.title).toBe('xe link probe');
	});

	it('skips impossible dates', () => {
		expect(firstIsoDate('2026-13-45 then 2026-05-04')).toBe('2026-05-04');
	});
});

describe('note frontmatter', () => {
	it('refuses an unknown outcome, naming file and field', () => {
		const result = validateNoteFrontmatter({ outcome: 'win' }, 'notes/x.md');
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.message).toBe(
				'notes/x.md: outcome is "win" (text); write one of: positive, negative, diagnostic, blocker, neutral.',
			);
	});

	it('refuses a misspelled key instead of ignoring it', () => {
		const result = validateNoteFrontmatter({ titel: 'x' }, 'notes/x.md');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toBe('notes/x.md: titel is not a frontmatter field. Did you mean title?');
	});

	it('accepts a YAML date value', () => {
		const result = validateNoteFrontmatter({ date: new Date('2026-05-21T00:00:00Z') }, 'notes/x.md');
		expect(result.ok && result.data.date).toBe('2026-05-21');
	});
});
