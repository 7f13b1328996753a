/**
 * Secrets anywhere in the lab's files, their names included, with the rule set the build uses
 * to redact them (src/lib/text/secrets.ts). The message names the file, line and rule and never
 * prints any part of the secret (CI logs are public). Files too large to hold as text are
 * scanned in chunks.
 */
import { findSecretsInChunks, redactSecrets, secretMessage, secretsInName, type SecretFinding } from '../text/secrets';
import type { Check, Finding } from './types';

function toFinding(secret: SecretFinding): Finding {
	return { severity: 'error', file: secret.file, line: secret.line || undefined, field: secret.field === 'file name' ? 'file name' : undefined, message: secretMessage(secret) };
}

export const secretsCheck: Check = {
	name: 'secrets',
	run: ({ files }) =>
		files.flatMap((file): Finding[] => {
			if (file.text !== undefined) return redactSecrets(file.text, file.path).findings.map(toFinding);
			if (file.readChunks) return findSecretsInChunks(file.readChunks(), file.path).map(toFinding);
			return secretsInName(file.path).map(toFinding);
		}),
};
