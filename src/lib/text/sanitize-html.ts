/**
 * The HTML of the lab's notes, write-ups and recipes, after markdown rendering, goes through one
 * allow-list sanitiser (hast-util-sanitize, the library behind rehype-sanitize) working on the
 * parsed HTML tree: whatever the browser would parse is what gets checked, so tags split over
 * lines, attributes without spaces, entity-encoded `javascript:` URLs and SVG tricks are judged
 * as the browser sees them, not by line patterns. The allow-list is GitHub's (defaultSchema)
 * plus what rendered lab notes legitimately carry: highlighted code, heading ids, footnotes,
 * task lists, details/summary, and images with https or relative sources.
 */
import type { Element, Properties, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes } from 'mdast';
import { markdownToMdast } from 'satteri';
import { wrapTablesInRegions } from './table-regions';

/**
 * A `style` attribute of `;`-separated declarations of the given properties, each value words of
 * the given characters separated by single spaces. Every space has one place to go, so a hostile
 * attribute cannot make the pattern backtrack (the pattern this replaces, `(?:\s*prop\s*:\s*[...
 * ]*;?)*`, took exponential time on "color:a color:a color:a ...!").
 */
function styleAllowing(properties: string, valueCharacter: string): RegExp {
	const declaration = String.raw`(?:${properties}) *: *(?:${valueCharacter}+(?: ${valueCharacter}+)*)?`;
	return new RegExp(String.raw`^ *(?:${declaration}(?: *; *${declaration})* *;? *)?$`);
}

// Syntax highlighting (Shiki) colours code with inline styles; only colour-like declarations
// pass, so no `url(...)`, positioning or overlay can come from a note.
const HIGHLIGHT_STYLE = styleAllowing(String.raw`background-color|color|--shiki-[a-z-]+|overflow-x|font-style|font-weight|text-decoration`, String.raw`[#a-zA-Z0-9.-]`);

const defaults = defaultSchema.attributes ?? {};

export const LAB_HTML_SCHEMA: Schema = {
	...defaultSchema,
	tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'caption', 'cite', 'col', 'colgroup', 'figcaption', 'figure', 'mark', 'small', 'time', 'u'],
	attributes: {
		...defaults,
		'*': [...(defaults['*'] ?? []), 'id'],
		a: [...(defaults.a ?? []), 'title'],
		code: [['className', /^language-./]],
		img: [...(defaults.img ?? []), 'title', 'width', 'height', 'loading'],
		pre: [['className', /^(astro-code|github-dark|github-light|language-.+|shiki)$/], ['style', HIGHLIGHT_STYLE], 'tabIndex', 'dataLanguage'],
		span: [['className', /^line$/], ['style', HIGHLIGHT_STYLE]],
		h2: [['className', 'sr-only']],
		li: [['className', 'task-list-item']],
		th: ['align', ['style', /^text-align:\s*(left|right|center);?$/]],
		td: ['align', ['style', /^text-align:\s*(left|right|center);?$/]],
		time: ['dateTime'],
	},
	// Heading and footnote ids are the page's anchors and its table of contents; `name` keeps
	// GitHub's prefix so a note cannot shadow a global of the page's scripts.
	clobber: ['name'],
	clobberPrefix: 'user-content-',
	protocols: {
		href: ['http', 'https', 'mailto'],
		cite: ['http', 'https'],
		longDesc: ['http', 'https'],
		src: ['http', 'https'],
	},
	// Dropped with their content: shown as text they would only be noise (or the script itself).
	strip: ['script', 'style', 'iframe', 'noscript', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'],
};

// Elements whose content the HTML parser reads as raw text up to their end tag: opened in a
// note and never closed, they would swallow the rest of the page (GFM's tag filter, plus
// noscript and unclosed comments).
const RAW_TEXT_TAG = /<(?=\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext|noscript)(?:[\s/>]|$))/gi;

