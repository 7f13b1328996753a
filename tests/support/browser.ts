/**
 * Browser tests use Debian's Chromium through playwright-core; no browser is ever downloaded.
 * Without Chromium they are skipped with a loud message, except in CI (CI=true), where a missing
 * browser is a failure: .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** True when browser tests can run here; throws in CI when they cannot. */
export function browserAvailable(): boolean {
	if (existsSync(CHROMIUM_PATH)) return true;
	const message = `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`;
	if (process.env.CI === 'true') throw new Error(message);
	console.warn(`\n!!! SKIPPING BROWSER TESTS !!!\n${message}\n`);
	return false;
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
