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
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

// Syntax highlighting (Shiki) colours code with inline styles; only colour-like declarations
// pass, so no `url(...)`, positioning or overlay can come from a note.
const HIGHLIGHT_STYLE = /^(?:\s*(?:background-color|color|--shiki-[a-z-]+|overflow-x|font-style|font-weight|text-decoration)\s*:\s*[#a-zA-Z0-9 .-]*;?)*\s*$/;

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
			if (marked[key] !== undefined && image.properties[key] === undefined) image.properties[key] = marked[key];
		}
	} catch {
		// An unreadable marker leaves an image without a source: nothing to show, nothing unsafe.
	}
}

/** The tree the sanitiser keeps (exported for the dropped-HTML report, which compares trees). */
export function sanitizeTree(tree: Root): Root {
	restoreMarkedImages(tree);
	return sanitize(tree, LAB_HTML_SCHEMA) as Root;
}

/** Rendered lab HTML with everything outside the allow-list removed. */
export function sanitizeLabHtml(html: string): string {
	return toHtml(sanitizeTree(fromHtml(html, { fragment: true })));
}

/**
 * A rendered content-layer entry, sanitised. Image paths are cleared because the images now keep
 * their own `src` and Astro has nothing left to resolve.
 */
export function sanitizeRendered<T extends { html: string; metadata?: Record<string, unknown> }>(rendered: T): T {
	const metadata = rendered.metadata ? { ...rendered.metadata, localImagePaths: [], imagePaths: [] } : rendered.metadata;
	return { ...rendered, html: sanitizeLabHtml(rendered.html), metadata };
}
