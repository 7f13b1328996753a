/**
 * Deterministic record files: keys in the schema's order (so every record reads the same way),
 * two-space indent, a trailing newline. Same record in, same bytes out.
 */
import type { z } from 'astro/zod';
import { recordSchema } from '../schema/record';

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** The object/array schema behind wrappers (optional, default, pipe, union with "not recorded"). */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
	if (!schema) return undefined;
	const def = defOf(schema);
	switch (def.type) {
		case 'optional':
		case 'default':
		case 'nullable':
			return unwrap(def.innerType as z.core.$ZodType);
		case 'pipe':
			return unwrap(def.out as z.core.$ZodType);
		case 'union':
			return (def.options as z.core.$ZodType[]).map(unwrap).find((option) => option && ['object', 'array'].includes(defOf(option).type));
		default:
			return schema;
	}
}

function ordered(value: unknown, schema: z.core.$ZodType | undefined): unknown {
	const shapeSchema = unwrap(schema);
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
