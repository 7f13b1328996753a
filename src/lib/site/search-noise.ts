/**
 * Marks rendered HTML that would drown real search hits: absolute paths from the lab machine and
 * long code blocks (command lines, logs). They stay on the page, out of the index. Flag names in
 * prose and short code stay searchable.
 */
export const LONG_CODE_BLOCK_CHARACTERS = 400;

const textLength = (html: string) => html.replace(/<[^>]+>/g, '').length;

export function keepNoiseOutOfSearch(html: string): string {
	return html
		.replace(/<code>(?=\/(?:home|mnt|root)\/)/g, '<code data-pagefind-ignore>')
		.replace(/<pre(\s[^>]*)?>([\s\S]*?)<\/pre>/g, (block, attributes = '', inner: string) =>
			textLength(inner) > LONG_CODE_BLOCK_CHARACTERS && !/data-pagefind-ignore/.test(attributes) ? `<pre${attributes} data-pagefind-ignore>${inner}</pre>` : block,
		);
}
