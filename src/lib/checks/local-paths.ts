/** Absolute paths on someone's machine: fine in history, but a stranger cannot follow them. */
import { LOCAL_PATH } from '../lab/links';
import { lineAt, type Check, type Finding } from './types';

export const localPathsCheck: Check = {
	name: 'local-paths',
	run: ({ files }) =>
		files
			.filter((file) => /^(notes|repro|results|plans)\/.+\.md$/i.test(file.path) && file.text)
			.flatMap((file): Finding[] =>
				[...file.text!.matchAll(LOCAL_PATH)].map((match) => ({
					severity: 'warning',
					file: file.path,
					line: lineAt(file.text!, match.index),
					message: `mentions the local path ${match[0]}; cite the repository path (e.g. data/x.json) so readers can follow it.`,
				})),
			),
};
