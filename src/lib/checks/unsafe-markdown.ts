/**
 * Raw HTML that could run code in a reader's browser. Contributed markdown is refused here and
 * neutralised at build (src/lib/lab/neutralize.ts), so a slip can never reach the site.
 */
import { findUnsafeHtml } from '../lab/neutralize';
import type { Check, Finding } from './types';

const CONTRIBUTED = /^(notes|repro|results|plans|data)\/.+\.md$|^[^/]+\.md$/i;

export const unsafeMarkdownCheck: Check = {
	name: 'unsafe-markdown',
	run: ({ files }) =>
		files
			.filter((file) => CONTRIBUTED.test(file.path) && file.text)
			.flatMap((file): Finding[] =>
				findUnsafeHtml(file.text!).map((unsafe) => ({
					severity: 'error',
					file: file.path,
					line: unsafe.line,
					message: `contains ${unsafe.what}, which could run code in a reader's browser. Describe it in text or a code block instead.`,
				})),
			),
};
