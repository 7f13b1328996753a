/** Runs only one file reports live on that file's page; the others keep a record page of their own. */
import { describe, expect, it } from 'vitest';
import { figurePlace, fileRunHome, otherReportingFiles, runAnchor, runsByFile } from '../../src/lib/records/file-runs';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord } from '../support/records';

const imported = (changes: Record<string, unknown> = {}): LabRecord =>
	recordSchema.parse({ ...completeRecord(), source: { kind: 'imported', from: 'notes/2026-06-01-gemma-sweep.md' }, sources: ['notes/2026-06-01-gemma-sweep.md'], status: 'candidate', ...changes });

describe('runs that belong to one file', () => {
	it('homes a run only one note or data file reports, with no id and no verdict, in that file', () => {
		expect(fileRunHome(imported())).toBe('notes/2026-06-01-gemma-sweep.md');
		expect(fileRunHome(imported({ sources: ['data/gemma-sweep-20260601.json'] }))).toBe('data/gemma-sweep-20260601.json');
	});

	it('keeps a page for runs several files report, submitted, decided about, disputed or measured by hand', () => {
		expect(fileRunHome(imported({ sources: ['notes/a.md', 'data/a.json'] }))).toBeUndefined();
		expect(fileRunHome(imported({ localmaxxingId: 'cmaaaaaaaaaaaaaaaaaaaaaaa' }))).toBeUndefined();
		expect(fileRunHome(imported({ status: 'rejected' }))).toBeUndefined();
		expect(fileRunHome(imported({ sources: ['CURRENT.md'] }))).toBeUndefined();
		expect(fileRunHome(recordSchema.parse(completeRecord()))).toBeUndefined();
	});

	it('names the other files that report a run, not its source or its artifacts', () => {
		const record = imported({
			sources: ['notes/2026-06-01-gemma-sweep.md', 'CURRENT.md', 'data/gemma-sweep-20260601.json'],
			artifacts: [{ path: 'data/gemma-sweep-20260601.json', format: 'json' }],
		});
		expect(otherReportingFiles(record)).toEqual(['CURRENT.md']);
		expect(otherReportingFiles(imported())).toEqual([]);
	});

	it('gives each run a stable anchor and lists a file\'s runs in date order', () => {
		expect(runAnchor('imported/2026-06-01-gemma-sweep-3')).toBe('run-2026-06-01-gemma-sweep-3');
		const runs = [
			{ id: 'imported/b', record: imported({ date: '2026-06-02' }) },
			{ id: 'imported/a', record: imported({ date: '2026-06-01' }) },
			{ id: 'imported/other', record: imported({ sources: ['notes/other.md'] }) },
		];
		const index = runsByFile(runs);
		expect(index.get('notes/2026-06-01-gemma-sweep.md')?.map((run) => run.id)).toEqual(['imported/a', 'imported/b']);
		expect(index.get('notes/other.md')?.map((run) => run.id)).toEqual(['imported/other']);
		expect(index.get('notes/none.md')).toBeUndefined();
	});

	it('says where in the file a run\'s figure was read, and nothing when another file gave it', () => {
		const read = (source: object) => imported({ labelSources: { 'metrics.outputTokPerS': source } });
		expect(figurePlace(read({ basis: 'recorded', file: 'data/sweep.json', jsonPath: 'results[2].tok_s_out' }), 'data/sweep.json')).toBe('results[2].tok_s_out');
		expect(figurePlace(read({ basis: 'stated', file: 'notes/sweep.md', line: 46, quote: 'Output throughput: 39.264 tok/s' }), 'notes/sweep.md')).toBe('line 46');
		expect(figurePlace(read({ basis: 'stated', file: 'notes/other.md', line: 3, quote: '41 output tok/s' }), 'notes/sweep.md')).toBeUndefined();
		expect(figurePlace(imported(), 'notes/sweep.md')).toBeUndefined();
	});
});
