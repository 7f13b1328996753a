import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { findDroppedHtml } from '../../src/lib/checks/unsafe-markdown';
import { inertRawText, sanitizeLabHtml } from '../../src/lib/text/sanitize-html';

/** What a lab note page shows: Astro's markdown renderer, then the site's sanitiser. */
const processor = await createSatteriMarkdownProcessor({});
async function renderNote(markdown: string): Promise<string> {
	return sanitizeLabHtml((await processor.render(inertRawText(markdown), {})).code);
}

function elements(node: Root | RootContent, found: Element[] = []): Element[] {
	if (node.type === 'element') found.push(node);
	if ('children' in node) for (const child of node.children) elements(child, found);
	return found;
}

/** Anything in the HTML a browser would run: script-like elements, handlers, script URLs. */
function activeParts(html: string): string[] {
	return elements(fromHtml(html, { fragment: true })).flatMap((element) => [
		...(['script', 'iframe', 'style', 'svg', 'object', 'embed', 'animate', 'math'].includes(element.tagName) ? [`<${element.tagName}>`] : []),
		...Object.entries(element.properties)
			.filter(([name, value]) => /^on/i.test(name) || /^\s*(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u0020]/g, '')))
			.map(([name]) => `${element.tagName} ${name}`),
	]);
}

