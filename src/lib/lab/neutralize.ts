/**
 * Keeps contributed markdown inert. Raw HTML that can run code (script, iframe, object, embed
 * and friends, event-handler attributes, javascript: URLs) is found for `npm run check` and
 * turned into plain text before the site renders it. Code blocks and inline code are left alone:
 * they are displayed, never executed.
 */
const DANGEROUS_TAG = /<\/?(script|iframe|object|embed|applet|frame|frameset|base|meta|link|style|form|input|button|textarea|select)\b[^>]*>?/gi;
const EVENT_HANDLER_TAG = /<[a-z][\w-]*\b[^>]*?\son[a-z]+\s*=[^>]*>?/gi;
const SCRIPT_URL_ATTRIBUTE = /\b(href|src|action|formaction|xlink:href|data)\s*=\s*(["']?)\s*(javascript|vbscript|data:text\/html)\s*:?/gi;
// One level of parentheses inside the URL: [x](javascript:alert(1))
const SCRIPT_URL_LINK = /(\]\(\s*<?|<)(javascript|vbscript|data:text\/html)\s*:(?:[^()\s>]|\([^()\s]*\))*/gi;
const FENCE = /^\s{0,3}(```|~~~)/;
const INLINE_CODE = /(`+)[^`]*?\1/g;

export interface UnsafeHtml {
	line: number;
	what: string;
}

/** Applies `rewrite` to each line outside fenced code, with inline code spans protected. */
function outsideCode(markdown: string, rewrite: (text: string, line: number) => string): string {
	let inFence = false;
	return markdown
		.split('\n')
		.map((line, index) => {
			if (FENCE.test(line)) {
				inFence = !inFence;
				return line;
			}
			if (inFence) return line;
			const spans: string[] = [];
			const masked = line.replace(INLINE_CODE, (span) => `\u0000${spans.push(span) - 1}\u0000`);
			return rewrite(masked, index + 1).replace(/\u0000(\d+)\u0000/g, (_, spanIndex) => spans[Number(spanIndex)]);
		})
		.join('\n');
}

export function findUnsafeHtml(markdown: string): UnsafeHtml[] {
	const found: UnsafeHtml[] = [];
	outsideCode(markdown, (text, line) => {
		for (const match of text.matchAll(DANGEROUS_TAG)) if (!match[0].startsWith('</')) found.push({ line, what: `a <${match[1].toLowerCase()}> tag` });
		for (const match of text.matchAll(EVENT_HANDLER_TAG)) {
			const handler = /\s(on[a-z]+)\s*=/i.exec(match[0])?.[1] ?? 'on...';
			found.push({ line, what: `an event-handler attribute (${handler.toLowerCase()}=)` });
		}
		for (const match of text.matchAll(SCRIPT_URL_ATTRIBUTE)) found.push({ line, what: `a ${match[3].toLowerCase()}: URL` });
		for (const match of text.matchAll(SCRIPT_URL_LINK)) found.push({ line, what: `a ${match[2].toLowerCase()}: URL` });
		return text;
	});
	return found;
}

/** The markdown with every unsafe construct turned into visible, inert text. */
export function neutralizeMarkdown(markdown: string): string {
	return outsideCode(markdown, (text) =>
		text
			.replace(DANGEROUS_TAG, (tag) => tag.replace(/</g, '&lt;'))
			.replace(EVENT_HANDLER_TAG, (tag) => tag.replace(/</g, '&lt;'))
			.replace(SCRIPT_URL_ATTRIBUTE, (_, attribute, quote) => `${attribute}=${quote}#unsafe-url-removed`)
			.replace(SCRIPT_URL_LINK, (_, opening) => `${opening}#unsafe-url-removed`),
	);
}
