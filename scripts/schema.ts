/** npm run schema: regenerates public/schema/record.json from the zod record schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatJsonSchema, recordJsonSchema } from '../src/lib/schema/json-schema';

export const SCHEMA_FILE = 'public/schema/record.json';
const target = join(import.meta.dirname, '..', SCHEMA_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, formatJsonSchema(recordJsonSchema()));
console.log(`wrote ${SCHEMA_FILE}`);
