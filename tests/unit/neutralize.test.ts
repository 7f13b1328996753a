import { describe, expect, it } from 'vitest';
import { findUnsafeHtml, neutralizeMarkdown } from '../../src/lib/lab/neutralize';

describe('unsafe raw HTML in contributed markdown', () => {
	it.each([
		['<script>alert(1)</script>', 'a <script> tag'],
		['<iframe src="https://evil.example"></iframe>', 'a <iframe> tag'],
		['<object data="x.swf"></object>', 'a <object> tag'],
		['<img src=x onerror="alert(1)">', 'an event-handler attribute (onerror=)'],
		['[click](javascript:alert(1))', 'a javascript: URL'],
		['<a href="javascript:alert(1)">x</a>', 'a javascript: URL'],
	])('finds %s', (html, what) => {
		expect(findUnsafeHtml(`# Note\n\n${html}\n`)).toEqual([{ line: 3, what }]);
	});

	it('leaves code blocks and inline code alone', () => {
		const markdown = '```html\n<script>alert(1)</script>\n```\nUse `<iframe>` carefully.';
		expect(findUnsafeHtml(markdown)).toEqual([]);
		expect(neutralizeMarkdown(markdown)).toBe(markdown);
	});

	it('turns unsafe HTML into inert text', () => {
		expect(neutralizeMarkdown('<script>alert(1)</script>')).toBe('&lt;script>alert(1)&lt;/script>');
		expect(neutralizeMarkdown('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)">');
		expect(neutralizeMarkdown('[click](javascript:alert(1))')).toBe('[click](#unsafe-url-removed)');
		expect(findUnsafeHtml(neutralizeMarkdown('<iframe src="x"></iframe> [a](javascript:x) <b onclick="y">b</b>'))).toEqual([]);
	});

	it('keeps harmless HTML', () => {
		expect(findUnsafeHtml('<details><summary>More</summary>text</details> <br> <kbd>Ctrl</kbd>')).toEqual([]);
	});
});
