/**
 * Lines padded with thousands of spaces (or repeated declarations) must not stall the build: the
 * site takes pull requests from strangers. Each case used to cost seconds to hours in a pattern
 * that backtracked; the test fails by its timeout if one comes back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTree } from '../../src/lib/fuzz/campaign';
import { butless } from '../../src/lib/notes/outcome';
import { readingText } from '../../src/lib/text/reading-text';
import { sanitizeLabHtml } from '../../src/lib/text/sanitize-html';

const PAD = ' '.repeat(50_000);
const PADDED_LINES = [
	`# Title${PAD}x`,
	`## Section${PAD}#`,
	`Date${PAD}x`,
	`**Decision**${PAD}x`,
	`Previous promoted baselines:${PAD}x`,
	`- Result: 12.5${PAD}output tok/s`,
	`1.${PAD}x`,
	`+1.5% output tok/s over${PAD}x`,
	`versus${PAD}x`,
	`quality passed, but${PAD}x`,
	`| a | b |\n|${PAD}---|\n| 1${PAD} | 2 |`,
	`<span style="${'color:a '.repeat(2_000)}!">a</span>`,
	'['.repeat(20_000),
	'](x'.repeat(5_000),
	'<http://'.repeat(5_000),
];

describe('padded and repeated text', () => {
	it('is read, rendered and sanitised without stalling, and nothing crashes', () => {
		const text = `# Padded\n\n${PADDED_LINES.join('\n\n')}\n`;
		const outcome = checkTree({
			files: [
				{ path: 'notes/2026-05-01-padded.md', text },
				{ path: 'CURRENT.md', text: `# Current\n\nDate: 2026-05-02\n\n## Model\n\n${text}` },
				{ path: 'data/padded-20260501.json', text: JSON.stringify({ decision: PADDED_LINES.join(' '), output_tok_s: 12.5 }) },
			],
			secrets: [],
		});
		expect(outcome.crashes).toEqual([]);
		expect(outcome.scripts).toEqual([]);
	}, 60_000);

	it('drops a style attribute of repeated declarations that is not a list of allowed ones', () => {
		const html = sanitizeLabHtml(`<p><span style="${'color:a '.repeat(5_000)}!">a</span><span style="color:#24292e;--shiki-dark:#e1e4e8">b</span></p>`);
		expect(html).toBe('<p><span>a</span><span style="color:#24292e;--shiki-dark:#e1e4e8">b</span></p>');
	}, 60_000);
});

describe('the text the readers match against', () => {
	it('collapses runs of spaces inside a line, keeping every line and its indentation', () => {
		expect(readingText('- Result:    12.5\t\toutput tok/s\n    - nested   bullet\n\nend')).toBe('- Result: 12.5 output tok/s\n    - nested bullet\n\nend');
		expect(readingText(`${' '.repeat(500)}x`)).toBe(`${' '.repeat(64)}x`);
	});
});

describe('the clauses a "but" overrules', () => {
	it('are removed exactly as the pattern it replaces removed them', () => {
		const replaced = (value: string) => value.replace(/[^.;\n]*?[,;]?\s+but\s+/gi, ' ');
		const pieces = ['x', 'quality passed', ' ', '  ', '\n', '.', ';', ',', 'but', ' but ', ', but ', '; but ', '\tBUT\n', 'butter', 'abut '];
		fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((list) => list.join('')), (text) => butless(text) === replaced(text)), { numRuns: 3_000, seed: 7 });
		expect(butless('It is quality-safe, but it is not faster.')).toBe(' it is not faster.');
	});
});
