/** Every record in data/records/ against the record schema (read once, by the inventory). */
import { isRecordFile } from '../lab/lab-paths';
import type { Check } from './types';

export const recordsCheck: Check = {
	name: 'records',
	run: ({ inventory }) => inventory.findings.filter((finding) => isRecordFile(finding.file)),
};
