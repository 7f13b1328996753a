/** Where a record and its artifacts live, as links a reader can follow. */
import { blobUrl, recipePath, withBase } from '../site/paths';

/** A record's file, relative to the lab root (records are named by their path; see loaders). */
export const recordFile = (id: string) => `data/records/${id}.json`;

export interface LinkContext {
	base: string;
	repoUrl: string;
	branch: string;
}

/**
 * An artifact path as a link: https URLs as they are, recipe folders to their page on this
 * site, anything else to the file in the lab repository.
 */
export function artifactLink(path: string, { base, repoUrl, branch }: LinkContext): string {
	if (/^https:\/\//.test(path)) return path;
	const recipe = /^repro\/([^/]+)\/?$/.exec(path);
	if (recipe) return withBase(base, recipePath(recipe[1]));
	return blobUrl(repoUrl, branch, path.replace(/^\.?\//, ''));
}
