import { describe, expect, it } from 'vitest';
import { linkMarkdown, repoPathOf } from '../../src/lib/lab/links';

const FILES = new Map([
	['data/minimax-win-20260518.json', '/data/minimax-win-20260518/'],
	['notes/2026-05-10-negative.md', '/notes/2026-05-10-negative/'],
	['patches/fix.patch', 'https://github.com/lab/repo/blob/main/patches/fix.patch'],
]);
const resolver = {
	resolve: (path: string) => FILES.get(path),
	localmaxxingUrl: (id: string) => `https://localmaxxing.example/${id}`,
};

describe('linking file references in lab notes', () => {
	it('links a backticked repository path to the file page', () => {
		const result = linkMarkdown('See `data/minimax-win-20260518.json` for repeats.', resolver);
		expect(result.markdown).toBe('See [`data/minimax-win-20260518.json`](/data/minimax-win-20260518/) for repeats.');
	});

	it('links a path outside the site to GitHub', () => {
		expect(linkMarkdown('Applied `patches/fix.patch`.', resolver).markdown).toBe(
			'Applied [`patches/fix.patch`](https://github.com/lab/repo/blob/main/patches/fix.patch).',
		);
	});

	it('links absolute paths that alias the repository, backticked or not', () => {
		const result = linkMarkdown(
			'Artifact: /home/steve/llm-optimizations/data/minimax-win-20260518.json.\nAlso `/home/steve/llm-optimizations-publish/notes/2026-05-10-negative.md`',
			resolver,
		);
		expect(result.markdown).toBe(
			'Artifact: [`/home/steve/llm-optimizations/data/minimax-win-20260518.json`](/data/minimax-win-20260518/).\nAlso [`/home/steve/llm-optimizations-publish/notes/2026-05-10-negative.md`](/notes/2026-05-10-negative/)',
		);
		expect(result.absolutePaths).toBe(2);
	});

	it('shows other absolute local paths as code, never as links', () => {
		const result = linkMarkdown('Log at /home/steve/bench-results/run.log here.', resolver);
		expect(result.markdown).toBe('Log at `/home/steve/bench-results/run.log` here.');
		expect(result.unresolved).toEqual([]);
	});

	it('keeps a missing target as plain text and reports it', () => {
		const result = linkMarkdown('Gone: `data/missing.json` and /home/steve/llm-optimizations/scripts/gone.sh', resolver);
		expect(result.markdown).toBe('Gone: `data/missing.json` and `/home/steve/llm-optimizations/scripts/gone.sh`');
		expect(result.unresolved).toEqual(['data/missing.json', 'scripts/gone.sh']);
	});

	it('links LocalMaxxing ids', () => {
		const result = linkMarkdown('Accepted as `cmpasdq5v007nmn019elaut3s` and cmox103ol0040ml019yzs6gvs.', resolver);
		expect(result.markdown).toBe(
			'Accepted as [`cmpasdq5v007nmn019elaut3s`](https://localmaxxing.example/cmpasdq5v007nmn019elaut3s) and [`cmox103ol0040ml019yzs6gvs`](https://localmaxxing.example/cmox103ol0040ml019yzs6gvs).',
		);
	});

	it('leaves fenced code blocks, existing links and URLs untouched', () => {
		const markdown = '```text\n/home/steve/llm-optimizations/data/minimax-win-20260518.json\n```\n[data](https://x.example/home/a) https://h.example/home/steve/x';
		const result = linkMarkdown(markdown, resolver);
		expect(result.markdown).toBe(markdown);
		expect(result.absolutePaths).toBe(1);
	});

	it('does not treat ordinary code as a path', () => {
		expect(repoPathOf('VLLM_XPU_ENABLE_XPU_GRAPH=1')).toBeUndefined();
		expect(repoPathOf('80.602755')).toBeUndefined();
		expect(linkMarkdown('`setup.sh` is not in this repo', resolver).unresolved).toEqual([]);
	});
});

describe('LocalMaxxing links', () => {
	it('open the public run page of the id', async () => {
		const { localmaxxingUrl } = await import('../../src/lib/site/localmaxxing');
		expect(localmaxxingUrl('cmpbz7lyc004rpc019jburzqv')).toBe('https://www.localmaxxing.com/en/runs/cmpbz7lyc004rpc019jburzqv');
	});
});
