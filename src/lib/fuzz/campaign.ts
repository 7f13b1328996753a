/**
 * The fuzz campaign: hostile lab trees (src/lib/fuzz/hostile-lab.ts) through the site's pure
 * pipeline: inventory (with secret redaction), markdown rendering with the site's parser and
 * sanitiser, the dropped-HTML report, `npm run check`, JSON embedded in pages, the JSON view and
 * page slugs. It counts what must stay zero: crashes, scripts that survive, secrets that survive,
 * and files the site does not account for. Seeded (same seed, same trees) and time-bounded.
 * A full site build per tree is too slow; tests/e2e/hostile.e2e.test.ts builds one hostile lab and
 * opens its pages in Chromium.
 */
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { markdownToHtml } from 'satteri';
import { formatFinding, runChecks } from '../checks';
import { findDroppedHtml } from '../checks/unsafe-markdown';
import { buildReport } from '../lab/report';
import { buildInventory, type LabInventory } from '../lab/inventory';
import { jsonView } from '../lab/json-view';
import { pageSlugs } from '../site/page-slug';
import { jsonForHtml } from '../text/embed-json';
import { parseLabJson } from '../text/lab-json';
import { inertRawText, sanitizeLabHtml } from '../text/sanitize-html';
import { redactedPath, secretsInName } from '../text/secrets';
import { hostileTree, type HostileTree } from './hostile-lab';

export interface CampaignCounts {
	trees: number;
	files: number;
	crashes: number;
	scriptsSurviving: number;
	secretsSurviving: number;
	unaccounted: number;
}

export interface TreeOutcome {
	crashes: string[];
	scripts: string[];
	secrets: string[];
	unaccounted: string[];
}

const ACTIVE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'style', 'svg', 'math', 'form', 'base', 'meta', 'link', 'animate', 'set', 'template', 'noscript', 'input', 'button', 'textarea', 'select']);
const SCRIPT_URL = /^(javascript|vbscript|data):/i;

function elements(node: Root | RootContent, found: Element[] = []): Element[] {
	const stack: Array<Root | RootContent> = [node];
	while (stack.length) {
		const current = stack.pop()!;
		if (current.type === 'element') found.push(current);
		if ('children' in current) stack.push(...current.children);
	}
	return found;
}

/** What in a piece of HTML a browser could run (the task-list checkbox, disabled, excepted). */
export function activeParts(html: string): string[] {
	return elements(fromHtml(html, { fragment: true })).flatMap((element) => {
		const found: string[] = [];
		const taskBox = element.tagName === 'input' && element.properties.type === 'checkbox' && element.properties.disabled === true;
		if (ACTIVE_TAGS.has(element.tagName) && !taskBox) found.push(`<${element.tagName}>`);
		for (const [name, value] of Object.entries(element.properties)) {
			if (/^on/i.test(name)) found.push(`${element.tagName} ${name}`);
			// Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
			else if (SCRIPT_URL.test(String(value).replace(/[\u0000-\u0020]/g, ''))) found.push(`${element.tagName} ${name}=script URL`);
		}
		return found;
	});
}

/** The JSON is one script's whole text, as the browser parses the page. */
function embedBreaks(value: unknown): boolean {
	const json = jsonForHtml(value);
	const tree = fromHtml(`<script type="application/json">${json}</script><p>end</p>`, { fragment: true });
	const [script, after] = tree.children.filter((child): child is Element => child.type === 'element');
	const text = script?.children.map((child) => (child.type === 'text' ? child.value : '')).join('') ?? '';
	return script?.tagName !== 'script' || after?.tagName !== 'p' || text !== json;
}

function inventoryOf(tree: HostileTree): LabInventory {
	return buildInventory({
		files: tree.files.map((file) => ({ path: file.path, text: file.text, size: file.text.length })),
		base: '/',
		repoUrl: 'https://github.com/lab/repo',
		branch: 'main',
		localmaxxingUrl: (id) => `https://www.localmaxxing.com/en/runs/${id}`,
		includeRootDocuments: true,
	});
}

