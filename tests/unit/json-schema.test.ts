import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, recordJsonSchema } from '../../src/lib/schema/json-schema';
import { completeRecord } from '../support/records';

const SCHEMA_FILE = join(import.meta.dirname, '../../public/schema/record.json');

describe('the published record JSON Schema', () => {
	it('is up to date with the zod schema (run npm run schema after changing it)', () => {
		expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(formatJsonSchema(recordJsonSchema()));
	});

	it('accepts a complete record and refuses a naked tok/s, as editors will show while typing', () => {
		const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
		expect(validate(completeRecord())).toBe(true);
		expect(validate({ ...completeRecord(), metrics: { tokPerS: 3 } })).toBe(false);
	});

	it('is referenced by the records in this repository', () => {
		const record = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/records/qwen36-q4-llamacpp-1card-tg512-20260503.json'), 'utf8'));
		expect(record.$schema).toBe('../../public/schema/record.json');
	});
});
