/**
 * Deterministic record files: keys in the schema's order (so every record reads the same way),
 * two-space indent, a trailing newline. Same record in, same bytes out.
 */
import type { z } from 'astro/zod';
import { recordSchema } from '../schema/record';
import { defOf, unwrapSchema } from '../schema/walk';

function ordered(value: unknown, schema: z.core.$ZodType | undefined): unknown {
	const shapeSchema = unwrapSchema(schema);
	const def = shapeSchema ? defOf(shapeSchema) : undefined;
	if (Array.isArray(value)) {
		const element = def?.type === 'array' ? (def.element as z.core.$ZodType) : undefined;
		return value.map((item) => ordered(item, element));
	}
	if (value === null || typeof value !== 'object') return value;
	const shape = def?.type === 'object' ? (def.shape as Record<string, z.core.$ZodType>) : {};
	const record = value as Record<string, unknown>;
	const known = Object.keys(shape).filter((key) => key in record);
	const unknown = Object.keys(record).filter((key) => !(key in shape)).sort();
	return Object.fromEntries([...known, ...unknown].map((key) => [key, ordered(record[key], shape[key])]));
}

export function formatRecordJson(record: unknown): string {
	return `${JSON.stringify(ordered(record, recordSchema), null, 2)}\n`;
}
