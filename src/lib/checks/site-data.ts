/** The site's curated data files: data/gpus.json and data/photos.json (and their local copies). */
import { SITE_DATA_FILES, validateGpus, validatePhotos } from '../schema/site-data';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import type { Check, Finding } from './types';

export const siteDataCheck: Check = {
	name: 'site-data',
	run: ({ files }) => {
		const byPath = new Map(files.map((file) => [file.path, file]));
		const findings: Finding[] = [];
		for (const [path, validate] of [[SITE_DATA_FILES.gpus, validateGpus], [SITE_DATA_FILES.photos, validatePhotos]] as const) {
			const file = byPath.get(path);
			if (!file?.text) continue;
			const parsed = parseJsonFile(file);
			if (!parsed.ok) {
				findings.push(parsed.finding);
				continue;
			}
			const result = validate(parsed.json, path);
			if (!result.ok) {
				findings.push(...result.problems.map((problem) => ({ severity: 'error' as const, file: path, line: lineOfJsonPath(file.text!, problem.field), field: problem.field || undefined, message: problem.message })));
				continue;
			}
			if (path === SITE_DATA_FILES.photos) {
				const photos = (result.data as { photos: Array<{ localCopy?: string }> }).photos;
				photos.forEach((photo, index) => {
					if (photo.localCopy && !byPath.has(photo.localCopy)) {
						findings.push({ severity: 'error', file: path, line: lineOfJsonPath(file.text!, `photos.${index}.localCopy`), field: `photos.${index}.localCopy`, message: `is "${photo.localCopy}", which does not exist.` });
					}
				});
			}
		}
		return findings;
	},
};
