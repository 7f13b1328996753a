/**
 * Raw HTML and link targets in the lab's markdown that the site's sanitiser
 * (src/lib/text/sanitize-html.ts) drops. The markdown is parsed by satteri, the parser Astro
 * renders the pages with (GFM on, as there), so what is found here is what the page got; each
 * raw HTML piece is parsed as the browser would, and the sanitiser itself says what it keeps:
 * the report and the site can never disagree.
 * Anything that could run code is an error for `npm run check`; other dropped markup is a warning.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { markdownToMdast } from 'satteri';
import { sanitizeTree } from '../text/sanitize-html';
import type { Check, Finding, Severity } from './types';

export interface DroppedHtml {
	file: string;
	line: number;
	field: string;
	message: string;
	fix: string;
	severity: Severity;
}

const CONTRIBUTED = /^(notes|repro|results|plans|data)\/.+\.md$|^[^/]+\.md$/i;
// Elements whose only use in a note would be to run code, load a page, or restyle the site.
const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'svg', 'math', 'form', 'base', 'meta', 'link', 'template', 'noscript', 'animate', 'set', 'portal']);
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcSet', 'cite', 'longDesc', 'background', 'values', 'to', 'from', 'by']);

const FIX_TEXT = 'Describe it in text, or show it as code in backticks or a fenced block.';
const FIX_URL = 'Link to an http(s), mailto or relative address.';

function parseMarkdown(markdown: string): MdastRoot {
	return markdownToMdast(markdown, { features: { gfm: true } }) as MdastRoot;
}

/** The element alone (no children) as the sanitiser returns it: undefined when it is dropped. */
function keptAlone(element: Element): Element | undefined {
	const kept = sanitizeTree({ type: 'root', children: [{ ...element, properties: { ...element.properties }, children: [] }] });
	return kept.children.find((child): child is Element => child.type === 'element' && child.tagName === element.tagName);
}

function isActiveAttribute(name: string, value: unknown): boolean {
	return /^on/i.test(name) || (URL_PROPERTIES.has(name) && /^\s*[a-z][a-z0-9+.-]*:/i.test(String(value)) && !/^\s*(https?|mailto):/i.test(String(value)));
}

function elementsOf(node: HastRoot | HastContent, found: Element[] = []): Element[] {
	// Iterative: raw HTML can nest thousands of levels deep.
	const stack: Array<HastRoot | HastContent> = [node];
	while (stack.length) {
		const current = stack.pop()!;
		if (current.type === 'element') found.push(current);
		if ('children' in current) for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]);
		if (current.type === 'element' && current.content) stack.push(current.content);
	}
	return found;
}

function droppedInHtml(html: string, file: string, firstLine: number): DroppedHtml[] {
	const findings: DroppedHtml[] = [];
	let tree: HastRoot;
	try {
		tree = fromHtml(html, { fragment: true });
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		return [{ file, line: firstLine, field: 'raw HTML', severity: 'warning', message: 'raw HTML is nested too deeply to read; the page shows its text without any tag.', fix: 'Use markdown, or far less nesting.' }];
	}
	for (const element of elementsOf(tree)) {
		const line = firstLine + (element.position?.start.line ?? 1) - 1;
		const kept = keptAlone(element);
		if (!kept) {
			const active = ACTIVE.has(element.tagName.toLowerCase());
			findings.push({
				file,
				line,
				field: `<${element.tagName}>`,
				severity: active ? 'error' : 'warning',
				message: active
					? `raw HTML <${element.tagName}> could run code or restyle the site; it is not shown.`
					: `raw HTML <${element.tagName}> is not in the site's allow-list; the tag is dropped and its text kept.`,
				fix: FIX_TEXT,
			});
			continue;
		}
		for (const [name, value] of Object.entries(element.properties)) {
			if (value === undefined || value === null || value === false) continue;
			if (kept.properties[name] !== undefined) continue;
			const active = isActiveAttribute(name, value);
			findings.push({
				file,
				line,
				field: `<${element.tagName}> ${name}`,
				severity: active ? 'error' : 'warning',
				message: active
					? `attribute ${name} of <${element.tagName}> could run code in a reader's browser; it is removed.`
					: `attribute ${name} of <${element.tagName}> is not in the site's allow-list; it is removed.`,
				fix: URL_PROPERTIES.has(name) ? FIX_URL : FIX_TEXT,
			});
		}
	}
	return findings;
}

function droppedUrl(url: string, tagName: 'a' | 'img', file: string, line: number, what: string): DroppedHtml[] {
	const property = tagName === 'a' ? 'href' : 'src';
	const kept = keptAlone({ type: 'element', tagName, properties: { [property]: url }, children: [] });
	if (kept?.properties[property] !== undefined) return [];
	return [
		{
			file,
			line,
			field: what,
			severity: 'error',
			message: `${what} points at an address that could run code (not http, https, mailto or relative); the site shows it without the address.`,
			fix: FIX_URL,
		},
	];
}

/** Everything in `markdown` the sanitiser drops, as findings with file and line. Never throws. */
export function findDroppedHtml(markdown: string, file: string): DroppedHtml[] {
	// Raw HTML needs a '<' (so do autolinks); a link, image or definition needs '](' or ']:' (GFM's
	// bare www/http links are never dropped). Markdown with none of them has nothing to drop, and
	// most notes have none: parsing them all was a tenth of reading the lab.
	if (!markdown.includes('<') && !markdown.includes('](') && !markdown.includes(']:')) return [];
	let tree: MdastRoot;
	try {
		tree = parseMarkdown(markdown);
	} catch (error) {
		return [{ file, line: 1, field: 'markdown', severity: 'warning', message: `could not be read as markdown (${(error as Error).message}).`, fix: 'Check the file is text.' }];
	}
	const findings: DroppedHtml[] = [];
	const stack: MdastNodes[] = [tree];
	while (stack.length) {
		const node = stack.pop()!;
		const line = node.position?.start.line ?? 1;
		if (node.type === 'html') findings.push(...droppedInHtml(node.value, file, line));
		else if (node.type === 'link') findings.push(...droppedUrl(node.url, 'a', file, line, 'link'));
		else if (node.type === 'image') findings.push(...droppedUrl(node.url, 'img', file, line, 'image'));
		else if (node.type === 'definition') findings.push(...droppedUrl(node.url, 'a', file, line, `link reference [${node.label ?? node.identifier}]`));
		if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]);
	}
	return findings.sort((a, b) => a.line - b.line);
}

export const unsafeMarkdownCheck: Check = {
	name: 'unsafe-markdown',
	run: ({ files }) =>
		files
			.filter((file) => CONTRIBUTED.test(file.path) && file.text)
			.flatMap((file): Finding[] =>
				findDroppedHtml(file.text!, file.path).map((dropped) => ({
					severity: dropped.severity,
					file: dropped.file,
					line: dropped.line,
					field: dropped.field,
					message: `${dropped.message} ${dropped.fix}`,
				})),
			),
};
