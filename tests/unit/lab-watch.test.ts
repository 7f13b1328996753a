import { describe, expect, it } from 'vitest';
import { labPathOf, refreshQueue } from '../../src/build/lab-watch';
import type { LabChange } from '../../src/build/lab-session';

describe('the dev server watching the lab', () => {
	it('hears the files pages are made from, not the rest of a checkout', () => {
		expect(labPathOf('/lab', '/lab/notes/2026-05-10-a.md')).toBe('notes/2026-05-10-a.md');
		expect(labPathOf('/lab', '/lab/CURRENT.md')).toBe('CURRENT.md');
		expect(labPathOf('/lab', '/lab/data/runs/x.json')).toBe('data/runs/x.json');
		expect(labPathOf('/lab', '/lab/scripts/run.sh')).toBeUndefined();
		expect(labPathOf('/lab', '/project/src/pages/index.astro')).toBeUndefined();
	});

	it('refreshes once per change, and gathers saves heard during a refresh into the next one', async () => {
		const refreshes: LabChange[] = [];
		let finish: () => void = () => {};
		const changed = refreshQueue(
			(change) => {
				refreshes.push(change);
				return new Promise<void>((resolve) => (finish = resolve));
			},
			() => {},
		);
		changed('notes/a.md');
		expect(refreshes.map((change) => change.paths)).toEqual([['notes/a.md']]);
		changed('notes/b.md');
		changed('data/b.json');
		changed('notes/b.md');
		expect(refreshes).toHaveLength(1); // the first refresh is still running
		finish();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(refreshes.map((change) => change.paths)).toEqual([['notes/a.md'], ['notes/b.md', 'data/b.json']]);
		expect(new Set(refreshes.map((change) => change.id)).size).toBe(2);
		finish();
	});

	it('keeps listening after a refresh fails, and says why', async () => {
		const errors: string[] = [];
		let calls = 0;
		const changed = refreshQueue(async () => {
			calls++;
			if (calls === 1) throw new Error('notes/a.md: invalid frontmatter');
		}, (error) => errors.push(error.message));
		changed('notes/a.md');
		await new Promise((resolve) => setTimeout(resolve, 0));
		changed('notes/a.md');
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(errors).toEqual(['notes/a.md: invalid frontmatter']);
		expect(calls).toBe(2);
	});
});
