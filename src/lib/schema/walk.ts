/**
 * Walking zod schemas by their definitions, for the tools that read the schema's shape (error
 * messages that suggest keys, canonical key order) instead of repeating it.
 */
import type { z } from 'astro/zod';

export type Def = Record<string, unknown> & { type: string };
export const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/**
 * The schema that gives a value its shape, behind wrappers: optional, default, nullable and pipe
 * (its output), and for a label's union with "not recorded", the option that is not a literal.
 */
export function unwrapSchema(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
	if (!schema) return undefined;
	const def = defOf(schema);
	switch (def.type) {
		case 'optional':
		case 'default':
		case 'nullable':
			return unwrapSchema(def.innerType as z.core.$ZodType);
		case 'pipe':
			return unwrapSchema(def.out as z.core.$ZodType);
		case 'union':
			return (def.options as z.core.$ZodType[]).map(unwrapSchema).find((option) => option && defOf(option).type !== 'literal');
		default:
			return schema;
	}
}
