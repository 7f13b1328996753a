/**
 * The dev server's edit loop. A saved lab file asks Astro to reload the lab's collections through
 * `refreshContent`, naming the files that changed, instead of each loader reloading itself from its
 * own watcher. A refresh ends by writing the data store at once; a loader's own reload waited for
 * the store's 500 ms save debounce, a quarter of the edit loop. Saves that arrive while a refresh
 * runs are gathered into the next one.
 */
import { randomUUID } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { LAB_LOADER_NAMES, type LabChange } from './lab-loader-names';

/** The lab files a page is made from; the rest of a lab checkout (scripts, logs) is never read. */
const LAB_FOLDERS = /^(notes|data|repro|results|plans)\/|^[^/]+\.(md|html)$/;

/** The lab path of a file the watcher names, or undefined when the site does not read it. */
export function labPathOf(lab: string, path: string): string | undefined {
	const inLab = relative(lab, path).split(sep).join('/');
	return inLab.startsWith('..') || !LAB_FOLDERS.test(inLab) ? undefined : inLab;
}

/**
 * Turns watcher events into refreshes: one at a time, each naming every path heard since the last
 * one began.
 */
export function refreshQueue(refresh: (change: LabChange) => Promise<void>, onError: (error: Error) => void): (path: string) => void {
	const heard = new Set<string>();
	let running = false;
	const drain = async () => {
		running = true;
		while (heard.size) {
			const paths = [...heard];
			heard.clear();
			try {
				await refresh({ id: randomUUID(), paths });
			} catch (error) {
				onError(error as Error);
			}
		}
		running = false;
	};
	return (path) => {
		heard.add(path);
		if (!running) void drain();
	};
}

export function labWatch({ lab }: { lab: string }): AstroIntegration {
	return {
		name: 'b70-lab-watch',
		hooks: {
			'astro:server:setup': ({ server, refreshContent, logger }) => {
				if (!refreshContent) return;
				const changed = refreshQueue(
					(labChange) => refreshContent({ loaders: [...LAB_LOADER_NAMES], context: { labChange } }),
					(error) => logger.error(error.message),
				);
				server.watcher.add(lab);
				server.watcher.on('all', (_event, path) => {
					const inLab = labPathOf(lab, path);
					if (inLab !== undefined) changed(inLab);
				});
			},
		},
	};
}
