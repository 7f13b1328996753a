/** A note that writes up a strict record's run does not make a second, unlabeled record of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventoryOfTexts } from '../support/inventory';
import { sameAsPrinted } from '../../src/lib/lab/strict-duplicates';

const RECORD_FILE = 'data/records/minimax-strict-warm-20260519.json';
const recordText = readFileSync(join(import.meta.dirname, '../fixtures/lab', RECORD_FILE), 'utf8');
const record = JSON.parse(recordText) as { metrics: { outputTokPerS: number; totalTokPerS: number } };

const noteWith = (cite: string, output: number) =>
	`# Strict warm run\n\nDate: 2026-05-19\n\n${cite}\n\n## Results\n\n| Shape | Output tok/s | Total tok/s |\n| --- | --- | --- |\n| p512/n1536 | ${output} | ${record.metrics.totalTokPerS} |\n\n## Decision\n\nKeep it as the strict baseline.\n`;

const inventoryOf = (note: string) => inventoryOfTexts({ [RECORD_FILE]: recordText, 'notes/2026-05-19-strict-warm.md': note });

describe('a note citing a strict record', () => {
	it('repeating its figure is that record, and the report says why no second record was made', () => {
		const inventory = inventoryOf(noteWith(`The run is [its record](../${RECORD_FILE}).`, record.metrics.outputTokPerS));
		expect(inventory.strictRecords).toHaveLength(1);
		expect(inventory.legacyRecords).toEqual([]);
		expect(inventory.skippedLegacy).toContainEqual({ path: 'notes/2026-05-19-strict-warm.md', reason: expect.stringContaining(`the same run as ${RECORD_FILE}`) });
	});

	it('with another figure is another run, kept as its own record', () => {
		const inventory = inventoryOf(noteWith(`Compared with [the strict record](../${RECORD_FILE}).`, record.metrics.outputTokPerS + 3.2));
		expect(inventory.legacyRecords).toHaveLength(1);
	});

	it('not cited, the same figure stays a record of its own: a number alone is no proof of the same run', () => {
		const inventory = inventoryOf(noteWith('Measured again today.', record.metrics.outputTokPerS));
		expect(inventory.legacyRecords).toHaveLength(1);
	});

	it('compares figures at the precision the note prints them', () => {
		expect(sameAsPrinted(80.6, 80.603)).toBe(true);
		expect(sameAsPrinted(80.61, 80.603)).toBe(false);
		expect(sameAsPrinted(88.748424, 88.748424)).toBe(true);
		expect(sameAsPrinted(81, 80.603)).toBe(true);
	});
});
