/** Links inside the site, so every page works under a base path (e.g. /b70-optimization-lab/). */
export function withBase(base: string, path: string): string {
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	return `${prefix}/${path.replace(/^\/+/, '')}`;
}

export const notePath = (id: string) => `notes/${id}/`;
export const recordPath = (id: string) => `records/${id}/`;
export const recipePath = (slug: string) => `repro/${slug}/`;

/** The GitHub URL that opens a lab file in the editor. */
export function editUrl(repoUrl: string, branch: string, labPath: string): string {
	return `${repoUrl.replace(/\/+$/, '')}/edit/${branch}/${labPath}`;
}

/** The GitHub URL that shows a lab file. */
export function blobUrl(repoUrl: string, branch: string, labPath: string): string {
	return `${repoUrl.replace(/\/+$/, '')}/blob/${branch}/${labPath}`;
}

/** data/x/y.json -> data/x/y/ (the page of a lab data file). */
export const dataPagePath = (labPath: string) => `data/${labPath.replace(/^data\//, '').replace(/\.json$/, '')}/`;
/** notes/x.md -> notes/x/ */
export const notePagePath = (labPath: string) => `notes/${labPath.replace(/^notes\//, '').replace(/\.md$/i, '')}/`;
/** results/x.md -> lab/results/x/ (write-ups outside notes/) */
export const writeupPath = (id: string) => `lab/${id}/`;

/**
 * Where a cited lab path leads: a note, write-up or data page on this site, a record page, or the
 * file on GitHub; https URLs as they are.
 */
export function labPathHref(path: string, { base, repoUrl, branch }: { base: string; repoUrl: string; branch: string }): string {
	if (/^https:\/\//.test(path)) return path;
	if (/^notes\/.+\.md$/i.test(path)) return withBase(base, notePagePath(path));
	if (/^data\/records\/.+\.json$/.test(path)) return withBase(base, recordPath(path.replace(/^data\/records\//, '').replace(/\.json$/, '')));
	if (/^data\/.+\.json$/.test(path)) return withBase(base, dataPagePath(path));
	if (/^(results|plans)\/.+\.md$/i.test(path)) return withBase(base, writeupPath(path.replace(/\.md$/i, '')));
	return blobUrl(repoUrl, branch, path);
}
