/**
 * A build renders its notes while the lab scan is still reading records; each note then takes the
 * rendering of its text. No text may render twice, and a note whose rendering fails must still
 * fail its build, as it would have without the head start.
 */
import { describe, expect, it } from 'vitest';
import { MarkdownRenderings } from '../../src/build/render-ahead';

const counting = (fail?: string) => {
	const calls: string[] = [];
	const renderings = new MarkdownRenderings(async (markdown: string) => {
		calls.push(markdown);
		await new Promise((resolve) => setTimeout(resolve, 1));
		if (markdown === fail) throw new Error(`cannot render ${markdown}`);
		return `<p>${markdown}</p>`;
	});
	return { renderings, calls };
};

describe('markdown rendered ahead of the scan', () => {
	it('renders each text once, whether the head start or the entry asks first', async () => {
		const { renderings, calls } = counting();
		const ahead = renderings.ahead(Promise.resolve(['# a', '# b', '# c']));
		// The entries arrive while the head start is on its first text.
		const [c, a] = await Promise.all([renderings.of('# c'), renderings.of('# a')]);
		await ahead;
		expect([a, c]).toEqual(['<p># a</p>', '<p># c</p>']);
		expect(await renderings.of('# b')).toBe('<p># b</p>');
		expect(calls.sort()).toEqual(['# a', '# b', '# c']);
	});

	it('leaves a failure to the entry that asks for it, and goes on with the other texts', async () => {
		const { renderings, calls } = counting('# broken');
		await renderings.ahead(Promise.resolve(['# broken', '# fine']));
		expect(calls).toEqual(['# broken', '# fine']);
		await expect(renderings.of('# broken')).rejects.toThrow('cannot render # broken');
		expect(await renderings.of('# fine')).toBe('<p># fine</p>');
	});

	it('renders nothing ahead when the scan sends no markdown, and each entry still renders', async () => {
		const { renderings, calls } = counting();
		await renderings.ahead(Promise.reject(new Error('the worker failed')));
		expect(calls).toEqual([]);
		expect(await renderings.of('# a')).toBe('<p># a</p>');
	});
});
