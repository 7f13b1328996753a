/**
 * The record schema as JSON Schema, generated from the zod schema (the single source), for
 * editors (record files may point at it with "$schema") and for people using /records.json.
 * Rules zod checks in code (recipe or commit, "not recorded" only for imported records...) are
 * described in the text but enforced only by `npm run check` and the build.
 */
import { z } from 'astro/zod';
import { recordSchema } from './record';

export function recordJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(recordSchema, { unrepresentable: 'any', io: 'input', target: 'draft-2020-12' });
	return {
		...schema,
		title: 'B70 Optimization Lab benchmark record',
		description:
			'One measured run with every label that makes its numbers comparable. "not recorded" is allowed only when source.kind is "imported". Generated from src/lib/schema/record.ts by npm run schema.',
	};
}

export const formatJsonSchema = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