function inertPiece(html: string): string {
	const filtered = html.replace(RAW_TEXT_TAG, '&lt;');
	// A comment left open would hide everything after it.
	return filtered.replace(/<!--/g, (opening, offset: number) => (filtered.indexOf('-->', offset + 4) === -1 ? '&lt;!--' : opening));
}

/**
 * The markdown with its raw HTML unable to swallow the page: raw-text tags and open comments
 * in raw HTML become text before rendering (the sanitiser then judges everything else).
 */
export function inertRawText(markdown: string): string {
	if (!/<(?:[a-z!/])/i.test(markdown)) return markdown;
	let tree: MdastNodes;
	try {
		tree = markdownToMdast(markdown, { features: { gfm: true } }) as MdastNodes;
	} catch {
		return markdown.replace(/</g, '&lt;');
	}
	const pieces: Array<{ start: number; end: number }> = [];
	const stack: MdastNodes[] = [tree];
	while (stack.length) {
		const node = stack.pop()!;
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (node.type === 'html' && start !== undefined && end !== undefined) pieces.push({ start, end });
		if ('children' in node) stack.push(...node.children);
	}
	if (!pieces.length) return markdown;
	pieces.sort((a, b) => a.start - b.start);
	let result = '';
	let last = 0;
	for (const { start, end } of pieces) {
		if (start < last) continue;
		result += markdown.slice(last, start) + inertPiece(markdown.slice(start, end));
		last = end;
	}
	return result + markdown.slice(last);
}

/**
 * Astro marks a relative markdown image for its image pipeline (`__ASTRO_IMAGE_`, no `src`);
 * lab images are not in that pipeline, so the image keeps its own relative source instead.
 */
function restoreMarkedImages(node: Root | RootContent): void {
	if (node.type === 'element' && node.tagName === 'img') restoreImage(node);
	if ('children' in node) for (const child of node.children) restoreMarkedImages(child);
}

function restoreImage(image: Element): void {
	const marker = Object.keys(image.properties).find((key) => key.toLowerCase() === '__astro_image_');
	if (!marker) return;
	const value = image.properties[marker];
	delete image.properties[marker];
	try {
		const marked = JSON.parse(String(value)) as Properties;
		for (const key of ['src', 'alt', 'title', 'width', 'height'] as const) {
			if (marked[key] !== undefined && image.properties[key] === undefined) (image.properties as Record<string, unknown>)[key] = marked[key];
		}
	} catch {
		// An unreadable marker leaves an image without a source: nothing to show, nothing unsafe.
	}
}

/**
 * Code blocks are drawn by Expressive Code (Starlight) inside the markdown pipeline: a
 * `div.expressive-code` with its own classes, colour variables, copy button and, on the first
 * block of a page, its stylesheet and script from the site's own assets. A block keeps that
 * shape under its own allow-list; a note that forges one gains nothing more than the site's
 * own code-block script (no other script, no handler, no URL but the site's EC assets).
 */
const SITE_EC_ASSET = /^(?:\/[\w.-]+)*\/_astro\/ec\.[\w-]+\.(?:css|js)$/;
const EC_STYLE = styleAllowing(String.raw`--[\w-]+|color|background-color|font-style|font-weight|text-decoration|opacity`, String.raw`[#a-zA-Z0-9.%-]`);
const EC_CLASS = /^[\w-]+$/;

const CODE_BLOCK_SCHEMA: Schema = {
	tagNames: ['div', 'figure', 'figcaption', 'pre', 'code', 'span', 'button', 'link', 'script', 'mark', 'ins', 'del'],
	attributes: {
		'*': [['className', EC_CLASS], ['style', EC_STYLE], 'ariaLabel', 'ariaHidden', 'title'],
		pre: ['dataLanguage', 'tabIndex'],
		div: ['ariaLive'],
		button: ['dataCode', 'dataCopied'],
		link: [['rel', 'stylesheet'], ['href', SITE_EC_ASSET]],
		script: [['type', 'module'], ['src', SITE_EC_ASSET]],
	},
	protocols: {},
	strip: [],
	clobber: [],
	ancestors: {},
	required: {},
};

