/**
 * The home page leads with what the lab has: a lab of notes and records only (the real lab has no
 * recipe) opens on its current best results, not on an empty recipe list.
 */
import { describe, expect, it } from 'vitest';
import { featuredInstall, homeLead } from '../../src/lib/site/home-lead';

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
});
