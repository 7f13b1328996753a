/**
 * The timeline's table of steps, a page at a time: the chart draws every step from its own data
 * file, but the table (the page's reading path without JavaScript) would otherwise grow with the
 * lab's whole history. The first page holds the newest steps; each page keeps the timeline's own
 * order among its steps, so a lab with fewer steps than a page reads exactly as one table.
 */
import { rowsPerPage } from '../tables/pages';

/** Steps per page: eight tables' worth of rows, since the timeline page carries no other table. */
export const timelineStepsPerPage = (env: Record<string, string | undefined>): number => 8 * rowsPerPage(env);

/** The steps of each page, newest first across pages and in timeline order within one. */
export function timelineStepPages<T extends { date: string }>(steps: readonly T[], size: number): T[][] {
	const newestFirst = steps.map((step, index) => ({ step, index })).sort((a, b) => b.step.date.localeCompare(a.step.date) || b.index - a.index);
	const pages: T[][] = [];
	for (let start = 0; start < newestFirst.length; start += size) {
		pages.push(newestFirst.slice(start, start + size).sort((a, b) => a.index - b.index).map(({ step }) => step));
	}
	return pages.length ? pages : [[]];
}

/** The newest step's date: the timeline lists steps by track, so it is the greatest date, not the last step's. */
export function newestStepDate(steps: ReadonlyArray<{ date: string }>): string | undefined {
	return steps.reduce<string | undefined>((newest, step) => (newest === undefined || step.date > newest ? step.date : newest), undefined);
}

/** A page's steps grouped under their tracks, in the tracks' order; tracks with no step on the page are left out. */
export function stepsByTrack<S extends { track: string }, T extends { id: string }>(steps: readonly S[], tracks: readonly T[]): Array<T & { steps: S[] }> {
	return tracks.map((track) => ({ ...track, steps: steps.filter((step) => step.track === track.id) })).filter((track) => track.steps.length > 0);
}
