import { describe, expect, it } from 'vitest';
import { chunksOf, findSecretsInChunks, redactSecrets, SECRET_SCAN_CHUNK, secretMessage } from '../../src/lib/text/secrets';

// Fake tokens, assembled at run time so no scanner mistakes this file for a leak.
const body = (length: number, alphabet = 'Zq8Xw3Rt5Yp7Lk2Mn4Bv6Cx9') => Array.from({ length }, (_, index) => alphabet[(index * 7 + 3) % alphabet.length]).join('');
const PEM_BODY = Array.from({ length: 6 }, () => body(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')).join('\n');
const SECRETS: Array<[string, string]> = [
	['GitHub classic token', `ghp_${body(36)}`],
	['GitHub fine-grained token', `github_pat_11${body(20)}_${body(59)}`],
	['AWS access key id', `AKIA${body(16, 'ABCDEFGHJKLMNPQRSTUVWXYZ234567')}`],
	['Slack bot token', `xoxb-${'1234567890'.repeat(1)}12-${'1234567890123'}-${body(24)}`],
	['OpenAI project key', `sk-proj-${body(48)}`],
	['Anthropic key', `sk-ant-api03-${body(93)}AA`],
	['Hugging Face token', `hf_${body(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGH')}`],
	['LocalMaxxing key that is not 40 hex', `bhk_${body(32)}`],
	['RSA private key block', `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`],
	['PGP private key block', `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${PEM_BODY}\n=Ab1c\n-----END PGP PRIVATE KEY BLOCK-----`],
	['short OpenSSH key block', `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----`],
];

/** The secret's distinctive parts (past any public prefix) must be gone, every 4 characters of them. */
function leaked(secret: string, text: string): string[] {
	const tail = secret.replace(/^(-----BEGIN [A-Z ]+-----|ghp_|github_pat_|AKIA|xoxb-|sk-proj-|sk-ant-api03-|hf_|bhk_)/, '').replace(/-----END [A-Z ]+-----$/, '');
	const windows: string[] = [];
	for (let index = 0; index + 4 <= tail.length; index++) if (!/\s/.test(tail.slice(index, index + 4)) && text.includes(tail.slice(index, index + 4))) windows.push(tail.slice(index, index + 4));
	return windows;
}

describe('redactSecrets', () => {
	it.each(SECRETS)('removes a %s and reports file, line and rule only', (_, secret) => {
		const text = `# Run notes\n\nexport TOKEN=${secret}\nthe run went fine\n`;
		const { text: redacted, findings } = redactSecrets(text, 'notes/2026-05-01-run.md');
		expect(leaked(secret, redacted)).toEqual([]);
		expect(redacted).toMatch(/^# Run notes\n\nexport TOKEN=\[secret removed: [a-z0-9/-]+\]\nthe run went fine\n$/);
		expect(findings).toEqual([expect.objectContaining({ file: 'notes/2026-05-01-run.md', line: 3, field: 'text' })]);
		expect(leaked(secret, secretMessage(findings[0]))).toEqual([]);
	});

	it.each([
		['an HTML entity', (secret: string) => secret.replace('_', '&#95;')],
		['a hex HTML entity', (secret: string) => secret.replace('_', '&#x5f;')],
		['a JSON \\u escape', (secret: string) => secret.replace('_', '\\u005f')],
	])('finds a token whose underscore is written as %s', (_, escape) => {
		const secret = `ghp_${body(36)}`;
		const text = `{"token": "${escape(secret)}", "ok": 1}`;
		const { text: redacted, findings } = redactSecrets(text, 'data/run.json');
		expect(findings).toHaveLength(1);
		expect(leaked(secret, redacted)).toEqual([]);
		expect(redacted).toMatch(/^\{"token": "\[secret removed: [a-z/-]+\]", "ok": 1\}$/);
	});

	it('reports a token in a file name', () => {
		const path = `results/raw/ghp_${body(36)}.log`;
		// The finding itself shows the path with the token removed.
		expect(redactSecrets('plain text', path).findings).toEqual([{ file: 'results/raw/[secret removed: github].log', line: 0, field: 'file name', rule: expect.any(String) }]);
	});

	it('leaves ordinary lab text alone', () => {
		const text = '# MiniMax Q4\n\n| tok/s | 12.5 |\n\nSee https://huggingface.co/unsloth/MiniMax-M2-GGUF and sha256 0123abcd. sk-learn is fine.\n';
		expect(redactSecrets(text, 'notes/x.md')).toEqual({ text, findings: [] });
	});
});

describe('findSecretsInChunks (files over 5 MB)', () => {
	it('finds a secret straddling a chunk boundary once, at its line', () => {
		const secret = `ghp_${body(36)}`;
		const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil((SECRET_SCAN_CHUNK * 6) / 100));
		const at = SECRET_SCAN_CHUNK * 5 - 10;
		const text = `${filler.slice(0, at)} ${secret}\n${filler.slice(at)}`;
		const line = text.slice(0, at).split('\n').length;
		const findings = findSecretsInChunks(chunksOf(text), 'results/raw/huge.log');
		expect(findings).toEqual([{ file: 'results/raw/huge.log', line, field: 'text', rule: expect.any(String) }]);
	});
});

describe('secret scanning time', () => {
	it.each([
		['unclosed key headers', '-----BEGIN PRIVATE KEY-----'.repeat(8000)],
		['unfinished links', '<a href= '.repeat(22_000)],
		['escapes', '&#95;'.repeat(40_000)],
		['token prefixes', 'ghp_ sk- hf_ AKIA '.repeat(12_000)],
	])('reads 200 kB of %s in well under a second', (_, text) => {
		const started = performance.now();
		redactSecrets(text, 'notes/x.md');
		expect(performance.now() - started).toBeLessThan(1500);
	});
});
