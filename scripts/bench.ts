/**
 * npm run bench [-- --sizes 300,1000,3000,10000] [--vanilla-max 3000] [--only dev-loop] [--lab <folder>]
 *
 * Measures the site at lab scale on this machine, in one run: builds synthetic labs with this
 * site (LAB_DIR), rebuilds after editing one note (the edit loop), and, alongside, a vanilla
 * Starlight site with the same notes as pages, topped up to as many pages as this site built;
 * then `npm run check`, ingest, page weights, timeline drawing and search latency on both sites.
 * Sizes above --vanilla-max (e.g. 10000, a year of the lab) build only this site: vanilla would
 * take too long. Prints a table with PASS/FAIL against bench/budgets.json and writes
 * bench/results/latest.json.
 * `--only dev-loop` measures only the dev server's edit loop: `astro dev` on a copy of the
 * synthetic lab of the first size (or of `--lab <folder>`, e.g. the real lab), the time to the
 * first page, then five edits to one note, each timed until its page serves the new text.
 * Budgets are reported here, never asserted in tests: machines are noisy.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commandLineOrExit } from '../src/lib/cli/command-line';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { syntheticLab, syntheticTimelineLab, type SyntheticFile } from '../src/lib/bench/synthetic-lab';
import { noteIdOf } from '../src/lib/lab/lab-paths';
import { checkLab } from './check';
import { runIngest } from './ingest';

interface Figure {
	section: string;
	name: string;
	value: number | null;
	unit: string;
	budget?: number;
	/** Lower is better for every figure here. */
	verdict?: 'PASS' | 'FAIL';
}

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'));
const figures: Figure[] = [];
const add = (figure: Figure) => {
	if (figure.budget !== undefined && figure.value !== null) figure.verdict = figure.value <= figure.budget ? 'PASS' : 'FAIL';
	figures.push(figure);
	const budget = figure.budget === undefined ? '' : ` (budget <= ${figure.budget} ${figure.unit}: ${figure.verdict ?? 'n/a'})`;
	console.error(`  ${figure.section}: ${figure.name} = ${figure.value === null ? 'n/a' : figure.value.toFixed(2)} ${figure.unit}${budget}`);
};

function writeFiles(folder: string, files: SyntheticFile[]): void {
	for (const file of files) {
		mkdirSync(dirname(join(folder, file.path)), { recursive: true });
		writeFileSync(join(folder, file.path), file.text);
	}
}

const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|NODE_ENV|VITEST.*)$/.test(key)));
const hasGnuTime = existsSync('/usr/bin/time');

/** Node's options for the site's build, as `npm run build` sets them (package.json's config.buildNodeOptions). */
const SITE_NODE_OPTIONS: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).config?.buildNodeOptions ?? '';

