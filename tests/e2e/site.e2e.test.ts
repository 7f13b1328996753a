import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

describe.runIf(browserAvailable())('the built site in Chromium', () => {
	const site = useSiteInBrowser();

	it('takes a reader from the home page to a labeled record', async () => {
		await site.page.goto(`${site.server.url}/`);
		await site.page.getByRole('link', { name: 'Benchmark records' }).first().click();
		await site.page.getByRole('link', { name: /MiniMax M2.7 MoE work-sharing strict win/ }).click();
		await expect.poll(() => site.page.locator('h1').textContent()).toContain('MiniMax M2.7 MoE work-sharing strict win');
		const body = await site.page.locator('main').innerText();
		expect(body).toContain('80.603 output tok/s');
		expect(body).toMatch(/incomplete labels \(5\)/i);
		expect(await site.page.locator('tr', { hasText: 'Warm/cold' }).innerText()).toContain('not recorded');
	});

	it('finds a note by a flag name through the search dialog', async () => {
		await site.page.goto(`${site.server.url}/`, { timeout: 5_000 });
		await site.page.getByRole('button', { name: 'Search' }).click({ timeout: 5_000 });
		await site.page.locator('dialog input.pagefind-ui__search-input').fill('CCL_P2P', { timeout: 5_000 });
		const results = site.page.locator('dialog .pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
		await results.first().waitFor({ timeout: 10_000 });
		expect(await results.allTextContents()).toContain('MiniMax CCL P2P-Off Negative');
	});
});