/** Runs one tree through the pipeline; everything that must be zero, with what it was. */
export function checkTree(tree: HostileTree): TreeOutcome {
	const outcome: TreeOutcome = { crashes: [], scripts: [], secrets: [], unaccounted: [] };
	const guard = <T>(step: string, run: () => T): T | undefined => {
		try {
			return run();
		} catch (error) {
			outcome.crashes.push(`${step}: ${(error as Error).message.slice(0, 200)}`);
			return undefined;
		}
	};
	const inventory = guard('inventory', () => inventoryOf(tree));
	if (!inventory) return outcome;
	const published: Array<[string, string]> = [];

	for (const document of [...inventory.notes, ...inventory.writeups]) {
		const html = guard(`render ${document.path}`, () => sanitizeLabHtml(markdownToHtml(inertRawText(document.markdown), { features: { gfm: true } }).html));
		if (html === undefined) continue;
		outcome.scripts.push(...activeParts(html).map((part) => `${document.path}: ${part}`));
		published.push([`${document.path} page`, html], [`${document.path} markdown`, document.markdown], [`${document.path} title`, String(document.meta.title ?? '')]);
		if (embedBreaks({ title: document.meta.title, models: document.meta.models })) outcome.scripts.push(`${document.path}: title breaks out of embedded JSON`);
	}
	for (const file of tree.files) {
		if (/\.md$/i.test(file.path)) guard(`dropped-html ${file.path}`, () => findDroppedHtml(file.text, file.path));
		if (file.path.endsWith('.json')) guard(`parseLabJson ${file.path}`, () => parseLabJson(file.text));
	}
	for (const data of inventory.data) {
		guard(`json-view ${data.path}`, () => jsonView(data.json));
		const text = guard(`serialise ${data.path}`, () => JSON.stringify({ json: data.json, title: data.title, facts: data.facts }));
		if (text !== undefined) published.push([`${data.path} data`, text]);
		if (embedBreaks({ title: data.title, summary: data.facts.summary })) outcome.scripts.push(`${data.path}: title breaks out of embedded JSON`);
	}
	for (const legacy of inventory.legacyRecords) {
		published.push([`${legacy.id} record`, JSON.stringify(legacy.record)]);
		if (embedBreaks(legacy.record)) outcome.scripts.push(`${legacy.id}: record breaks out of embedded JSON`);
	}
	guard('report', () => buildReport(inventory, inventory.legacyRecords.map((legacy) => legacy.record)));
	const findings = guard('check', () =>
		runChecks({ files: tree.files.map((file) => ({ path: file.path, text: file.text, size: file.text.length })), inventory }),
	);
	if (findings) published.push(['npm run check output', findings.map(formatFinding).join('\n')]);

	// Page addresses: one per page, routable, and no secret in them.
	const ids = [...inventory.notes.map((note) => note.id), ...inventory.data.map((data) => data.id)];
	const slugs = guard('slugs', () => pageSlugs(ids, ['by-track', 'by-outcome']));
	if (slugs) {
		const values = [...slugs.values()].map((entry) => entry.slug);
		published.push(['page addresses', values.join('\n')]);
		if (new Set(values).size !== new Set(ids).size) outcome.unaccounted.push('two pages share an address');
		for (const slug of values) if (slug.split('/').some((segment) => encodeURIComponent(segment) !== segment || segment === '..' || segment === '.')) outcome.unaccounted.push(`unroutable page ${slug}`);
	}

	// Every file is a page, a listed file, or named in an error or skip reason.
	const pages = new Set([...inventory.notes, ...inventory.writeups].map((document) => document.path).concat(inventory.data.map((data) => data.path), inventory.otherDataFiles.map((file) => file.path)));
	const named = [...inventory.findings.map((finding) => finding.file), ...inventory.skippedLegacy.map((skip) => skip.path), ...(inventory.redactedSecrets ?? []).map((secret) => secret.file)].join('\n');
	const withSecretInName = new Set((inventory.redactedSecrets ?? []).filter((secret) => secret.field === 'file name').map((secret) => secret.file));
	const listed = new Set(inventory.allFiles);
	for (const file of tree.files) {
		if (secretsInName(file.path).length) {
			if (!withSecretInName.has(redactedPath(file.path))) outcome.unaccounted.push('a file whose name holds a secret is not reported');
		} else if (!listed.has(file.path)) outcome.unaccounted.push(`${file.path}: not listed`);
		else if (/^(notes|results|data)\//.test(file.path) && /\.(md|json)$/i.test(file.path) && !pages.has(file.path) && !named.includes(file.path)) outcome.unaccounted.push(`${file.path}: no page and no reason`);
	}

	for (const secret of tree.secrets) {
		if (secret.length < 12) continue;
		const where = published.filter(([, text]) => text.includes(secret)).map(([name]) => name);
		if (where.length) outcome.secrets.push(`a planted secret (${secret.length} characters) survived in ${where.join(', ')}`);
	}
	return outcome;
}

export interface CampaignOptions {
	trees: number;
	seconds: number;
	seed: number;
	/** Files per tree, at most. */
	maxFiles?: number;
	/** For tests and the CLI: the clock (milliseconds). */
	now?: () => number;
	/** Called for each tree that fails, with the tree's index and what failed. */
	onFailure?: (index: number, outcome: TreeOutcome) => void;
}

/** Generates and checks trees until `trees` are done or `seconds` have passed. */
export function runCampaign({ trees, seconds, seed, maxFiles = 12, now = () => performance.now(), onFailure }: CampaignOptions): CampaignCounts {
	const counts: CampaignCounts = { trees: 0, files: 0, crashes: 0, scriptsSurviving: 0, secretsSurviving: 0, unaccounted: 0 };
	const deadline = now() + seconds * 1000;
	const arbitrary = hostileTree(maxFiles);
	const batch = 10;
	for (let round = 0; counts.trees < trees && now() < deadline; round++) {
		for (const tree of fc.sample(arbitrary, { seed: seed + round, numRuns: Math.min(batch, trees - counts.trees) })) {
			if (now() >= deadline) break;
			const outcome = checkTree(tree);
			counts.trees++;
			counts.files += tree.files.length;
			counts.crashes += outcome.crashes.length;
			counts.scriptsSurviving += outcome.scripts.length;
			counts.secretsSurviving += outcome.secrets.length;
			counts.unaccounted += outcome.unaccounted.length;
			if (outcome.crashes.length + outcome.scripts.length + outcome.secrets.length + outcome.unaccounted.length) onFailure?.(counts.trees - 1, outcome);
		}
	}
	return counts;
}
