/**
 * Secrets anywhere in the lab's files. The message names the file, line and kind of secret and
 * never prints the secret itself (CI logs are public).
 */
import { lineAt, type Check, type Finding } from './types';

const SECRETS: Array<{ kind: string; pattern: RegExp }> = [
	{ kind: 'LocalMaxxing API key (bhk_...)', pattern: /\bbhk_[0-9a-f]{40}\b/gi },
	{ kind: 'Hugging Face token (hf_...)', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
	{ kind: 'API key (sk-...)', pattern: /\bsk-[A-Za-z0-9_-]{20,}\b/g },
	{ kind: 'private key block', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
];

export const secretsCheck: Check = {
	name: 'secrets',
	run: ({ files }) =>
		files.flatMap((file): Finding[] => {
			if (!file.text) return [];
			return SECRETS.flatMap(({ kind, pattern }) =>
				[...file.text!.matchAll(pattern)].map((match) => ({
					severity: 'error' as const,
					file: file.path,
					line: lineAt(file.text!, match.index),
					message: `contains a ${kind} (${match[0].slice(0, 4)}…, ${match[0].length} characters). Remove it, revoke it, and keep secrets in environment variables.`,
				})),
			);
		}),
};
