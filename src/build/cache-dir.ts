/**
 * Where Astro keeps its content-layer cache. Each content root gets its own folder, so building
 * another lab checkout (LAB_DIR) never mixes its entries with this project's; ASTRO_CACHE_DIR
 * (tests, the benchmark) overrides it.
 */
import { createHash } from 'node:crypto';

export function contentCacheDir({ env, lab, projectRoot }: { env: Record<string, string | undefined>; lab: string; projectRoot: string }): string {
	if (env.ASTRO_CACHE_DIR) return env.ASTRO_CACHE_DIR;
	if (lab === projectRoot) return './node_modules/.astro';
	return `./node_modules/.astro/lab-${createHash('sha256').update(lab).digest('hex').slice(0, 12)}`;
}
