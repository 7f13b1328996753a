/**
 * The sidebar holds guides, recipes and index pages only. Notes and records are reached
 * through their index pages and search: Starlight copies the full sidebar into every page, so
 * thousands of entries would make every page hundreds of kilobytes.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A recipe's title from its frontmatter, read cheaply (the loader validates it properly). */
function recipeTitle(readme: string, slug: string): string {
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readme)?.[1] ?? '';
	const title = /^title:\s*(.+)$/m.exec(frontmatter)?.[1]?.trim();
	return title ? title.replace(/^(['"])(.*)\1$/, '$2') : slug;
}

/** A regular file (never a symbolic link, which could point outside the lab). */
function isRegularFile(path: string): boolean {
	try {
		return lstatSync(path).isFile();
	} catch {
		return false;
	}
}

export function recipeSidebarLinks(lab: string): Array<{ label: string; link: string }> {
	const repro = join(lab, 'repro');
	if (!lstatSync(repro, { throwIfNoEntry: false })?.isDirectory()) return [];
	return readdirSync(repro, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && isRegularFile(join(repro, entry.name, 'README.md')))
		.map((entry) => ({ slug: entry.name, readme: readFileSync(join(repro, entry.name, 'README.md'), 'utf8') }))
		// A README without frontmatter is a legacy write-up, not a checked recipe.
		.filter(({ readme }) => readme.startsWith('---'))
		.map(({ slug, readme }) => ({ label: recipeTitle(readme, slug), link: `/repro/${slug}/` }))
		.sort((a, b) => a.label.localeCompare(b.label));
}
