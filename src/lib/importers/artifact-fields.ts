/**
 * Shared checks for artifact fields: zod schemas describe each format's input, and failures are
 * explained with the same formatter as records, as problems of the artifact's file.
 */
import { z } from 'astro/zod';
import { describeIssues } from '../schema/explain';
import type { ImportProblem } from './types';

export const positive = z.number().positive();
export const nonNegative = z.number().nonnegative();
export const count = z.number().int().nonnegative();

/** Parses `value` with `schema`; on failure, one line per problem: "<path>: <field> <message>". */
export function readArtifact<T>(schema: z.ZodType<T>, value: unknown, path: string, where = ''):
	| { ok: true; data: T }
	| { ok: false; problems: ImportProblem[] } {
	const result = schema.safeParse(value);
	if (result.success) return { ok: true, data: result.data };
	const problems = describeIssues({ schema, hints: {}, keyNoun: 'field' }, result.error.issues, value);
	return {
		ok: false,
		problems: problems.map((problem) => ({ file: path, message: `${where}${problem.field ? `${problem.field} ` : ''}${problem.message}` })),
	};
}

/** Drops undefined values so a draft never overwrites a label with "nothing". */
export function compact<T>(value: T): T {
	if (Array.isArray(value)) return value.map(compact) as T;
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, child]) => child !== undefined)
		.map(([key, child]) => [key, compact(child)] as const)
		.filter(([, child]) => !(child !== null && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length === 0));
	return Object.fromEntries(entries) as T;
}

/** A whole number when `total / parts` divides evenly, else undefined (a mean is not a length). */
export function evenShare(total: number, parts: number): number | undefined {
	if (parts <= 0) return undefined;
	const share = total / parts;
	return Number.isInteger(share) ? share : undefined;
}