/** Runs `astro build`, timing it and (with GNU time) reading its peak resident memory. */
function astroBuild(root: string, env: Record<string, string>, astro = ASTRO): { seconds: number; peakRssMb: number | null; ok: boolean; output: string } {
	// The site builds as `npm run build` builds it; the vanilla site with Node's defaults.
	const nodeOptions = root === ROOT ? { NODE_OPTIONS: `${SITE_NODE_OPTIONS} ${process.env.NODE_OPTIONS ?? ''}`.trim() } : {};
	const args = [process.execPath, astro, 'build'];
	const start = performance.now();
	const result = hasGnuTime
		? spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', ...args], { cwd: root, encoding: 'utf8', env: { ...CLEAN_ENV, ASTRO_TELEMETRY_DISABLED: '1', ...nodeOptions, ...env }, maxBuffer: 64 * 1024 * 1024 })
		: spawnSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', env: { ...CLEAN_ENV, ASTRO_TELEMETRY_DISABLED: '1', ...nodeOptions, ...env }, maxBuffer: 64 * 1024 * 1024 });
	const seconds = (performance.now() - start) / 1000;
	const peak = /PEAK_RSS_KB=(\d+)/.exec(result.stderr ?? '')?.[1];
	return { seconds, peakRssMb: peak ? Number(peak) / 1024 : null, ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

function folderBytes(folder: string): number {
	if (!existsSync(folder)) return 0;
	return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
		.filter((entry) => entry.isFile())
		.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/**
 * A vanilla Starlight site with `pages` plain 6 kB pages and Starlight's default (full) sidebar.
 * It is its own project with the same astro and Starlight versions, installed once from the
 * registry into .bench/vanilla (git-ignored), so it is vanilla in every respect.
 */
function vanillaSite(pages: number, notes: SyntheticFile[]): string {
	const root = join(ROOT, '.bench', 'vanilla');
	const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const manifest = {
		name: 'vanilla-starlight',
		private: true,
		type: 'module',
		dependencies: { astro: ours.dependencies.astro, '@astrojs/starlight': ours.dependencies['@astrojs/starlight'], node: ours.devDependencies.node },
	};
	mkdirSync(root, { recursive: true });
	const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
	const current = existsSync(join(root, 'package.json')) ? readFileSync(join(root, 'package.json'), 'utf8') : '';
	if (current !== manifestText || !existsSync(join(root, 'node_modules/astro'))) {
		writeFileSync(join(root, 'package.json'), manifestText);
		console.error('  installing vanilla Starlight (once)...');
		const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8' });
		if (install.status !== 0) throw new Error(`npm install for the vanilla site failed:\n${install.stderr}`);
	}
	writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Vanilla' })] });\n");
	mkdirSync(join(root, 'src'), { recursive: true });
	writeFileSync(join(root, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n");
	rmSync(join(root, 'src/content/docs'), { recursive: true, force: true });
	rmSync(join(root, 'dist'), { recursive: true, force: true });
	rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
	mkdirSync(join(root, 'src/content/docs/pages'), { recursive: true });
	writeFileSync(join(root, 'src/content/docs/index.md'), '---\ntitle: Home\n---\n\nHome.\n');
	// The same notes as ours, so both searches answer over the same corpus; plain pages make up the count.
	for (const [index, note] of notes.entries()) {
		const [heading, ...rest] = note.text.split('\n');
		const title = heading.replace(/^#\s*/, '') || `Note ${index}`;
		writeFileSync(join(root, `src/content/docs/pages/note-${index}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n\n${rest.join('\n')}`);
	}
	const paragraph = 'Measured on four cards with the strict lane; warm run after graph capture, no speculative decoding. '.repeat(6);
	for (let index = notes.length; index < pages; index++) {
		writeFileSync(join(root, `src/content/docs/pages/page-${index}.md`), `---\ntitle: Page ${index}\n---\n\n${`${paragraph}\n\n`.repeat(10)}`);
	}
	return root;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** gzip sizes of a built page: its HTML, and the JS and CSS it loads (inline and linked). */
function pageWeight(outDir: string, page: string): { html: number; js: number; css: number } {
	const html = readFileSync(join(outDir, page), 'utf8');
	const gz = (text: string | Buffer) => gzipSync(text).length / 1024;
	const linked = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]).filter((href) => href.startsWith('/'));
	const read = (href: string) => (existsSync(join(outDir, href)) ? readFileSync(join(outDir, href)) : Buffer.alloc(0));
	const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
	const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
	const scriptFiles = linked(/<script[^>]*\bsrc="([^"]+)"/g);
	// Modules imported by the entry scripts count too.
	const seen = new Set(scriptFiles);
	for (const file of [...seen]) for (const imported of read(file).toString().matchAll(/from"\.\/([^"]+\.js)"|import"\.\/([^"]+\.js)"/g)) seen.add(`/_astro/${imported[1] ?? imported[2]}`);
	return {
		html: gz(html),
		js: gz(inlineScripts) + [...seen].reduce((sum, file) => sum + gz(read(file)), 0),
		css: gz(inlineStyles) + linked(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g).reduce((sum, file) => sum + gz(read(file)), 0),
	};
}

/** A page of one kind: the first folder under `folder` that is a page and not an index of its own. */
function firstPage(outDir: string, folder: string, notThese: string[] = []): string | undefined {
	const base = join(outDir, folder);
	if (!existsSync(base)) return undefined;
	const child = readdirSync(base, { withFileTypes: true }).find((entry) => entry.isDirectory() && !notThese.includes(entry.name) && existsSync(join(base, entry.name, 'index.html')));
	return child ? toPosix(join(folder, child.name, 'index.html')) : undefined;
}

/** The page under `folder` with the most gzip HTML, of all its pages (a handful: the guides). */
function heaviestPage(outDir: string, folder: string): string | undefined {
	const base = join(outDir, folder);
	if (!existsSync(base)) return undefined;
	const pages = readdirSync(base, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, 'index.html')))
		.map((entry) => toPosix(join(folder, entry.name, 'index.html')));
	return pages.sort((a, b) => gzipSync(readFileSync(join(outDir, b))).length - gzipSync(readFileSync(join(outDir, a))).length)[0];
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SEARCH_WORDS = ['allreduce', 'fusion', 'router', 'topology', 'ngram'];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface SearchTiming {
	/** Typing a word in the search box to the first result on screen (after a warm-up query), median of SEARCH_WORDS. */
	typingMs: number;
	/** pagefind.search(word) itself, warm (its second run), in the page; median of SEARCH_WORDS. */
	queryMs: number;
}

/**
 * Search as a reader meets it: on this site the /search/ page; on vanilla Starlight the search
 * dialog of its home page. Both are Pagefind's UI over each site's own index.
 */
async function searchLatency(outDir: string, site: 'ours' | 'vanilla'): Promise<SearchTiming | null> {
	if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) return null;
	const { serveStatic } = await import('../tests/support/serve');
	const server = await serveStatic(outDir);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		let scope: string;
		if (site === 'ours') {
			await page.goto(`${server.url}/search/`);
			scope = '#lab-search';
		} else {
			await page.goto(`${server.url}/`);
			await page.locator('site-search button[data-open-modal]').click();
			scope = 'dialog';
		}
		const input = page.locator(`${scope} input.pagefind-ui__search-input`);
		const firstResult = page.locator(`${scope} .pagefind-ui__result`).first();
		await input.waitFor();
		await input.fill('warm');
		await firstResult.waitFor({ timeout: 30_000 });
		// One query is noise on a shared machine: the median over words every synthetic lab has.
		const typings: number[] = [];
		for (const word of SEARCH_WORDS) {
			await input.fill('');
			await firstResult.waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
			const start = performance.now();
			await input.pressSequentially(word, { delay: 0 });
			await firstResult.waitFor({ timeout: 30_000 });
			typings.push(performance.now() - start);
		}
		const typingMs = median(typings);
		// The module the page searches with: this site's stand-in (Pagefind plus its facet counting), vanilla's Pagefind.
		const module = site === 'ours' ? 'lab-search/pagefind.js' : 'pagefind/pagefind.js';
		const queryMs = await page.evaluate(async ([words, module]) => {
			const pagefind = await import(/* @vite-ignore */ `${location.origin}/${module}`);
			await pagefind.init?.();
			const times: number[] = [];
			for (const word of words) {
				await pagefind.search(word);
				const begin = performance.now();
				await pagefind.search(word);
				times.push(performance.now() - begin);
			}
			return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
		}, [SEARCH_WORDS, module] as const);
		return { typingMs, queryMs };
	} finally {
		await browser.close();
		await server.stop();
	}
}

async function timelineDraw(steps: number): Promise<{ ms: number | null; buildSeconds: number }> {
	const lab = mkdtempSync(join(tmpdir(), 'b70-bench-timeline-'));
	const out = mkdtempSync(join(tmpdir(), 'b70-bench-timeline-dist-'));
	try {
		writeFiles(lab, syntheticTimelineLab(steps));
		// The content cache lives beside dist/, never inside it: a build empties its output folder.
		const build = astroBuild(ROOT, { LAB_DIR: lab, OUT_DIR: out, ASTRO_CACHE_DIR: `${out}-cache` });
		if (!build.ok) throw new Error(`timeline bench build failed:\n${build.output.slice(-2000)}`);
		if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) return { ms: null, buildSeconds: build.seconds };
		const { serveStatic } = await import('../tests/support/serve');
		const server = await serveStatic(out);
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
			await page.goto(`${server.url}/timeline/`);
			await page.waitForFunction(() => performance.getEntriesByName('timeline-draw').length > 0, undefined, { timeout: 60_000 });
			// Redraw once more (switching the metric) and keep the faster, warm figure.
			await page.getByLabel('Total tok/s').check();
			const durations = await page.evaluate(() => performance.getEntriesByName('timeline-draw').map((entry) => entry.duration));
			return { ms: Math.min(...durations), buildSeconds: build.seconds };
		} finally {
			await browser.close();
			await server.stop();
		}
	} finally {
		rmSync(lab, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
		rmSync(`${out}-cache`, { recursive: true, force: true });
	}
}

function benchIngest(count: number): void {
	const work = mkdtempSync(join(tmpdir(), 'b70-bench-ingest-'));
	try {
		const artifacts = join(work, 'artifacts');
		mkdirSync(join(work, 'data/records'), { recursive: true });
		// LocalMaxxing payloads from the synthetic generator, topped up to `count` artifacts.
		const payloads = syntheticLab(Math.ceil(count / 0.27)).filter((file) => file.path.endsWith('.payload.json')).slice(0, count);
		writeFiles(artifacts, payloads.map((file, index) => ({ path: `run-${index}.payload.json`, text: file.text })));
		const labels = { date: '2026-05-18', track: 'bench', hardware: { interconnect: { kind: 'pcie', generation: 4, lanes: 16 } }, software: { driver: 'Level Zero', commit: 'bench' }, quality: { method: 'not-checked', detail: 'bench' }, warmth: 'warm', tuning: { changed: false } };
		writeFileSync(join(work, 'labels.json'), JSON.stringify(labels));
		const start = performance.now();
		const summary = runIngest([artifacts, '--labels', join(work, 'labels.json')], work, () => {});
		const seconds = (performance.now() - start) / 1000;
		if (summary.refused.length) throw new Error(`bench artifacts refused: ${summary.refused[0].errors[0]}`);
		add({ section: 'ingest', name: `ingest ${payloads.length.toLocaleString('en')} artifacts`, value: seconds, unit: 's', budget: budgets.ingest10kArtifactsSeconds.max });
		const again = performance.now();
		runIngest([artifacts, '--labels', join(work, 'labels.json')], work, () => {});
		add({ section: 'ingest', name: `re-ingest the same ${payloads.length.toLocaleString('en')} artifacts (unchanged)`, value: (performance.now() - again) / 1000, unit: 's' });
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** The largest gzip HTML page under a folder of dist/ (each paged table, every record...). */
function largestHtml(outDir: string): { page: string; kb: number } {
	let largest = { page: '', kb: 0 };
	for (const file of readdirSync(outDir, { recursive: true }) as string[]) {
		if (!file.endsWith('.html') || /(^|\/)rows\/index\.html$/.test(toPosix(file))) continue;
		const kb = gzipSync(readFileSync(join(outDir, file))).length / 1024;
		if (kb > largest.kb) largest = { page: toPosix(file), kb };
	}
	return largest;
}

async function benchSize(notes: number, isLargest: boolean, vanillaMax: number): Promise<void> {
	const section = `${notes.toLocaleString('en')} notes`;
	const lab = mkdtempSync(join(tmpdir(), `b70-bench-lab-${notes}-`));
	const out = mkdtempSync(join(tmpdir(), `b70-bench-dist-${notes}-`));
	let vanilla: string | undefined;
	try {
		const files = syntheticLab(notes);
		writeFiles(lab, files);
		console.error(`\n${section}: ${files.length} files; building this site...`);
		// The content cache lives beside dist/, never inside it: a build empties its output folder.
		const env = { LAB_DIR: lab, OUT_DIR: out, ASTRO_CACHE_DIR: `${out}-cache` };
		const ours = astroBuild(ROOT, env);
		if (!ours.ok) throw new Error(`build failed:\n${ours.output.slice(-3000)}`);
		const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).length;
		add({ section, name: `build wall time (this site, ${pages} pages)`, value: ours.seconds, unit: 's' });
		add({ section, name: 'peak RSS (this site)', value: ours.peakRssMb, unit: 'MB' });

		// The edit loop: one note changes, the content cache of the cold build is reused.
		const edited = files.find((file) => file.path.startsWith('notes/'))!;
		writeFileSync(join(lab, edited.path), `${edited.text}\n\nOne more measurement, added for the rebuild bench.\n`);
		console.error(`${section}: rebuilding after editing ${edited.path}...`);
		const rebuild = astroBuild(ROOT, env);
		if (!rebuild.ok) throw new Error(`rebuild failed:\n${rebuild.output.slice(-3000)}`);
		add({ section, name: 'rebuild after editing one note', value: rebuild.seconds, unit: 's' });
		add({ section, name: 'rebuild ratio to cold build', value: rebuild.seconds / ours.seconds, unit: 'x', budget: budgets.rebuildRatioToCold.max });

		if (notes <= vanillaMax) {
			// The budget compares builds of the same page count: vanilla gets our notes as pages, topped up to as many pages as ours built.
			console.error(`${section}: building vanilla Starlight with ${pages} pages...`);
			vanilla = vanillaSite(pages, files.filter((file) => file.path.startsWith('notes/')));
			const plain = astroBuild(vanilla, {}, join(vanilla, 'node_modules/astro/bin/astro.mjs'));
			if (!plain.ok) throw new Error(`vanilla build failed:\n${plain.output.slice(-3000)}`);
			add({ section, name: `build wall time (vanilla Starlight, ${pages} pages)`, value: plain.seconds, unit: 's' });
			add({ section, name: 'build time ratio to vanilla', value: ours.seconds / plain.seconds, unit: 'x', budget: budgets.buildRatioToVanilla[String(notes)]?.max });
			add({ section, name: 'peak RSS (vanilla)', value: plain.peakRssMb, unit: 'MB' });
			if (ours.peakRssMb !== null && plain.peakRssMb !== null) {
				add({ section, name: 'peak RSS ratio to vanilla', value: ours.peakRssMb / plain.peakRssMb, unit: 'x', budget: budgets.peakRssRatioToVanilla[String(notes)]?.max });
			}
			add({ section, name: 'dist size (vanilla)', value: folderBytes(join(vanilla, 'dist')) / 1024 / 1024, unit: 'MB' });
			add({ section, name: 'pagefind index size (vanilla)', value: folderBytes(join(vanilla, 'dist', 'pagefind')) / 1024 / 1024, unit: 'MB' });
		} else {
			console.error(`${section}: vanilla Starlight skipped above ${vanillaMax} notes (--vanilla-max).`);
		}
		add({ section, name: `dist size (${pages} pages)`, value: folderBytes(out) / 1024 / 1024, unit: 'MB' });
		const notePages = readdirSync(join(out, 'notes'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(out, 'notes', entry.name, 'index.html')));
		const htmlPerNote = notePages.reduce((sum, entry) => sum + statSync(join(out, 'notes', entry.name, 'index.html')).size, 0) / notePages.length / 1024;
		add({ section, name: 'HTML per note page (average)', value: htmlPerNote, unit: 'kB', budget: notes === budgets.htmlPerNotePageKb.notes ? budgets.htmlPerNotePageKb.max : undefined });
		add({ section, name: 'pagefind index size', value: folderBytes(join(out, 'pagefind')) / 1024 / 1024, unit: 'MB' });
		const largest = largestHtml(out);
		add({ section, name: `largest gzip HTML page (${largest.page})`, value: largest.kb, unit: 'kB' });
		checkLab(lab); // warm module caches, as a second CI run would be
		const check = checkLab(`${lab}/.`);
		add({ section, name: `npm run check (${check.files} files)`, value: check.milliseconds / 1000, unit: 's' });
		add({ section, name: 'npm run check per 1,000 files', value: check.milliseconds / check.files, unit: 's', budget: budgets.checkPer1000FilesSeconds.max });

		const search = await searchLatency(out, 'ours');
		add({ section, name: 'search: typing to first result (this site)', value: search?.typingMs ?? null, unit: 'ms' });
		add({ section, name: 'search: pagefind query, warm (this site)', value: search?.queryMs ?? null, unit: 'ms', budget: budgets.pagefindQueryWarmMs.max });
		if (vanilla) {
			// Vanilla's pages carry a sidebar of every page: at 3,000 notes its search button may not
			// answer within the timeout. That is a figure too (n/a), not a reason to lose the run.
			const plainSearch = await searchLatency(join(vanilla, 'dist'), 'vanilla').catch((error: Error) => {
				console.error(`  ${section}: vanilla search could not be timed: ${error.message.split('\n')[0]}`);
				return null;
			});
			add({ section, name: 'search: typing to first result (vanilla)', value: plainSearch?.typingMs ?? null, unit: 'ms' });
			add({ section, name: 'search: pagefind query, warm (vanilla)', value: plainSearch?.queryMs ?? null, unit: 'ms' });
			if (search && plainSearch) add({ section, name: 'search: typing ratio to vanilla', value: search.typingMs / plainSearch.typingMs, unit: 'x', budget: budgets.searchRatioToVanilla.max });
		}

		if (isLargest) {
			const pageTypes: Array<[string, string | undefined]> = [
				['home', 'index.html'],
				['note', firstPage(out, 'notes', ['by-track', 'by-outcome'])],
				['record', firstPage(out, 'records', ['compare', 'scaling', 'imported', 'page', 'rows'])],
				['compare', 'records/compare/index.html'],
				['data', firstPage(out, 'data')],
				['timeline', 'timeline/index.html'],
				['negatives', 'negative-results/index.html'],
				['records explorer', 'records/index.html'],
				['notes by date', 'notes/index.html'],
				// The hand-written guides are the same at every lab size: the heaviest stands for them all.
				['guide (heaviest)', heaviestPage(out, 'guides')],
			];
			for (const [type, page] of pageTypes) {
				if (!page || !existsSync(join(out, page))) continue;
				const weight = pageWeight(out, page);
				const exempt = budgets.pageGzipKb.d3Pages.includes(type);
				add({ section: 'page weight (gzip)', name: `${type} HTML${exempt ? ' (d3 page: own budget)' : ''}`, value: weight.html, unit: 'kB', budget: exempt ? budgets.pageGzipKb.d3PageHtml : budgets.pageGzipKb.html });
				add({ section: 'page weight (gzip)', name: `${type} JS${exempt ? ' (d3 page: own budget)' : ''}`, value: weight.js, unit: 'kB', budget: exempt ? budgets.timelineJsGzipKb.max : budgets.pageGzipKb.js });
				add({ section: 'page weight (gzip)', name: `${type} CSS`, value: weight.css, unit: 'kB', budget: budgets.pageGzipKb.css });
			}
		}
	} finally {
		rmSync(lab, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
		rmSync(`${out}-cache`, { recursive: true, force: true });
		if (vanilla) rmSync(join(vanilla, 'dist'), { recursive: true, force: true });
	}
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `url` until its body contains `text`; the milliseconds it took, or null after `timeoutMs`. */
async function waitForText(url: string, text: string, timeoutMs: number): Promise<number | null> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		const body = await fetch(url).then((response) => (response.ok ? response.text() : ''), () => '');
		if (body.includes(text)) return performance.now() - start;
		await sleep(25);
	}
	return null;
}

/**
 * The dev server's edit loop, as the lab's author meets it: `astro dev` on a copy of the lab (the
 * original is never touched), the first page served, then five saves of one note, each timed from
 * the write until the note's page serves the new line.
 */
async function benchDevLoop(source: { lab: string } | { notes: number }): Promise<void> {
	const section = 'lab' in source ? `dev server (${source.lab})` : `dev server (${source.notes.toLocaleString('en')} notes)`;
	const lab = mkdtempSync(join(tmpdir(), 'b70-bench-dev-'));
	const cache = mkdtempSync(join(tmpdir(), 'b70-bench-dev-cache-'));
	const port = 4400 + Math.floor(Math.random() * 500);
	// Its own process group, so stopping it stops vite's workers too.
	let server: ReturnType<typeof spawn> | undefined;
	try {
		// A copy with its git history (pages show last-updated dates), never following symbolic links.
		if ('lab' in source) cpSync(source.lab, lab, { recursive: true, verbatimSymlinks: true });
		else writeFiles(lab, syntheticLab(source.notes));
		const notes = (readdirSync(join(lab, 'notes')) as string[]).filter((name) => /^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/.test(name)).sort();
		const note = `notes/${notes[Math.floor(notes.length / 2)]}`;
		const url = `http://127.0.0.1:${port}/notes/${noteIdOf(note)}/`;
		console.error(`\n${section}: starting astro dev; editing ${note}...`);
		const start = performance.now();
		server = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: ROOT,
			env: { ...CLEAN_ENV, ASTRO_TELEMETRY_DISABLED: '1', LAB_DIR: lab, ASTRO_CACHE_DIR: cache },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let log = '';
		if (process.env.BENCH_DEV_LOG) server.stdout?.pipe(createWriteStream(process.env.BENCH_DEV_LOG));
		server.stdout?.on('data', (chunk) => (log += chunk));
		server.stderr?.on('data', (chunk) => (log += chunk));
		const first = await waitForText(url, '</html>', 300_000);
		if (first === null) throw new Error(`the dev server never served ${url}:\n${log.slice(-3000)}`);
		add({ section, name: 'first page served after start', value: (performance.now() - start) / 1000, unit: 's' });
		const edits: number[] = [];
		for (let edit = 1; edit <= 5; edit++) {
			const marker = `dev-loop-edit-${edit}-${Date.now().toString(36)}`;
			// Apart enough that the dev server sees separate saves, as an author's would be.
			await sleep(500);
			appendFileSync(join(lab, note), `\n\nEdited in the bench: ${marker}.\n`);
			const ms = await waitForText(url, marker, 60_000);
			if (ms === null) throw new Error(`edit ${edit} never reached ${url}:\n${log.slice(-3000)}`);
			edits.push(ms / 1000);
			console.error(`  edit ${edit}: ${(ms / 1000).toFixed(2)} s`);
		}
		const budget = 'notes' in source ? budgets.devEditToPageSeconds?.[String(source.notes)]?.max : undefined;
		add({ section, name: 'edit a note -> updated page served (median of 5)', value: median(edits), unit: 's', budget });
		add({ section, name: 'edit a note -> updated page served (slowest of 5)', value: Math.max(...edits), unit: 's' });
	} finally {
		if (server?.pid) {
			try {
				process.kill(-server.pid, 'SIGTERM');
			} catch {}
			await sleep(500);
		}
		rmSync(lab, { recursive: true, force: true });
		rmSync(cache, { recursive: true, force: true });
	}
}

function printTable(): void {
	const rows = figures.map((figure) => [figure.section, figure.name, figure.value === null ? 'n/a' : `${figure.value.toFixed(2)} ${figure.unit}`, figure.budget === undefined ? '' : `<= ${figure.budget} ${figure.unit}`, figure.verdict ?? '']);
	const header = ['section', 'figure', 'value', 'budget', ''];
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
	const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
	console.log(line(header));
	for (const row of rows) console.log(line(row));
}

const USAGE = `Usage: npm run bench [-- --sizes 300,1000,3000,10000] [--vanilla-max 3000] [--timeline-steps 5000] [--only dev-loop] [--lab <folder>]

Measures the site at lab scale on this machine: synthetic labs of each size built by this site and by
a vanilla Starlight site of the same page count, the rebuild after one edited note, search latency in
Chromium, page weights, npm run check, ingest, the timeline's drawing time and the dev server's edit
loop. Prints a table against bench/budgets.json and writes bench/results/latest.json.

  --sizes            note counts of the synthetic labs (default 300,1000,3000,10000)
  --vanilla-max      build vanilla Starlight only up to this many notes (default 3000)
  --timeline-steps   steps of the timeline drawing bench (default 5000)
  --only dev-loop    only the dev server's edit loop, at the first size
  --lab <folder>     also measure the edit loop on a copy of this lab`;

const { values } = commandLineOrExit<{ sizes: string; 'vanilla-max': string; 'timeline-steps': string; only?: string; lab?: string }>(
	process.argv.slice(2),
	{
		sizes: { type: 'string', default: '300,1000,3000,10000' },
		'vanilla-max': { type: 'string', default: '3000' },
		'timeline-steps': { type: 'string', default: '5000' },
		only: { type: 'string' },
		lab: { type: 'string' },
	},
	USAGE,
	{ positionals: false },
);
const sizes = values.sizes.split(',').map(Number).filter((size) => size > 0).sort((a, b) => a - b);
if (values.only !== undefined && values.only !== 'dev-loop') throw new Error(`--only: expected dev-loop, found ${values.only}`);
if (values.only === 'dev-loop') {
	await benchDevLoop({ notes: sizes[0] });
	if (values.lab) await benchDevLoop({ lab: resolve(values.lab) });
} else {
	const vanillaMax = Number(values['vanilla-max']);
	for (const [index, size] of sizes.entries()) await benchSize(size, index === sizes.length - 1, vanillaMax);
	await benchDevLoop({ notes: sizes[0] });
	if (values.lab) await benchDevLoop({ lab: resolve(values.lab) });
	benchIngest(10_000);
	const timelineSteps = Number(values['timeline-steps']);
	console.error(`\ntimeline: building a lab with ${timelineSteps} steps...`);
	const timeline = await timelineDraw(timelineSteps);
	add({ section: 'timeline', name: `draw ${timelineSteps.toLocaleString('en')} steps in Chromium`, value: timeline.ms, unit: 'ms', budget: budgets.timelineDraw5000StepsMs.max });
}
console.log('');
printTable();
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
// A partial run (--only) keeps the last full run's figures.
const resultsFile = join(ROOT, `bench/results/${values.only ? `latest-${values.only}` : 'latest'}.json`);
writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, sizes, figures }, null, 2)}\n`);
console.log(`\nWritten to ${relative(ROOT, resultsFile)}. ${figures.filter((figure) => figure.verdict === 'FAIL').length} budget(s) failed.`);
