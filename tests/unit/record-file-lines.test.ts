/** A refused record file names the line of the field at fault, inside arrays too. */
import { describe, expect, it } from 'vitest';
import { readRecordFiles } from '../../src/lib/records/record-files';
import { completeRecord } from '../support/records';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('record file findings', () => {
	it('point at the bad value in the second repeat, not at "metrics" or the first repeat', () => {
		const record = completeRecord();
		record.metrics.repeats = [{ outputTokPerS: 41.2 }, { outputTokPerS: -3 }];
		const text = JSON.stringify(record, null, 2);
		const { findings } = readRecordFiles([{ path: 'data/records/x.json', text }]);
		const finding = findings.find((entry) => entry.field?.includes('repeats'));
		expect(finding).toBeDefined();
		expect(finding!.line).toBe(lineOf(text, '-3'));
	});

	it('point at the parent when the field itself is missing', () => {
		const record = completeRecord();
		delete record.quality.method;
		const text = JSON.stringify(record, null, 2);
		const finding = readRecordFiles([{ path: 'data/records/x.json', text }]).findings.find((entry) => entry.field?.startsWith('quality'));
		expect(finding!.line).toBe(lineOf(text, '"quality"'));
	});
});
