/**
 * The dev server's edit loop, as the lab's author meets it: `npm run dev` on a lab, a saved note
 * shows on its page, a new note gets a page, and a deleted one loses it, without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, copyFixtureLab, PROJECT_ROOT } from '../support/build-site';

const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const NOTE = 'notes/2026-05-10-minimax-ccl-p2p-off-negative.md';
const pageOf = (port: number, id: string) => `http://127.0.0.1:${port}/notes/${id}/`;

/** The page's text once it contains `text` (or, with `status`, once it answers with that status). */
async function waitFor(url: string, until: (status: number, body: string) => boolean, timeoutMs: number): Promise<string> {
	const start = Date.now();
	let last = '';
	while (Date.now() - start < timeoutMs) {
		const response = await fetch(url).catch(() => undefined);
		if (response) {
			last = await response.text();
			if (until(response.status, last)) return last;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} never reached the expected state; last answer:\n${last.slice(0, 500)}`);
}

describe('the dev server', () => {
	let lab: string;
	let server: ChildProcess;
	let log = '';
	const port = 4900 + Math.floor(Math.random() * 90);
	beforeAll(async () => {
		lab = copyFixtureLab();
		server = spawn(process.execPath, [ASTRO_BIN, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: PROJECT_ROOT,
			env: buildEnv({ LAB_DIR: lab }),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		server.stdout?.on('data', (chunk) => (log += chunk));
		server.stderr?.on('data', (chunk) => (log += chunk));
		await waitFor(pageOf(port, '2026-05-10-minimax-ccl-p2p-off-negative'), (status) => status === 200, 150_000).catch((error) => {
			throw new Error(`${(error as Error).message}\n${log.slice(-2000)}`);
		});
	}, 180_000);
	afterAll(() => {
		if (server?.pid) {
			try {
				process.kill(-server.pid, 'SIGTERM');
			} catch {}
		}
		rmSync(lab, { recursive: true, force: true });
	});

	it('shows a saved note, a new note and a deleted note without a restart', async () => {
		// A timeout says what the server printed meanwhile (a refresh that failed, or one still running).
		const withLog = (error: Error) => {
			throw new Error(`${error.message}\n--- dev server output ---\n${log.slice(-3000)}`);
		};
		appendFileSync(join(lab, NOTE), '\n\nSaved while the server ran: a line to look for.\n');
		await waitFor(pageOf(port, '2026-05-10-minimax-ccl-p2p-off-negative'), (_status, body) => body.includes('a line to look for'), 30_000).catch(withLog);

		writeFileSync(join(lab, 'notes/2026-05-21-late-probe.md'), '# A late probe\n\nDate: 2026-05-21\n\nWritten while the server ran.\n');
		const added = await waitFor(pageOf(port, '2026-05-21-late-probe'), (status) => status === 200, 30_000).catch(withLog);
		expect(added).toContain('Written while the server ran.');

		unlinkSync(join(lab, 'notes/2026-05-21-late-probe.md'));
		await waitFor(pageOf(port, '2026-05-21-late-probe'), (status) => status === 404, 30_000).catch(withLog);
		expect(log).not.toMatch(/\[ERROR\]/);
	}, 120_000);
});
