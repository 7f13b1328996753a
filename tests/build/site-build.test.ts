import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { checkBuiltLinks } from '../../scripts/check-links';
import Ajv2020 from 'ajv/dist/2020';
import { listItemsPerPage } from '../../src/lib/tables/pages';
import { buildEnv, buildSite, copyFixtureLab, FIXTURE_LAB, PROJECT_ROOT, type BuildResult } from '../support/build-site';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const pageTitle = (html: string) => /<h1 id="_top"[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
/** The HTML of Starlight's main sidebar navigation. */
function sidebarOf(html: string): string {
	const start = html.indexOf('aria-label="Main"');
	return html.slice(start, html.indexOf('</nav>', start));
}

describe('building the site from a lab repository', () => {
	let build: BuildResult;
	beforeAll(() => {
		build = buildSite(FIXTURE_LAB);
	});
	afterAll(() => build.cleanup());

	it('succeeds', () => {
		expect(build.status, build.output).toBe(0);
	});

	it('leads its home page with the recipe and shows the current best of every track', () => {
		const home = build.page('index.html');
		expect(home).toMatch(/href="[^"]*\/repro\/demo-qwen-q4-llamacpp\/"[^>]*>\s*Follow the best documented recipe/);
		const best = home.slice(home.indexOf('id="current-best"'), home.indexOf('id="i-want-to"'));
		// One line per track of the Current best page, each linking to its record.
		const tracks = build.page('current-best/index.html').match(/<p class="headline-figure">/g)?.length ?? 0;
		expect(tracks).toBeGreaterThan(1);
		expect(best.match(/<li>/g)?.length).toBe(tracks);
		expect(best.match(/<a href="[^"]*\/records\/[^"]+\/">[\d.,]+ (?:output|total) tok\/s<\/a>/g)?.length).toBe(tracks);
	});

	it('prints no warning a person building it cannot act on', () => {
		expect(build.output).not.toMatch(/\[WARN\]/);
	});

	it('writes a page for the home, the guides, the recipe, every note and every record', () => {
		const notes = readdirSync(join(FIXTURE_LAB, 'notes')).map((file) => file.replace(/\.md$/, '').toLowerCase());
		const records = readdirSync(join(FIXTURE_LAB, 'data/records')).map((file) => file.replace(/\.json$/, ''));
		const expected = [
			'index.html',
			'guides/community-results/index.html',
			'guides/build-notes/index.html',
			'guides/benchmark-rules/index.html',
			'repro/index.html',
			'repro/demo-qwen-q4-llamacpp/index.html',
			'notes/index.html',
			'records/index.html',
			...notes.map((id) => `notes/${id}/index.html`),
			...records.map((id) => `records/${id}/index.html`),
		];
		const missing = expected.filter((path) => !existsSync(join(build.outDir, path)));
		expect(missing).toEqual([]);
	});

	it('shows inferred note metadata', () => {
		const html = build.page('notes/2026-05-06-fp8-tp4-ngram-sweep/index.html');
		expect(pageTitle(html)).toBe('Qwen3.6 27B FP8 TP4 n-gram sweep');
		expect(html).toContain('<time datetime="2026-05-06"');
		// The H1 of the note became the page title; it is not repeated in the body.
		expect(html.match(/<h1/g)).toHaveLength(1);
	});

	it('lets frontmatter override the inferred metadata', () => {
		const html = build.page('notes/2026-05-20-frontmatter-override/index.html');
		expect(pageTitle(html)).toBe('Frontmatter title wins');
		expect(html).toContain('<time datetime="2026-05-21"');
		expect(textOf(html)).toContain('negative');
	});

	it('labels every figure on a record page and flags missing labels', () => {
		const text = textOf(build.page('records/minimax-moe-ws-strict-win-20260518/index.html'));
		expect(text).toContain('80.603 output tok/s');
		expect(text).toContain('107.47 total tok/s');
		expect(text).toContain('incomplete labels (5)');
		expect(text).toContain('Not recorded: hardware.interconnect , software.driver , software.commit , quality , warmth');
	});

	it('builds a recipe\'s expected results from its records', () => {
		const text = textOf(build.page('repro/demo-qwen-q4-llamacpp/index.html'));
		expect(text).toContain('24.249 output tok/s');
		expect(text).toContain('p0/n512, ctx 4096');
		expect(text).toContain('UR_RESULT_ERROR_DEVICE_LOST');
	});

	it('gives lab pages an edit link to the lab file and a last-updated date from git', () => {
		const html = build.page('notes/2026-05-10-minimax-ccl-p2p-off-negative/index.html');
		expect(html).toContain('/edit/main/notes/2026-05-10-minimax-ccl-p2p-off-negative.md');
		expect(textOf(html)).toMatch(/Last updated: \w{3} \d{1,2}, \d{4}/);
	});

	it('has no broken internal link', () => {
		expect(checkBuiltLinks(build.outDir, '/').broken).toEqual([]);
	});

	it('keeps notes and records out of the sidebar', () => {
		const sidebar = sidebarOf(build.page('guides/community-results/index.html'));
		expect(sidebar).toContain('Community results');
		expect(sidebar).toContain('Qwen3.6 27B Q4_0 on one B70 with llama.cpp SYCL');
		expect(sidebar).not.toContain('MiniMax CCL P2P-Off Negative');
	});
});

describe('hosting a whole lab repository', () => {
	let build: BuildResult;
	beforeAll(() => {
		build = buildSite(FIXTURE_LAB);
	});
	afterAll(() => build.cleanup());

	const hrefsIn = (html: string) => new Set([...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]));

	it('builds every note, data file, write-up and imported record, and reaches each from an index page', () => {
		expect(build.status, build.output).toBe(0);
		const notes = readdirSync(join(FIXTURE_LAB, 'notes')).map((file) => `/notes/${file.replace(/\.md$/, '')}/`);
		const data = (readdirSync(join(FIXTURE_LAB, 'data'), { recursive: true }) as string[])
			.filter((file) => file.endsWith('.json') && !file.startsWith('records') && !['classification-overrides.json', 'timeline.json'].includes(file))
			.map((file) => `/data/${file.replace(/\.json$/, '')}/`);
		expect(data).toHaveLength(11);
		for (const page of [...notes, ...data]) expect(existsSync(join(build.outDir, page, 'index.html')), page).toBe(true);
		const noteIndex = hrefsIn(build.page('notes/index.html'));
		const dataIndex = hrefsIn(build.page('data/index.html'));
		expect(notes.filter((page) => !noteIndex.has(page))).toEqual([]);
		expect(data.filter((page) => !dataIndex.has(page))).toEqual([]);
		expect(build.page('data/index.html')).toContain('data/scratch-notes.txt');
		for (const page of ['lab/CURRENT', 'lab/README', 'lab/localmaxxing_submissions', 'lab/plans/next-steps', 'lab/results/q4_0-gguf-2026-05-03-sycl-graph-and-split', 'lab/repro/legacy-qwen-fp8-recipe/README']) {
			expect(existsSync(join(build.outDir, page, 'index.html')), page).toBe(true);
		}
		// One run seen in its data, payload, response, note, ledger and CURRENT.md: one record page.
		expect(existsSync(join(build.outDir, 'records/imported/minimax-m27-moe-ws-strict-win-20260518/index.html'))).toBe(true);
	});

	it('shows a run only one file reports on that file\'s page, with its labels and sources, and leads its record address there', () => {
		const redirect = build.page('records/imported/localmaxxing-minimax-localargmax-p512n1536-20260517/index.html');
		const target = '/data/localmaxxing-minimax-localargmax-p512n1536-20260517.queue/#run-localmaxxing-minimax-localargmax-p512n1536-20260517';
		expect(redirect).toContain(`url=${target}`);
		const home = build.page('data/localmaxxing-minimax-localargmax-p512n1536-20260517.queue/index.html');
		const row = home.slice(home.indexOf('id="run-localmaxxing-minimax-localargmax-p512n1536-20260517"'));
		expect(row.length).toBeLessThan(home.length);
		expect(textOf(row.slice(0, row.indexOf('</details>')))).toMatch(/labels and sources.*Quality check/);
		// A run several files report keeps its own page.
		const own = build.page('records/imported/minimax-m27-moe-ws-strict-win-20260518/index.html');
		expect(own).toContain('Provenance');
		// Its provenance leads back to every file that reports it, the note among them.
		const provenance = own.slice(own.indexOf('id="provenance"'));
		expect(provenance).toContain('href="/notes/2026-05-18-minimax-moe-ws-strict-win/"');
		expect(provenance).toContain('href="/lab/CURRENT/"');
		// The sitemap lists pages to index, not redirects.
		const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain('/records/imported/minimax-m27-moe-ws-strict-win-20260518/</loc>');
		expect(sitemap).not.toContain('/records/imported/localmaxxing-minimax-localargmax-p512n1536-20260517/</loc>');
		expect(sitemap).toContain('/data/localmaxxing-minimax-localargmax-p512n1536-20260517.queue/</loc>');
	});

	it('shows inferred track and outcome as badges on a note', () => {
		const text = textOf(build.page('notes/2026-05-10-minimax-ccl-p2p-off-negative/index.html'));
		expect(text).toContain('negative');
		expect(text).toContain('track: MiniMax M2.7 AutoRound, vLLM/XPU');
	});

	it('turns file references into links, and leaves missing ones and machine paths as code', () => {
		const html = build.page('notes/2026-05-10-minimax-ccl-p2p-off-negative/index.html');
		expect(html).toContain('href="/data/minimax-m27-ccl-p2p-off-negative-20260510/"');
		expect(html).toMatch(/href="https:\/\/github.com\/[^"]+\/blob\/main\/data\/minimax-m27-ccl-p2p-off-negative-20260510.log"/);
		expect(html).toContain('<code>data/does-not-exist.json</code>');
		expect(html).not.toMatch(/href="[^"]*\/mnt\/fast-ai/);
		// Shown as code, and kept out of the search index.
		expect(html).toContain('<code data-pagefind-ignore>/mnt/fast-ai/bench-results/p2p-off.log</code>');
	});

	it('renders a data file as tables and sections, linked to its note', () => {
		const html = build.page('data/qwen36-fp8-tp4-ngram-sweep-20260506/index.html');
		expect(html).toContain('<th scope="col">draft_tokens</th>');
		expect(html).toContain('href="/notes/2026-05-06-fp8-tp4-ngram-sweep/"');
		expect(textOf(build.page('data/truncated-experiment-20260509/index.html'))).toContain('This file is not valid JSON');
	});

	it('publishes an import report that matches npm run report', () => {
		const cli = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts'], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: buildEnv({ LAB_DIR: FIXTURE_LAB }),
		});
		expect(cli.status, cli.stderr).toBe(0);
		const [, total, measured, imported] = /Records: (\d+) \((\d+) measured, (\d+) imported\)/.exec(cli.stdout)!;
		const [, notes] = /Notes: (\d+)/.exec(cli.stdout)!;
		const [, dataFiles] = /Data files: (\d+)/.exec(cli.stdout)!;
		const [, unresolved] = /Unresolved links: (\d+)/.exec(cli.stdout)!;
		const page = textOf(build.page('report/index.html'));
		expect(page).toContain(`${total} records: ${measured} measured, ${imported} imported from legacy material`);
		expect(page).toContain(`${notes} notes`);
		expect(page).toContain(`${dataFiles} data files`);
		expect(page).toContain(`${unresolved} references to files that do not exist`);
	});

	it('gives each of the report\'s lists a count, and every item on the list\'s own pages', () => {
		const report = build.page('report/index.html');
		const rows = [...report.matchAll(/<tr><th scope="row">(?:<a href="([^"]+)">)?([^<]+)(?:<\/a>)?<\/th><td>(\d+)<\/td><\/tr>/g)];
		const lists = rows.filter(([, , title]) => ['Unresolved links', 'Paths not read', 'Legacy material that did not become a record', 'Secrets removed', 'Raw HTML dropped', 'Pages renamed'].includes(title));
		expect(lists).toHaveLength(6);
		expect(lists.filter(([, , , count]) => Number(count) > 0).length).toBeGreaterThan(1);
		for (const [, href, title, count] of lists) {
			if (Number(count) === 0) {
				expect(href, title).toBeUndefined();
				continue;
			}
			// Follow the pager from the list's first page: every item once, no page twice.
			const items: string[] = [];
			const seen = new Set<string>();
			for (let address: string | undefined = href; address && !seen.has(address); ) {
				seen.add(address);
				const html = build.page(`${address.replace(/^\//, '')}index.html`);
				items.push(...[...html.matchAll(/<li><code>/g)].map((match) => match[0]));
				address = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
			}
			expect(items.length, title).toBe(Number(count));
			expect(seen.size, title).toBe(Math.ceil(Number(count) / listItemsPerPage({})));
		}
	});

	it('publishes records.json that validates against /schema/record.json, and records.csv', () => {
		const schema = JSON.parse(readFileSync(join(build.outDir, 'schema/record.json'), 'utf8'));
		const validate = new Ajv2020({ strict: false }).compile(schema);
		const published = JSON.parse(readFileSync(join(build.outDir, 'records.json'), 'utf8'));
		const strictRecords = readdirSync(join(FIXTURE_LAB, 'data/records')).length;
		const importedRecords = 7; // 2 payloads, 2 queue entries, 1 llama-bench row, 2 CURRENT.md sections
		expect(published.count).toBe(strictRecords + importedRecords);
		for (const { id, record } of published.records) expect(validate(record), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
		const csv = readFileSync(join(build.outDir, 'records.csv'), 'utf8').trim().split('\n');
		expect(csv).toHaveLength(strictRecords + importedRecords + 1);
		expect(csv[0]).toContain('metrics.outputTokPerS,metrics.totalTokPerS');
		expect(csv[0]).toContain('warmth');
	});

	it('shows the newest promoted record of each track, with its labels and where the promotion was said', () => {
		const text = textOf(build.page('current-best/index.html'));
		expect(text).toContain('80.603 output tok/s');
		expect(text).toContain('p512/n1536, ctx 2048 · batch 1 · concurrency 1 · warm · spec off · quality passed');
		expect(text).toContain('Promotion: stated in');
		// The quoted sentence reads apart from the file and line it is quoted from.
		expect(build.page('current-best/index.html')).toMatch(/<\/a> <q>/);
		expect(text).toContain('cmpasdq5v007nmn019elaut3s');
	});
});