const HOSTILE: Array<[string, string]> = [
	['a tag split over lines', '<img\nsrc="x"\nonerror="alert(1)">'],
	['a handler with its = on the next line', '<img src=x onerror\n=alert(1)>'],
	['attributes hidden between backticks', '<img src=x alt="`" onerror=alert(1) title="`">'],
	['an entity-encoded javascript: href', '<a href="&#106;avascript:alert(1)">x</a> and [y](&#106;avascript:alert(1))'],
	['a tab entity inside javascript:', '<a href="java&#9;script:alert(1)">x</a> [y](java&#9;script:alert(1))'],
	['a reference link to javascript:', '[click][r]\n\n[r]: javascript:alert(1)'],
	['an autolink to javascript:', '<javascript:alert(1)>'],
	['SVG animate with a javascript: value', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>'],
	['a script tag', '<script>alert(1)</script>'],
	['an iframe', '<iframe src="https://evil.example/"></iframe>'],
	['a style block', '<style>body{display:none}</style>'],
	['a script inside details', '<details>\n<summary>More</summary>\n\n<script>alert(1)</script>\n\n</details>'],
	['a data: URL image', '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
];

// Not HTML to a markdown parser (no space before the attribute): they show as text.
const SHOWN_AS_TEXT: Array<[string, string]> = [
	['an attribute glued to a quoted value', '<img src="x"onerror=alert(1)>'],
	['svg with a slash before the handler', '<svg/onload=alert(1)>'],
	['slashes between attributes', '<img/src="x"/onerror=alert(1)>'],
];

describe('lab markdown through the sanitiser', () => {
	it.each(SHOWN_AS_TEXT)('%s is shown as text and runs nothing', async (_, markdown) => {
		const html = await renderNote(`# Note\n\n${markdown}\n\n<div>${markdown}</div>\n`);
		expect(activeParts(html)).toEqual([]);
		expect(html).toMatch(/<p>&#x3C;(img|svg)\/?[^<]*onerror|onload/);
	});

	it.each(HOSTILE)('%s runs nothing', async (_, markdown) => {
		expect(activeParts(await renderNote(`# Note\n\n${markdown}\n`))).toEqual([]);
	});

	it.each(HOSTILE)('%s is reported with its line', (_, markdown) => {
		const findings = findDroppedHtml(`# Note\n\n${markdown}\n`, 'notes/x.md');
		expect(findings.length).toBeGreaterThan(0);
		expect(findings.every((finding) => finding.file === 'notes/x.md' && finding.line >= 3)).toBe(true);
		expect(findings.some((finding) => finding.severity === 'error')).toBe(true);
	});

	it('names the line of a tag inside a multi-line HTML block', () => {
		const findings = findDroppedHtml('# Note\n\n<div>\nok\n<img src=x\nonerror=alert(1)>\n</div>\n', 'notes/x.md');
		expect(findings).toEqual([expect.objectContaining({ line: 5, field: '<img> onError', severity: 'error' })]);
	});

	it('keeps what lab notes legitimately use', async () => {
		const markdown = [
			'## Results `q4`',
			'',
			'| model | tok/s |',
			'|:--|--:|',
			'| a | 12.5 |',
			'',
			'```sh',
			'llama-bench -m model.gguf',
			'```',
			'',
			'<details>',
			'<summary>Full log</summary>',
			'',
			'text *inside*',
			'',
			'</details>',
			'',
			'![card](photos/b70.jpg) ![remote](https://example.org/a.png) <kbd>Ctrl</kbd> <br>',
			'',
			'[mail](mailto:lab@example.org) [rel](../data/x.json) [anchor](#results-q4) [web](https://example.org)',
			'',
			'- [x] done',
		].join('\n');
		const html = await renderNote(markdown);
		expect(html).toContain('<h2 id="results-q4">');
		expect(html).toMatch(/<table>[\s\S]*<td[^>]*>12.5<\/td>/);
		expect(html).toMatch(/<pre class="astro-code[^"]*" style="background-color:#[0-9a-f]+;color:#[0-9a-f]+; overflow-x: auto;" tabindex="0" data-language="sh"><code><span class="line"><span style="color:#/i);
		expect(html).toContain('<details>');
		expect(html).toContain('<summary>Full log</summary>');
		expect(html).toContain('<img src="photos/b70.jpg" alt="card">');
		expect(html).toContain('<img src="https://example.org/a.png" alt="remote">');
		expect(html).toContain('<kbd>Ctrl</kbd>');
		for (const href of ['mailto:lab@example.org', '../data/x.json', '#results-q4', 'https://example.org']) expect(html).toContain(`href="${href}"`);
		expect(html).toContain('<input type="checkbox" checked disabled>');
		expect(findDroppedHtml(markdown, 'notes/x.md')).toEqual([]);
	});

	it('leaves HTML inside code alone and does not report it', async () => {
		const markdown = '```html\n<script>alert(1)</script>\n```\n\nUse `<iframe onload=x>` carefully.';
		expect(findDroppedHtml(markdown, 'notes/x.md')).toEqual([]);
		expect(await renderNote(markdown)).toContain('&#x3C;iframe onload=x>');
	});

	it('reads a 200 kB line of unfinished tags in well under a second', () => {
		const line = '<a href= '.repeat(200_000 / 9);
		const started = performance.now();
		findDroppedHtml(line, 'notes/x.md');
		sanitizeLabHtml(line);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('keeps Expressive Code blocks as the site draws them', () => {
		const block =
			'<div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.w36nc.css"><script type="module" src="/_astro/ec.0vx5m.js"></script><figure class="frame is-terminal not-content"><figcaption class="header"><span class="title"></span><span class="sr-only">Terminal window</span></figcaption><pre data-language="bash"><code><div class="ec-line"><div class="code"><span style="--0:#C5E478;--1:#3B61B0">VLLM_X</span><span style="--0:#C792EA;--1:#8844AE">=</span><span style="--0:#ECC48D;--1:#3B61B0">1</span></div></div></code></pre><div class="copy"><div aria-live="polite"></div><button title="Copy to clipboard" data-copied="Copied!" data-code="VLLM_X=1 &#x26;&#x26; echo"><div></div></button></div></figure></div>';
		expect(sanitizeLabHtml(`<p>Before</p>\n${block}\n<p>After</p>`)).toBe(`<p>Before</p>\n${block}\n<p>After</p>`);
	});

	it('gives a forged code block nothing but the site’s own code-block assets', () => {
		const forged =
			'<div class="expressive-code"><script>alert(1)</script><script type="module" src="https://evil.example/x.js">alert(2)</script><script type="module" src="/_astro/ec.abc.js">alert(3)</script><link rel="stylesheet" href="https://evil.example/x.css"><img src=x onerror=alert(4)><a href="javascript:alert(5)">x</a><span style="background:url(//evil.example)">s</span><svg onload=alert(6)></svg></div>';
		const html = sanitizeLabHtml(forged);
		expect(html).toBe('<div class="expressive-code"><script type="module" src="/_astro/ec.abc.js"></script>x<span>s</span></div>');
	});

	it('survives raw HTML nested far deeper than any page', () => {
		const deep = '<div>'.repeat(50_000) + '<img src=x onerror=alert(1)>' + '</div>'.repeat(50_000);
		expect(activeParts(sanitizeLabHtml(deep))).toEqual([]);
		expect(findDroppedHtml(deep, 'notes/x.md')).toEqual([expect.objectContaining({ line: 1, field: 'raw HTML', message: expect.stringMatching(/nested too deeply/) })]);
	});

	it.each(['<style>', '<textarea>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<!-- open comment', '<noscript>', '<title>'])('keeps the rest of the note after %s', async (opening) => {
		const html = await renderNote(`# Note\n\nBefore.\n\n${opening}\n\nThe rest of the note.\n\n## Results\n\nStill here.\n`);
		expect(html).toContain('The rest of the note.');
		expect(html).toContain('<h2 id="results">Results</h2>');
		expect(html).toContain('<p>Still here.</p>');
		expect(activeParts(html)).toEqual([]);
	});

	it('leaves code and ordinary raw HTML untouched when keeping raw text inert', () => {
		const markdown = 'Use `<style>` here.\n\n```html\n<script>x</script>\n```\n\n<details><summary>S</summary>\n\n<!-- a closed comment -->\n\n</details>\n';
		expect(inertRawText(markdown)).toBe(markdown);
	});
});
