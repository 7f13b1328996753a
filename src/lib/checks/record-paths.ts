/**
 * Provenance that resolves: a record names its artifacts and its source by paths inside the lab
 * (or https URLs), never by a path on the contributor's machine (/tmp/..., C:\...) or outside the
 * repository (../x.json): those links lead nowhere for every other reader.
 */
import { isLabRelativePath } from '../ingest/artifact-home';
import { lineOfJsonPath } from '../findings/json-lines';
import type { Check, Finding } from './types';

const FIX = 'Copy the file into the lab (npm run ingest copies outside artifacts to data/artifacts/) and write its path from the lab root, or an https URL.';

export const recordPathsCheck: Check = {
	name: 'record-paths',
	run: ({ files, inventory }) => {
		const inLab = new Set(files.map((file) => file.path));
		const texts = new Map(files.map((file) => [file.path, file.text ?? '']));
		return inventory.strictRecords
			.map((strict) => ({ path: strict.path, text: texts.get(strict.path), record: strict.record }))
			.flatMap((file): Finding[] => {
				const { record } = file;
				const paths: Array<[string, unknown]> = [
					...record.artifacts.map((artifact, index): [string, unknown] => [`artifacts.${index}.path`, artifact.path]),
					['source.from', record.source.from],
				];
				const outside = paths
					.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !/^https?:\/\//.test(entry[1]) && !isLabRelativePath(entry[1]))
					.map(([field, path]): Finding => ({
						severity: 'error',
						file: file.path,
						line: lineOfJsonPath(file.text ?? '', field),
						field,
						message: `is "${path}", ${path.split(/[\\/]/).includes('..') ? 'which leaves the lab' : 'a path on one machine, not in the lab'}. ${FIX}`,
					}));
				// An artifact is a file the record links to: it should be in the repository. A warning, not
				// an error: the record still stands, only its link leads nowhere (the page shows plain
				// text). source.from may be words, e.g. "entered by hand with npm run new".
				const missing = paths
					.filter((entry): entry is [string, string] => entry[0].startsWith('artifacts.') && typeof entry[1] === 'string' && isLabRelativePath(entry[1]) && !/^https?:\/\//.test(entry[1]))
					.filter(([, path]) => !inLab.has(path.replace(/^\.\//, '')))
					.map(([field, path]): Finding => ({
						severity: 'warning',
						file: file.path,
						line: lineOfJsonPath(file.text ?? '', field),
						field,
						message: `is "${path}", which is not a file in the lab: the record's link would lead nowhere. Commit the artifact at that path, or correct the path.`,
					}));
				return [...outside, ...missing];
			});
	},
};
