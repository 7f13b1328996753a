/** Every script a contributor runs answers --help with its usage and a mistyped option with one line. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = (script: string, ...args: string[]) =>
	spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LAB_DIR: ROOT } });

describe.each(['new', 'ingest', 'check', 'report', 'bench', 'fuzz'])('npm run %s', (script) => {
	it('prints its usage on --help and exits 0', () => {
		const result = run(script, '--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(new RegExp(`^Usage:[\\s\\S]*npm run ${script}`));
	});

	it('names an unknown option in one line, then the usage, and exits 2 without a stack trace', () => {
		const result = run(script, '--no-such-option');
		expect(result.status).toBe(2);
		const [first, second] = result.stderr.split('\n');
		expect(first).toBe('unknown option --no-such-option');
		expect(second).toMatch(/^Usage:/);
		expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
	});
});
