/** npm run check:links: every internal link in the built site (dist/, or OUT_DIR) resolves. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { deployTarget } from '../src/lib/site/deploy-target';
import { findBrokenLinks } from '../src/lib/site/link-check';

export function checkBuiltLinks(outDir: string, base: string) {
	const files = (readdirSync(outDir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
		.filter((entry) => entry.isFile())
		.map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
	const pages = files.filter((file) => file.endsWith('.html')).map((path) => ({ path, html: readFileSync(join(outDir, path), 'utf8') }));
	// The project's guides also have their #anchors checked (what starlight-links-validator did).
	return { pages: pages.length, broken: findBrokenLinks(pages, new Set(files), base, (path) => path.startsWith('guides/')) };
}

const isMain = process.argv[1] && import.meta.filename === resolve(process.argv[1]);
if (isMain) {
	const outDir = resolve(process.env.OUT_DIR ?? 'dist');
	const { base } = deployTarget(process.env);
	const result = checkBuiltLinks(outDir, base);
	for (const link of result.broken) console.log(`${link.page}: ${link.href} ${link.reason}`);
	console.log(`Checked ${result.pages} pages under ${base}: ${result.broken.length} broken internal link(s).`);
	process.exitCode = result.broken.length ? 1 : 0;
}
