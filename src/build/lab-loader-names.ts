/**
 * The names of the loaders that read the lab (src/build/loaders.ts). The dev server's watcher
 * (src/build/lab-watch.ts) refreshes exactly these when a lab file changes; it is loaded with the
 * Astro config, apart from the loaders, so the names live here.
 */
export const LAB_LOADER_NAMES = [
	'lab-notes',
	'lab-writeups',
	'lab-records',
	'lab-recipes',
	'lab-data',
	'lab-report',
	'lab-lanes',
	'lab-tracks',
	'site-gpus',
	'site-photos',
	'lab-timeline',
] as const;

export type LabLoaderName = (typeof LAB_LOADER_NAMES)[number];

/** What the watcher tells the loaders: the lab paths that changed, under one id per change. */
export type { LabChange } from './lab-session';
