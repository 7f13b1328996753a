/**
 * Pages in the light or dark color scheme, as a reader gets them: the system preference
 * (prefers-color-scheme) and Starlight's stored choice (localStorage 'starlight-theme', which its
 * head script turns into data-theme on <html>). Plus the checks axe does not make: SVG text
 * contrast, and elements shown despite their hidden attribute.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export type Scheme = 'light' | 'dark';

export async function schemeContext(browser: Browser, scheme: Scheme): Promise<BrowserContext> {
	const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 1000 } });
	await context.addInitScript((theme) => window.localStorage.setItem('starlight-theme', theme), scheme);
	return context;
}

/** The theme the page really shows: data-theme and the luminance of the page's background. */
export function appliedScheme(page: Page): Promise<{ theme?: string; backgroundLuminance: number }> {
	return page.evaluate(() => {
		const channel = (value: number) => {
			const c = value / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		};
		const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
		return { theme: document.documentElement.dataset.theme, backgroundLuminance: 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) };
	});
}

/**
 * Every visible SVG text whose fill has less than 4.5:1 contrast with the background behind it
 * (chart labels are small text), as "text (ratio)".
 */
export function lowContrastSvgText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const rgba = (color: string) => {
			const parts = (color.match(/[\d.]+/g) ?? []).map(Number);
			return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts.length > 3 ? parts[3] : 1 };
		};
		const channel = (value: number) => {
			const c = value / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		};
		const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
		const background = (element: Element) => {
			for (let node: Element | null = element; node; node = node.parentElement) {
				const color = rgba(getComputedStyle(node).backgroundColor);
				if (color.a > 0.5) return color;
			}
			return { r: 255, g: 255, b: 255, a: 1 };
		};
		const failures: string[] = [];
		for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
			const box = text.getBoundingClientRect();
			const style = getComputedStyle(text);
			if (!text.textContent?.trim() || box.width === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
			const fill = luminance(rgba(style.fill));
			const back = luminance(background(text));
			const ratio = (Math.max(fill, back) + 0.05) / (Math.min(fill, back) + 0.05);
			if (ratio < 4.5) failures.push(`${text.textContent.trim()} (${ratio.toFixed(2)}:1, fill ${style.fill})`);
		}
		return failures;
	});
}

/** Elements that carry the hidden attribute but are displayed anyway. */
export function shownHiddenElements(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('[hidden]')]
			.filter((element) => getComputedStyle(element).display !== 'none')
			.map((element) => element.outerHTML.slice(0, 160)),
	);
}
