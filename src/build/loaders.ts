/**
 * Content loaders for the lab's top-level folders. Each wraps Astro's glob() loader and only
 * adds what the lab needs: reading outside src/, inferring note metadata, and refusing invalid
 * records and recipes with our own messages (file, field, what to write) instead of a generic
 * schema dump.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { inferNoteMetadata, withoutTitleHeading } from '../lib/notes/infer-metadata';
import { validateRecipe } from '../lib/recipes/requirements';
import { validateNoteFrontmatter } from '../lib/schema/note';
import { validateRecord } from '../lib/schema/record';

/**
 * Astro passes loaders the parsers of each file type (`entryTypes`), and glob() uses them. It is
 * not part of the public LoaderContext type, so it is described here; astro is pinned exactly and
 * the build tests fail loudly if this changes.
 */
interface EntryInfo {
	data: Record<string, unknown>;
	body?: string;
	[key: string]: unknown;
}
interface EntryType {
	getEntryInfo(params: { contents: string; fileUrl: URL }): EntryInfo | Promise<EntryInfo>;
	[key: string]: unknown;
}
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, EntryType> };
/** Receives a way to parse the file as Astro would (frontmatter/JSON), its lab path and its text. */
type EntryInfoHook = (parse: () => Promise<EntryInfo>, labPath: string, contents: string) => Promise<EntryInfo>;

/** A content error that already reads well; the build prints it as it is. */
export class LabContentError extends Error {
	override name = 'LabContentError';
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Paths shown to people are relative to the lab root: notes/x.md, data/records/y.json. */
function labPath(lab: string, fileUrl: URL): string {
	return toPosix(relative(lab, fileURLToPath(fileUrl)));
}

/**
 * glob() with a hook on the parsed file (before the schema runs). Astro hands loaders their
 * entry types; we hand glob() the same ones with getEntryInfo wrapped.
 */
function labGlob(
	options: Parameters<typeof glob>[0],
	lab: string,
	hooks: Partial<Record<'.md' | '.json', EntryInfoHook>>,
): Loader {
	const inner = glob(options);
	return {
		name: 'lab-glob-loader',
		load: (publicContext) => {
			const context = publicContext as ContextWithEntryTypes;
			if (!(context.entryTypes instanceof Map)) {
				throw new LabContentError('Astro no longer passes entryTypes to loaders; update src/build/loaders.ts.');
			}
			const entryTypes = new Map(context.entryTypes);
			for (const [extension, hook] of Object.entries(hooks)) {
				const entryType = context.entryTypes.get(extension);
				if (!entryType || !hook) continue;
				entryTypes.set(extension, {
					...entryType,
					getEntryInfo: async (params: { contents: string; fileUrl: URL }) =>
						hook(async () => entryType.getEntryInfo(params), labPath(lab, params.fileUrl), params.contents),
				});
			}
			return inner.load({ ...context, entryTypes } as LoaderContext);
		},
	};
}

export function notesLoader(lab: string): Loader {
	return labGlob({ pattern: '**/*.md', base: join(lab, 'notes') }, lab, {
		'.md': async (parse, path) => {
			const info = await parse();
			const frontmatter = validateNoteFrontmatter(info.data, path);
			if (!frontmatter.ok) throw new LabContentError(frontmatter.message);
			const body = info.body ?? '';
			const data = inferNoteMetadata({ path, body, frontmatter: frontmatter.data });
			return { ...info, data, body: frontmatter.data.title ? body : withoutTitleHeading(body) };
		},
	});
}

export function recordsLoader(lab: string): Loader {
	// The id is the exact path under data/records/ without .json, so a record's file is always
	// data/records/<id>.json (recipes and other records refer to records by this id).
	const generateId = ({ entry }: { entry: string }) => entry.replace(/\.json$/, '');
	return labGlob({ pattern: '**/*.json', base: join(lab, 'data/records'), generateId }, lab, {
		'.json': async (parse, path) => {
			const info = await parse();
			const result = validateRecord(info.data, path);
			if (!result.ok) throw new LabContentError(`Invalid record\n${result.message}`);
			return { ...info, data: result.data };
		},
	});
}

/** Files under a folder, relative to it, with forward slashes. */
function filesUnder(folder: string): Set<string> {
	if (!existsSync(folder)) return new Set();
	return new Set(
		readdirSync(folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => toPosix(relative(folder, join(entry.parentPath, entry.name)))),
	);
}

/**
 * Record ids as the records collection names them (the path under data/records without .json),
 * with the recipe each names in software.recipe. Read directly: collections cannot see each other
 * while loading. A record that does not parse is the records loader's error to report.
 */
export function recordIndex(lab: string): { ids: Set<string>; byRecipe: Map<string, string[]> } {
	const folder = join(lab, 'data/records');
	const ids = new Set<string>();
	const byRecipe = new Map<string, string[]>();
	for (const file of [...filesUnder(folder)].filter((name) => name.endsWith('.json')).sort()) {
		const id = file.replace(/\.json$/, '');
		ids.add(id);
		try {
			const recipe = JSON.parse(readFileSync(join(folder, file), 'utf8'))?.software?.recipe;
			if (typeof recipe === 'string') byRecipe.set(recipe.replace(/\/+$/, ''), [...(byRecipe.get(recipe) ?? []), id]);
		} catch {
			// reported by recordsLoader
		}
	}
	return { ids, byRecipe };
}

export function reproLoader(lab: string): Loader {
	let records: ReturnType<typeof recordIndex> | undefined;
	return labGlob(
		{
			pattern: '*/README.md',
			base: join(lab, 'repro'),
			generateId: ({ entry }) => entry.split('/')[0],
		},
		lab,
		{
			'.md': async (parse, path) => {
				const info = await parse();
				records ??= recordIndex(lab);
				const folder = path.replace(/\/README\.md$/, '');
				const producedRecordIds = records.byRecipe.get(folder) ?? [];
				const result = validateRecipe(info.data, path, {
					files: filesUnder(join(lab, folder)),
					recordIds: records.ids,
					producedRecordIds,
				});
				if (!result.ok) throw new LabContentError(`Invalid recipe\n${result.message}`);
				return { ...info, data: { ...result.data, folder, sourcePath: path } };
			},
		},
	);
}

/**
 * Every other JSON file under data/: legacy experiment data of any shape. A file that is not
 * valid JSON is kept (with the parse error) rather than failing the build or being dropped.
 */
export function labDataLoader(lab: string): Loader {
	return labGlob({ pattern: ['**/*.json', '!records/**'], base: join(lab, 'data') }, lab, {
		// Parsed here rather than by Astro, whose JSON entry type throws on invalid files.
		'.json': async (_parse, path, contents) => {
			try {
				return { data: { json: JSON.parse(contents), sourcePath: path } };
			} catch (error) {
				return { data: { parseError: (error as Error).message, sourcePath: path } };
			}
		},
	});
}
