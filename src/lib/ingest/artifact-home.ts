/**
 * Provenance that resolves: a record names its artifact by a path inside the lab, so the link on
 * its page opens a file that is in the repository. An artifact from outside the lab is copied to
 * data/artifacts/<date>/<sha12>-<name> (a folder the data pages skip: raw results, not lab data),
 * named by its content so ingesting it again reuses the same copy.
 */
import { createHash } from 'node:crypto';

export const ARTIFACTS_FOLDER = 'data/artifacts';

/** A path inside the lab: not absolute (/x, ~/x, C:\x, \\host), no ".." segment, no backslashes. */
export function isLabRelativePath(path: string): boolean {
	if (/^([/~\\]|[a-z]:)/i.test(path) || path.includes('\\')) return false;
	return !path.split('/').some((segment) => segment === '..');
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'artifact';

/**
 * Where an outside artifact lives in the lab. `existing` lists the lab's files under
 * data/artifacts/: the same content already copied on another day is reused, not copied again.
 */
export function artifactHome(name: string, content: string | Uint8Array, date: string, existing: readonly string[]): string {
	const sha12 = createHash('sha256').update(content).digest('hex').slice(0, 12);
	const fileName = `${sha12}-${safeName(name)}`;
	return existing.find((path) => path.startsWith(`${ARTIFACTS_FOLDER}/`) && path.endsWith(`/${fileName}`)) ?? `${ARTIFACTS_FOLDER}/${date}/${fileName}`;
}
