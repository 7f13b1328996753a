/**
 * What the home page leads with, from what the lab has: its best documented recipe when it has
 * recipes, else its current best results when it has any, else the (empty) recipe list, which
 * says how to write one. A lab of notes and records only should not open on an empty page.
 */
export interface HomeInstall {
	slug: string;
	title: string;
	/** The records the recipe produced. */
	results: readonly unknown[];
}

export type HomeLead = { kind: 'recipe'; install: HomeInstall } | { kind: 'current-best' } | { kind: 'recipes' };

/**
 * The recipe the home page features: the one that produced the most records (the best documented
 * by its own results), the first by title among equals. No recipe is named in the code: the lab
 * decides by what it writes.
 */
export function featuredInstall<T extends HomeInstall>(installs: readonly T[]): T | undefined {
	const byTitle = [...installs].sort((a, b) => a.title.localeCompare(b.title));
	return byTitle.reduce<T | undefined>((best, install) => (!best || install.results.length > best.results.length ? install : best), undefined);
}

export function homeLead(installs: readonly HomeInstall[], tracksWithResults: number): HomeLead {
	const install = featuredInstall(installs);
	if (install) return { kind: 'recipe', install };
	return tracksWithResults > 0 ? { kind: 'current-best' } : { kind: 'recipes' };
}

/** The home page's first button for a lead: its words and the site path it opens (without the base). */
export function leadAction(lead: HomeLead, recipePath: (slug: string) => string): { text: string; path: string } {
	if (lead.kind === 'recipe') return { text: 'Follow the best documented recipe', path: recipePath(lead.install.slug) };
	if (lead.kind === 'current-best') return { text: 'See the current best results', path: 'current-best/' };
	return { text: 'Browse recipes', path: 'repro/' };
}
