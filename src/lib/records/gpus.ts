/** Which records were measured on a GPU: its name fragments found in the record's hardware.gpu. */
import { isRecorded, type LabRecord } from '../schema/record';
import type { Gpu } from '../schema/site-data';

export function recordsForGpu<T extends { record: LabRecord }>(gpu: Pick<Gpu, 'matches'>, entries: readonly T[]): T[] {
	const fragments = gpu.matches.map((fragment) => fragment.toLowerCase());
	return entries
		.filter(({ record }) => isRecorded(record.hardware.gpu) && fragments.some((fragment) => (record.hardware.gpu as string).toLowerCase().includes(fragment)))
		.sort((a, b) => b.record.date.localeCompare(a.record.date));
}
