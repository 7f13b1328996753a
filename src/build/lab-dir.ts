/**
 * Where the lab's content lives. By default the project itself (notes/, repro/, data/ at the
 * repository root); `LAB_DIR=<path>` builds the site from another checkout with the same layout,
 * which is how the lab keeps its own repository as it is.
 */
import { resolve } from 'node:path';

/**
 * The project root is the working directory: npm runs scripts there, and this module is also
 * bundled into the built pages, where import.meta.url no longer points into src/.
 */
export const PROJECT_ROOT = process.cwd();

export function labDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.LAB_DIR ? resolve(PROJECT_ROOT, env.LAB_DIR) : PROJECT_ROOT;
}
