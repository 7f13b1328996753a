import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageSlug, pageSlugs } from '../../src/lib/site/page-slug';

/** A slug Astro can match to its static path: each segment survives URL encoding unchanged. */
const routable = (slug: string) =>
	slug.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && encodeURIComponent(segment) === segment && segment === segment.toLowerCase());

describe('page slugs for lab files', () => {
	it('keeps ordinary lab names as they are', () => {
		for (const id of ['2026-05-04-qwen36-fp8-b70-fa2', 'results/minimax-m27.v2', 'records/imported/localmaxxing-abc']) expect(pageSlug(id)).toBe(id);
	});

	it.each([
		['a backslash', 'notes\\evil', 'notes/evil'],
		['an encoded ..', '%2e%2e/%2E%2E/x', '2e-2e/2e-2e/x'],
		['spaces and symbols', 'My Run (final)!', 'my-run-final'],
		['accents in NFD', 'cafe\u0301', 'cafe'],
	])('makes %s routable', (_, id, slug) => {
		expect(pageSlug(id)).toBe(slug);
		expect(routable(pageSlug(id))).toBe(true);
	});

	it('never lets a .. or . segment through', () => {
		expect(pageSlug('../../etc/passwd')).toMatch(/^x-[0-9a-f]{6}\/x-[0-9a-f]{6}\/etc\/passwd$/);
		expect(pageSlug('./a')).toMatch(/^x-[0-9a-f]{6}\/a$/);
	});

	it('gives names that differ only by case or Unicode form distinct, stable slugs', () => {
		const slugs = pageSlugs(['dup', 'DUP', 'caf\u00e9', 'cafe\u0301', 'notes\\x', 'notes/x']);
		expect(slugs.get('dup')).toEqual({ slug: 'dup' });
		expect(slugs.get('DUP')?.slug).toMatch(/^dup-[0-9a-f]{6}$/);
		expect(slugs.get('DUP')?.renamed).toMatch(/^shares its page name with dup; its page is dup-/);
		expect(slugs.get('caf\u00e9')!.slug).not.toBe(slugs.get('cafe\u0301')!.slug);
		expect(slugs.get('notes/x')).toEqual({ slug: 'notes/x' });
		// Adding another file never moves a page that already had its name.
		const more = pageSlugs(['DUP', 'dup', 'Dup']);
		expect(more.get('DUP')?.slug).toBe(slugs.get('DUP')?.slug);
		expect(more.get('dup')).toEqual({ slug: 'dup' });
	});

	it('keeps a token in a file name out of the page address', () => {
		const token = `ghp_${'Zq8Xw3Rt5Yp7Lk2Mn4Bv6Cx9'.repeat(2).slice(0, 36)}`;
		expect(pageSlug(`results/raw/run-${token}`)).toBe('results/raw/run-secret-removed');
	});

	it('keeps clear of the site’s own pages', () => {
		const slugs = pageSlugs(['by-track', 'index'], ['by-track', 'by-outcome']);
		expect(slugs.get('by-track')?.slug).toMatch(/^by-track-[0-9a-f]{6}$/);
		expect(slugs.get('index')).toEqual({ slug: 'index' });
	});

	it('always gives every id a routable slug of its own', () => {
		const segment = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 12 }),
			fc.constantFrom('..', '.', '%2e%2e', 'dup', 'DUP', 'Dup', 'caf\u00e9', 'cafe\u0301', '\\', 'a\\b', 'by-track'),
		);
		fc.assert(
			fc.property(fc.array(fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')), { maxLength: 30 }), (ids) => {
				const slugs = pageSlugs(ids, ['by-track']);
				const all = [...slugs.values()].map((entry) => entry.slug);
				expect(new Set(all).size).toBe(new Set(ids).size);
				expect(all.every(routable)).toBe(true);
				expect(all).not.toContain('by-track');
			}),
			{ seed: 13, numRuns: 300 },
		);
	});
});