const isCodeBlock = (node: RootContent): boolean =>
	node.type === 'element' && node.tagName === 'div' && Array.isArray(node.properties.className) && node.properties.className.includes('expressive-code');

/** A code block under its allow-list; a script or stylesheet link survives only pointing at the site's EC asset. */
function sanitizeCodeBlock(block: Element): string {
	const kept = sanitize({ type: 'root', children: [block] }, CODE_BLOCK_SCHEMA) as Root;
	const prune = (parent: Root | Element) => {
		parent.children = parent.children.filter((child) => {
			if (child.type !== 'element') return true;
			if (child.tagName === 'script') {
				child.children = [];
				return typeof child.properties.src === 'string' && child.properties.type === 'module';
			}
			if (child.tagName === 'link') return typeof child.properties.href === 'string';
			prune(child);
			return true;
		});
	};
	prune(kept);
	return toHtml(kept);
}

/** Parse errors aside, a browser never leaves U+0000 in text, so it can mark where code blocks go back. */
const PLACEHOLDER = (index: number) => `\u0000code-block-${index}\u0000`;

/** Takes code blocks out of the tree (each replaced by a placeholder) and removes stray U+0000. */
function takeCodeBlocks(parent: Root | Element, blocks: Element[]): void {
	parent.children = parent.children.map((child) => {
		if (child.type === 'text') return { ...child, value: child.value.replace(/\u0000/g, '\uFFFD') };
		if (isCodeBlock(child)) {
			blocks.push(child as Element);
			return { type: 'text', value: PLACEHOLDER(blocks.length - 1) };
		}
		if (child.type === 'element') takeCodeBlocks(child, blocks);
		return child;
	}) as typeof parent.children;
}

/** The tree the sanitiser keeps (exported for the dropped-HTML report, which compares trees). */
export function sanitizeTree(tree: Root): Root {
	restoreMarkedImages(tree);
	return sanitize(tree, LAB_HTML_SCHEMA) as Root;
}

/** The text of HTML without any tag, escaped: for HTML too deeply nested to parse into a tree. */
export function htmlAsPlainText(html: string): string {
	let text = '';
	let inTag = false;
	for (let index = 0; index < html.length; index++) {
		const character = html[index];
		if (character === '<') inTag = true;
		else if (character === '>' && inTag) inTag = false;
		else if (!inTag) text += character === '&' ? '&#x26;' : character;
	}
	return `<p>${text.replace(/>/g, '&#x3E;')}</p>`;
}

/** Rendered lab HTML with everything outside the allow-list removed. */
export function sanitizeLabHtml(html: string): string {
	try {
		return sanitizeParsed(html);
	} catch (error) {
		// The tree libraries recurse; raw HTML nested tens of thousands deep exhausts the stack.
		if (error instanceof RangeError) return htmlAsPlainText(html);
		throw error;
	}
}

function sanitizeParsed(html: string): string {
	// parse5 directly, as hast-util-from-html does but without source positions (nothing here reads
	// them): tracking them was most of the sanitiser's time.
	const tree = fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root;
	const blocks: Element[] = [];
	takeCodeBlocks(tree, blocks);
	// Wrapped after sanitising: the region's tabindex and role are the site's, not the note's.
	const sanitized = toHtml(wrapTablesInRegions(sanitizeTree(tree)));
	return blocks.length ? sanitized.replace(/\u0000code-block-(\d+)\u0000/g, (_, index) => sanitizeCodeBlock(blocks[Number(index)])) : sanitized;
}

/**
 * A rendered content-layer entry, sanitised. Image paths are cleared because the images now keep
 * their own `src` and Astro has nothing left to resolve.
 */
export function sanitizeRendered<T extends { html: string; metadata?: Record<string, unknown> }>(rendered: T): T {
	const metadata = rendered.metadata ? { ...rendered.metadata, localImagePaths: [], imagePaths: [] } : rendered.metadata;
	return { ...rendered, html: sanitizeLabHtml(rendered.html), metadata };
}
