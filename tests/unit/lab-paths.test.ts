/** Where a lab path leads: its page on this site when it has one, else the file on GitHub. */
import { describe, expect, it } from 'vitest';
import { labHref, labPathIndex, type LabLinkContext } from '../../src/lib/lab/lab-paths';

const files = ['data/sweep-20260601.json', 'data/artifacts/2026-12-02/ac06fdc5c3ca-llama-bench.json', 'data/lanes.json', 'notes/2026-06-01-sweep.md'];
const context = (pages?: Map<string, string>): LabLinkContext => ({
	base: '/',
	repoUrl: 'https://github.com/lab/repo',
	branch: 'main',
	index: labPathIndex(files, [], [], pages),
});

describe('links to data files', () => {
	// The inventory's page list: data files with a page (a copied artifact and a declaration have none).
	const pages = new Map([
		['data/sweep-20260601.json', 'data/sweep-20260601/'],
		['notes/2026-06-01-sweep.md', 'notes/2026-06-01-sweep/'],
	]);

	it('links a data file with a page to its page', () => {
		expect(labHref('data/sweep-20260601.json', context(pages))).toBe('/data/sweep-20260601/');
	});

	it('links a copied artifact or a declaration file to GitHub, never to a page that is not built', () => {
		expect(labHref('data/artifacts/2026-12-02/ac06fdc5c3ca-llama-bench.json', context(pages))).toBe('https://github.com/lab/repo/blob/main/data/artifacts/2026-12-02/ac06fdc5c3ca-llama-bench.json');
		expect(labHref('data/lanes.json', context(pages))).toBe('https://github.com/lab/repo/blob/main/data/lanes.json');
	});
});
