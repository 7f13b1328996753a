import { describe, expect, it } from 'vitest';
import { keepNoiseOutOfSearch } from '../../src/lib/site/search-noise';

describe('keeping noise out of the search index', () => {
	it('ignores machine paths but not repository paths or flags', () => {
		expect(keepNoiseOutOfSearch('<p><code>/home/steve/run.log</code> <code>data/x.json</code> <code>CCL_P2P=0</code></p>')).toBe(
			'<p><code data-pagefind-ignore>/home/steve/run.log</code> <code>data/x.json</code> <code>CCL_P2P=0</code></p>',
		);
	});

	it('ignores long code blocks and keeps short ones', () => {
		const long = `<pre data-language="bash"><code>${'vllm serve --flag '.repeat(40)}</code></pre>`;
		const short = '<pre data-language="text"><code>CCL_P2P=0</code></pre>';
		expect(keepNoiseOutOfSearch(long)).toContain('<pre data-language="bash" data-pagefind-ignore>');
		expect(keepNoiseOutOfSearch(short)).toBe(short);
	});
});
