import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/lib/site/link-check';
import { deployTarget } from '../../src/lib/site/deploy-target';

describe('built-site link check', () => {
	const files = new Set(['index.html', 'notes/a/index.html', '_astro/site.css', 'favicon.svg']);
	const page = (html: string) => [{ path: 'notes/a/index.html', html }];

	it('accepts links to pages and assets under the base path', () => {
		expect(findBrokenLinks(page('<a href="/lab/notes/a/">a</a> <link href="/lab/_astro/site.css"> <a href="../../">home</a> <a href="#top">t</a> <a href="https://x.example/">x</a>'), files, '/lab')).toEqual([]);
	});

	it('reports a page that does not exist and a link that escapes the base path', () => {
		expect(findBrokenLinks(page('<a href="/lab/notes/b/">b</a> <img src="/favicon.svg">'), files, '/lab')).toEqual([
			{ page: 'notes/a/index.html', href: '/lab/notes/b/', reason: 'leads to no file in the built site' },
			{ page: 'notes/a/index.html', href: '/favicon.svg', reason: 'is outside the base path /lab/' },
		]);
	});

	it('checks #anchors on the pages it is told to (the guides), against the ids of the target page', () => {
		const pages = [
			{ path: 'guides/g/index.html', html: '<h2 id="setup">Setup</h2> <a href="#setup">ok</a> <a href="#gone">bad</a> <a href="/lab/notes/a/#runs">ok</a> <a href="/lab/notes/a/#nope">bad</a>' },
			{ path: 'notes/a/index.html', html: '<h2 id="runs">Runs</h2> <a href="#missing">not checked on notes</a>' },
		];
		const all = new Set([...files, 'guides/g/index.html']);
		expect(findBrokenLinks(pages, all, '/lab', (path) => path.startsWith('guides/')).map((link) => link.href)).toEqual(['#gone', '/lab/notes/a/#nope']);
		expect(findBrokenLinks(pages, all, '/lab')).toEqual([]);
	});
});

describe('deploy target', () => {
	it('follows the repository name on GitHub Actions', () => {
		expect(deployTarget({ GITHUB_REPOSITORY: 'steveseguin/b70-optimization-lab' })).toMatchObject({ site: 'https://steveseguin.github.io', base: '/b70-optimization-lab' });
	});

	it('serves a user site from the root', () => {
		expect(deployTarget({ GITHUB_REPOSITORY: 'lab/lab.github.io' }).base).toBe('/');
	});

	it('lets SITE_URL and BASE_PATH override, and ignores empty repository variables', () => {
		expect(deployTarget({ GITHUB_REPOSITORY: 'o/r', SITE_URL: 'https://lab.example', BASE_PATH: '/' })).toMatchObject({ site: 'https://lab.example', base: '/' });
		expect(deployTarget({ GITHUB_REPOSITORY: 'o/r', SITE_URL: '', BASE_PATH: '' })).toMatchObject({ site: 'https://o.github.io', base: '/r' });
	});
});
