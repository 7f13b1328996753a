import { describe, expect, it } from 'vitest';
import { addressOfView, toggleFilter, viewFromAddress } from '../../src/lib/site/search-address';

const FILTERS = ['kind', 'track', 'outcome'];

describe('search address', () => {
	it('reads the query and facets of an address', () => {
		expect(viewFromAddress('?q=fp8&outcome=negative&kind=Record&kind=Note&other=x', FILTERS)).toEqual({
			query: 'fp8',
			filters: { kind: ['Note', 'Record'], outcome: ['negative'] },
		});
		expect(viewFromAddress('', FILTERS)).toEqual({ query: '', filters: {} });
	});

	it('writes one address per view, facets in their order, and nothing for an empty view', () => {
		expect(addressOfView({ query: ' fp8 tp4 ', filters: { outcome: ['negative'], kind: ['Record', 'Note'] } }, FILTERS)).toBe('?q=fp8+tp4&kind=Note&kind=Record&outcome=negative');
		expect(addressOfView({ query: '', filters: {} }, FILTERS)).toBe('');
		const address = addressOfView({ query: 'a&b=c', filters: { track: ['Qwen3.6 27B FP8, vLLM/XPU'] } }, FILTERS);
		expect(viewFromAddress(address, FILTERS)).toEqual({ query: 'a&b=c', filters: { track: ['Qwen3.6 27B FP8, vLLM/XPU'] } });
	});

	it('ticks and unticks a facet value', () => {
		const ticked = toggleFilter({ query: 'x', filters: {} }, 'kind', 'Note', true);
		expect(ticked.filters).toEqual({ kind: ['Note'] });
		expect(toggleFilter(ticked, 'kind', 'Note', false).filters).toEqual({});
	});
});
