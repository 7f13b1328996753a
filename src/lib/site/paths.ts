/** Links inside the site, so every page works under a base path (e.g. /b70-optimization-lab/). */
export function withBase(base: string, path: string): string {
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	return `${prefix}/${path.replace(/^\/+/, '')}`;
}
