/**
 * Where the lab's content lives. By default the project itself (notes/, repro/, data/ at the
 * repository root); `LAB_DIR=<path>` builds the site from another checkout with the same layout,
 * which is how the lab keeps its own repository as it is.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function labDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.LAB_DIR ? resolve(env.LAB_DIR) : PROJECT_ROOT;
}
