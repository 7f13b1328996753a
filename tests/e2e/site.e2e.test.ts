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

	it('finds a note by a flag name from the search box in the header', async () => {
		await site.page.goto(`${site.server.url}/notes/`, { timeout: 5_000 });
		// Ctrl+K puts the cursor in the box, as Starlight's dialog did.
		await site.page.keyboard.press('Control+K');
		await site.page.keyboard.type('CCL_P2P');
		await site.page.keyboard.press('Enter');
		await site.page.waitForURL(/\/search\/\?q=CCL_P2P$/, { timeout: 5_000 });
		const results = site.page.locator('#lab-search .pagefind-ui__result-link');
		await results.first().waitFor({ timeout: 10_000 });
		expect(await results.allTextContents()).toContainEqual(expect.stringContaining('MiniMax CCL P2P-Off Negative'));
		expect(await site.page.locator('#lab-search input.pagefind-ui__search-input').inputValue()).toBe('CCL_P2P');
	});
});
