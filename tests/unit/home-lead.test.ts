/**
 * The home page leads with what the lab has: a lab of notes and records only (the real lab has no
 * recipe) opens on its current best results, not on an empty recipe list.
 */
import { describe, expect, it } from 'vitest';
import { featuredInstall, homeLead, leadAction } from '../../src/lib/site/home-lead';

const install = (slug: string, title: string, results: number) => ({ slug, title, results: Array.from({ length: results }, (_, i) => `${slug}-${i}`) });

describe('what the home page leads with', () => {
	it('features the recipe that produced the most records, whatever it is called', () => {
		const installs = [install('a-small', 'A small recipe', 1), install('z-big', 'Z big recipe', 3), install('m-mid', 'M middle recipe', 2)];
		expect(featuredInstall(installs)?.slug).toBe('z-big');
		expect(homeLead(installs, 4)).toEqual({ kind: 'recipe', install: installs[1] });
	});

	it('among recipes with as many records, features the first by title', () => {
		expect(featuredInstall([install('b', 'Beta', 2), install('a', 'Alpha', 2)])?.slug).toBe('a');
		expect(featuredInstall([install('only', 'Only, no records yet', 0)])?.slug).toBe('only');
	});

	it('leads a lab without recipes to its current best, and a lab with neither to the recipe list', () => {
		expect(homeLead([], 5)).toEqual({ kind: 'current-best' });
		expect(homeLead([], 0)).toEqual({ kind: 'recipes' });
	});

	it('words the first button for what it opens', () => {
		const recipePath = (slug: string) => `repro/${slug}/`;
		expect(leadAction(homeLead([install('z-big', 'Z big recipe', 3)], 2), recipePath)).toEqual({ text: 'Follow the best documented recipe', path: 'repro/z-big/' });
		expect(leadAction(homeLead([], 2), recipePath)).toEqual({ text: 'See the current best results', path: 'current-best/' });
		expect(leadAction(homeLead([], 0), recipePath)).toEqual({ text: 'Browse recipes', path: 'repro/' });
	});
});
