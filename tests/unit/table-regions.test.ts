import { describe, expect, it } from 'vitest';
import { sanitizeLabHtml } from '../../src/lib/text/sanitize-html';

describe('tables in lab notes scroll in a region a keyboard can reach', () => {
	it('wraps a markdown table in a focusable region named after its columns', () => {
		const html = sanitizeLabHtml('<table><thead><tr><th>Flag</th><th>Value</th><th>Output tok/s</th><th>Total tok/s</th><th>Decision</th></tr></thead><tbody><tr><td>VLLM_X</td><td>1</td><td>80</td><td>90</td><td>keep</td></tr></tbody></table>');
		expect(html).toMatch(/^<div class="lab-table-wrap" tabindex="0" role="region" aria-label="Table: Flag, Value, Output tok\/s, Total tok\/s, \.\.\."><table>/);
		expect(html.endsWith('</table></div>')).toBe(true);
	});

	it('names a table without headers plainly, and never lets a note supply the region itself', () => {
		expect(sanitizeLabHtml('<table><tr><td>a</td></tr></table>')).toContain('aria-label="Table"');
		const forged = sanitizeLabHtml('<div role="region" tabindex="5" aria-label="x"><table><tr><th>A</th></tr></table></div>');
		expect(forged.match(/role="region"/g)).toHaveLength(1);
	});

	it('leaves text without tables as it was', () => {
		expect(sanitizeLabHtml('<p>No table here.</p>')).toBe('<p>No table here.</p>');
	});
});
