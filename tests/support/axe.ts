/** Runs axe-core in a page and returns the serious and critical accessibility violations. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: axePath });
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((violation: { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }) => ({
			id: violation.id,
			impact: violation.impact,
			help: violation.help,
			targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
		}));
	});
	return violations
		.filter((violation: { impact: string }) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation: { id: string; help: string; targets: string[] }) => `${violation.id}: ${violation.help} (${violation.targets.join('; ')})`);
}
