/**
 * What a lab path is: which kind of material, which page of the site shows it, which record id
 * it holds, and where a link to it leads. Every page, check, loader and importer asks this module,
 * so a path links to the same place from a note, a record's provenance and /negative-results/.
 */
import { withBase } from '../site/paths';

export const RECORDS_FOLDER = 'data/records';

const RECORD_FILE = /^data\/records\/(.+)\.json$/;
const NOTE_FILE = /^notes\/(.+)\.md$/i;
const DATA_JSON = /^data\/(.+)\.json$/;
const RECIPE_README = /^repro\/([^/]+)\/README\.md$/;
const FRONTMATTER_START = /^---\r?\n/;

export const isRecordFile = (path: string) => RECORD_FILE.test(path);
export const isNoteFile = (path: string) => NOTE_FILE.test(path);

/** data/records/x/y.json -> "x/y" (the record's id); undefined for any other path. */
export const recordIdOf = (path: string): string | undefined => RECORD_FILE.exec(path)?.[1];
/** The file a strict record with this id lives in. */
export const recordFileOf = (id: string) => `${RECORDS_FOLDER}/${id}.json`;

/** notes/x.md -> "x" */
export const noteIdOf = (path: string) => NOTE_FILE.exec(path)?.[1] ?? path;
/** results/x.md -> "results/x" */
export const writeupIdOf = (path: string) => path.replace(/\.md$/i, '');
/** data/x/y.json -> "x/y" */
export const dataIdOf = (path: string) => DATA_JSON.exec(path)?.[1] ?? path;

/** repro/<slug>/README.md with frontmatter is a recipe; without frontmatter it is a write-up. */
export const isRecipeReadme = (path: string, text: string | undefined) =>
	RECIPE_README.test(path) && !!text && FRONTMATTER_START.test(text);

/** Markdown outside notes/ that the site shows as a write-up (root files only in a lab checkout). */
export function isWriteupFile(path: string, includeRootDocuments: boolean): boolean {
	if (/^(results|plans|repro)\/.+\.md$/i.test(path)) return true;
	return includeRootDocuments && /^[^/]+\.md$/i.test(path);
}

/** A data JSON that gets a page: under data/ but not a strict record. */
export const isDataPageFile = (path: string) => DATA_JSON.test(path) && !isRecordFile(path);

/** Site pages (relative to the base) of each kind of material. */
export const sitePages = {
	note: (id: string) => `notes/${id}/`,
	writeup: (id: string) => `lab/${id}/`,
	data: (id: string) => `data/${id}/`,
	record: (id: string) => `records/${id}/`,
	recipe: (slug: string) => `repro/${slug}/`,
};

/** What the link resolver knows about the lab: which files and folders exist, and their kinds. */
export interface LabPathIndex {
	files: ReadonlySet<string>;
	folders: ReadonlySet<string>;
	writeups: ReadonlySet<string>;
	recipeFolders: readonly string[];
	/** Pages of notes, write-ups and data files by lab path, when their names needed a safe slug. */
	pages?: ReadonlyMap<string, string>;
}

export interface LabLinkContext {
	base: string;
	repoUrl: string;
	branch: string;
	/** The lab's files; without it no path is known to exist and only https URLs link. */
	index?: LabPathIndex;
}

export function labPathIndex(
	paths: readonly string[],
	writeups: readonly string[],
	recipeFolders: readonly string[],
	pages?: ReadonlyMap<string, string>,
): LabPathIndex {
	const folders = new Set<string>();
	for (const path of paths) {
		const parts = path.split('/');
		for (let index = 1; index < parts.length; index++) folders.add(parts.slice(0, index).join('/'));
	}
	return { files: new Set(paths), folders, writeups: new Set(writeups), recipeFolders, pages };
}

const repo = (url: string) => url.replace(/\/+$/, '');
/** The GitHub URL that shows a lab file. */
export const githubFileUrl = (context: LabLinkContext, path: string) => `${repo(context.repoUrl)}/blob/${context.branch}/${path}`;
/** The GitHub URL that opens a lab file in the editor. */
export const githubEditUrl = (context: Pick<LabLinkContext, 'repoUrl' | 'branch'>, path: string) =>
	`${repo(context.repoUrl)}/edit/${context.branch}/${path}`;
const githubFolderUrl = (context: LabLinkContext, path: string) => `${repo(context.repoUrl)}/tree/${context.branch}/${path}`;

/** The page of this site that shows a lab path, relative to the base, if one does. */
export function sitePageOf(rawPath: string, index: LabPathIndex): string | undefined {
	const path = rawPath.replace(/^\.\//, '').replace(/\/+$/, '');
	const recipe = index.recipeFolders.find((folder) => path === folder || path === `${folder}/README.md`);
	if (recipe) return sitePages.recipe(recipe.replace(/^repro\//, ''));
	if (!index.files.has(path)) return undefined;
	const named = index.pages?.get(path);
	if (named) return named;
	if (isNoteFile(path)) return sitePages.note(noteIdOf(path));
	if (index.writeups.has(path)) return sitePages.writeup(writeupIdOf(path));
	const recordId = recordIdOf(path);
	if (recordId) return sitePages.record(recordId);
	// The inventory decides which data files get a page (not copied artifacts, photos or the site's
	// own declarations); with its page list at hand, a data file missing from it has none.
	if (isDataPageFile(path)) return index.pages ? undefined : sitePages.data(dataIdOf(path));
	return undefined;
}

/**
 * Where a cited path leads: https URLs as they are; a lab file to its page on this site, else to
 * GitHub; a lab folder to GitHub. Undefined when the lab has no such file (shown as plain text).
 */
export function labHref(rawPath: string, context: LabLinkContext): string | undefined {
	if (/^https:\/\//.test(rawPath)) return rawPath;
	if (!context.index) return undefined;
	const path = rawPath.replace(/^\.\//, '').replace(/\/+$/, '');
	const page = sitePageOf(path, context.index);
	if (page) return withBase(context.base, page);
	if (context.index.files.has(path)) return githubFileUrl(context, path);
	if (context.index.folders.has(path)) return githubFolderUrl(context, path);
	return undefined;
}