describe('building under a base path (GitHub Pages project site)', () => {
	let build: BuildResult;
	beforeAll(() => {
		build = buildSite(FIXTURE_LAB, { BASE_PATH: '/b70-optimization-lab' });
	});
	afterAll(() => build.cleanup());

	it('resolves every internal link under the base', () => {
		expect(build.status, build.output).toBe(0);
		const result = checkBuiltLinks(build.outDir, '/b70-optimization-lab');
		expect(result.pages).toBeGreaterThan(40);
		expect(result.broken).toEqual([]);
	});

	it('rewrites links written in content to the base', () => {
		const html = build.page('notes/2026-05-10-minimax-ccl-p2p-off-negative/index.html');
		expect(html).toContain('href="/b70-optimization-lab/data/minimax-m27-ccl-p2p-off-negative-20260510/"');
	});
});

describe('the build refuses bad content', () => {
	let lab: string;
	beforeAll(() => {
		lab = copyFixtureLab();
	});
	afterAll(() => rmSync(lab, { recursive: true, force: true }));

	function buildWith(change: () => void): BuildResult {
		const snapshot = copyFixtureLab();
		rmSync(lab, { recursive: true, force: true });
		// Start from a clean copy each time so one broken file does not mask another.
		lab = snapshot;
		change();
		const result = buildSite(lab);
		result.cleanup();
		return result;
	}

	it('fails naming the file and field when a record loses its quality label', () => {
		const file = 'data/records/qwen36-q4-single-card-20260503.json';
		const result = buildWith(() => {
			const record = JSON.parse(readFileSync(join(lab, file), 'utf8'));
			delete record.quality;
			writeFileSync(join(lab, file), JSON.stringify(record, null, 2));
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain(`${file}: quality is missing. Write quality: {`);
		// The message is the whole story: no stack trace of the site's own loader under it.
		expect(result.output).not.toMatch(/Stack trace|src\/build\/loaders\.ts/);
	});

	it('fails on a naked tok/s', () => {
		const file = 'data/records/qwen36-q4-single-card-20260503.json';
		const result = buildWith(() => {
			const record = JSON.parse(readFileSync(join(lab, file), 'utf8'));
			record.metrics = { tokPerS: 24.2 };
			writeFileSync(join(lab, file), JSON.stringify(record, null, 2));
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain(`${file}: metrics.tokPerS is not a label. Use outputTokPerS (generated tokens only) or totalTokPerS (prompt + generated).`);
	});

	it('fails a recipe without failure modes, advising to keep it in notes/', () => {
		const file = 'repro/demo-qwen-q4-llamacpp/README.md';
		const result = buildWith(() => {
			const readme = readFileSync(join(lab, file), 'utf8');
			writeFileSync(join(lab, file), readme.replace(/failureModes:\n(?: {2}- .*\n)+/, ''));
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain(`${file}: failureModes is missing: a recipe needs failure modes`);
		expect(result.output).toContain('Keep it in notes/ until it has this.');
	});

	it('fails a note with an unknown outcome in its frontmatter', () => {
		const file = 'notes/2026-05-20-frontmatter-override.md';
		const result = buildWith(() => {
			const note = readFileSync(join(lab, file), 'utf8');
			writeFileSync(join(lab, file), note.replace('outcome: negative', 'outcome: win'));
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain(`${file}: outcome is "win" (text); write one of: positive, negative, diagnostic, blocker, neutral.`);
	});
});
