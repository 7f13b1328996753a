import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { browserAvailable } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

describe.runIf(browserAvailable())('timeline and negative results in Chromium', () => {
	const site = useSiteInBrowser();

	it('lists every step in a table with the old columns and computed gains, without JavaScript', async () => {
		const noScript = await site.browser.newContext({ javaScriptEnabled: false });
		const plain = await noScript.newPage();
		await plain.goto(`${site.server.url}/timeline/`);
		const headers = await plain.locator('.timeline-table thead th').allTextContents();
		expect(headers).toEqual(['Track', 'Date', 'Change / action', 'Result after change', 'Gain', 'Why it stayed in the path', 'Source']);
		const row = (text: string) => plain.locator('.timeline-table tr', { hasText: text }).innerText();
		expect(await row('Warm rerun with the MoE work-sharing kernel.')).toContain('+10.07%');
		expect(await row('First pass after a reboot.')).toContain('no comparable earlier run');
		expect(await row('LocalMaxxing submission of the MoE win.')).toContain('no comparable earlier run');
		expect(await row('Single-card baseline.')).toContain('no comparable earlier run');
		await noScript.close();
	});

	it('shows a step\'s labels, result and gain on keyboard focus and hover', async () => {
		await site.page.goto(`${site.server.url}/timeline/`);
		const point = site.page.locator('circle.step-point[aria-label^="MiniMax strict lane, warm rerun"]');
		await point.focus();
		const tooltip = site.page.locator('[data-timeline-tooltip]');
		await expect.poll(() => tooltip.isVisible()).toBe(true);
		const text = await tooltip.innerText();
		expect(text).toContain('88.72 output tok/s · gain +10.07%');
		expect(text).toContain('p512/n1536, ctx 2048 · batch 1 · concurrency 1 · warm · spec off · quality passed');
		await site.page.locator('circle.step-point[aria-label^="MiniMax strict lane, first pass"]').hover();
		expect(await tooltip.innerText()).toContain('gain no comparable earlier run');
	});

	it('toggles a track from the legend and switches to total tok/s', async () => {
		await site.page.goto(`${site.server.url}/timeline/`);
		// The chart draws once its data file has arrived.
		await site.page.locator('[data-timeline][data-drawn-points]').waitFor();
		const drawn = () => site.page.locator('[data-timeline]').getAttribute('data-drawn-points');
		const all = Number(await drawn());
		await site.page.getByRole('button', { name: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' }).click();
		expect(await site.page.getByRole('button', { name: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' }).getAttribute('aria-pressed')).toBe('false');
		expect(Number(await drawn())).toBe(all - 1);
		await site.page.getByLabel('Total tok/s').check();
		expect(await site.page.locator('.axis-title').textContent()).toBe('total tok/s');
	});

	it('zooms on dates with the brush and resets', async () => {
		await site.page.goto(`${site.server.url}/timeline/`);
		await site.page.locator('[data-timeline][data-drawn-points]').waitFor();
		const drawn = () => site.page.locator('[data-timeline]').getAttribute('data-drawn-points');
		const overview = await site.page.locator('[data-timeline-overview] svg').boundingBox();
		await site.page.mouse.move(overview!.x + overview!.width * 0.75, overview!.y + 12);
		await site.page.mouse.down();
		await site.page.mouse.move(overview!.x + overview!.width - 20, overview!.y + 12, { steps: 5 });
		await site.page.mouse.up();
		// Every step of the chart's data file, which the page fetches rather than carries.
		const all = await site.page.locator('[data-timeline]').evaluate((root) => fetch((root as HTMLElement).dataset.timelineSrc!).then((response) => response.json()).then((data) => data.steps.length as number));
		await expect.poll(async () => Number(await drawn())).toBeLessThan(all);
		const labels = await site.page.locator('circle.step-point').evaluateAll((points) => points.map((point) => point.getAttribute('aria-label')));
		expect(labels.some((label) => label?.startsWith('Qwen'))).toBe(false);
		await site.page.getByRole('button', { name: 'Reset zoom' }).click();
		await expect.poll(async () => Number(await drawn())).toBe(all);
	});

	it('sorts and filters the negative results', async () => {
		await site.page.goto(`${site.server.url}/negative-results/`);
		const ids = () => site.page.locator('tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
		const all = await ids();
		expect(all).toContain('note:notes/2026-05-10-minimax-ccl-p2p-off-negative.md');
		await site.page.getByRole('button', { name: 'What was tried' }).click({ timeout: 5000 });
		const sorted = await ids();
		expect(sorted).toHaveLength(all.length);
		await site.page.getByLabel('Reason').selectOption('hang', { timeout: 5000 });
		expect(await ids()).toEqual(['note:notes/2026-05-10-minimax-ccl-p2p-off-negative.md']);
		await site.page.getByLabel('Text').fill('nothing matches this', { timeout: 5000 });
		expect(await ids()).toEqual([]);
	});

	it.each(['/timeline/', '/negative-results/'])('%s has no serious or critical accessibility violations', async (path) => {
		await site.page.goto(`${site.server.url}${path}`);
		expect(await seriousViolations(site.page)).toEqual([]);
	});
});
