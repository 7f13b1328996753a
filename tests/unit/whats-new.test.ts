import { describe, expect, it } from 'vitest';
import { dayLabel, entrySummary, latestEntries, pagesOfDays, recordKey, whatsNew, type WhatsNewNote } from '../../src/lib/feed/whats-new';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const record = (changes: Record<string, unknown>): LabRecord => {
	let input = completeRecord();
	for (const [path, value] of Object.entries(changes)) input = withValue(input, path, value);
	return recordSchema.parse(input);
};
const note = (id: string, date: string | undefined, extra: Partial<WhatsNewNote> = {}): WhatsNewNote => ({
	id,
	title: `Note ${id}`,
	date,
	sourcePath: `notes/${id}.md`,
	...extra,
});
const trackLabel = (id: string | undefined) => (id ? `Track ${id}` : 'Unclassified');

describe("what's new", () => {
	const result = whatsNew({
		notes: [
			note('a-probe', '2026-05-17', { track: 'mm', outcome: 'diagnostic' }),
			note('b-negative', '2026-05-18', { track: 'mm', outcome: 'negative' }),
			note('c-plain', '2026-05-18'),
			note('undated', undefined),
		],
		records: [
			{ id: 'win', record: record({ date: '2026-05-18', status: 'promoted', title: 'Strict win' }), file: 'data/records/win.json' },
			{ id: 'cand', record: record({ date: '2026-05-16', status: 'candidate', title: 'Candidate run' }) },
		],
		trackLabel,
	});

	it('lists days newest first, promotions then negative results then notes within a day', () => {
		expect(result.days.map((day) => day.date)).toEqual(['2026-05-18', '2026-05-17', '2026-05-16']);
		expect(result.days[0].entries.map((entry) => [entry.category, entry.title])).toEqual([
			['promotion', 'Strict win'],
			['negative', 'Note b-negative'],
			['note', 'Note c-plain'],
		]);
	});

	it('gives notes their track and outcome, and records their headline figure with its labels', () => {
		const probe = result.days[1].entries[0];
		expect(probe).toMatchObject({ title: 'Note a-probe', trackLabel: 'Track mm', outcome: 'diagnostic', path: 'notes/a-probe/' });
		expect(result.days[0].entries[2].outcome).toBe('unclassified');
		const win = result.days[0].entries[0];
		expect(win.figure).toBe('83.17 output tok/s');
		expect(win.labels).toContain('p512/n1536, ctx 2048');
		expect(win.labels).toContain('warm');
		expect(win.labels).toContain('4x Intel Arc Pro B70 32GB');
		expect(entrySummary(win)).toMatch(/^Promoted \(promoted\): 83\.17 output tok\/s, p512\/n1536/);
		expect(win.path).toBe('records/win/');
	});

	it('counts undated notes instead of placing them on a day', () => {
		expect(result.undatedNotes).toBe(1);
		expect(result.days.flatMap((day) => day.entries).some((entry) => entry.title === 'Note undated')).toBe(false);
	});

	it('keys entries on the lab path, or the LocalMaxxing id for runs', () => {
		expect(result.days[0].entries[1].key).toBe('lab:notes/b-negative.md');
		expect(result.days[0].entries[0].key).toBe('lab:data/records/win.json');
		const run = record({ localmaxxingId: 'cmpasdq5v007nmn019elaut3s', source: { kind: 'imported', from: 'data/x.payload.json' } });
		expect(recordKey({ id: 'imported/x', record: run })).toBe('localmaxxing:cmpasdq5v007nmn019elaut3s');
		// A strict record file stays keyed on its file, even when it names its LocalMaxxing run.
		expect(recordKey({ id: 'x', record: run, file: 'data/records/x.json' })).toBe('lab:data/records/x.json');
		const imported = record({ source: { kind: 'imported', from: 'CURRENT.md' } });
		expect(recordKey({ id: 'imported/current-a', record: imported })).toBe('lab:CURRENT.md#imported/current-a');
	});

	it('keeps ids distinct when two records claim one LocalMaxxing run', () => {
		const run = { localmaxxingId: 'cmpasdq5v007nmn019elaut3s', source: { kind: 'imported', from: 'data/x.payload.json' } };
		const twice = whatsNew({ notes: [], records: [{ id: 'a', record: record(run) }, { id: 'b', record: record(run) }], trackLabel });
		expect(twice.days[0].entries.map((entry) => entry.key)).toEqual([
			'localmaxxing:cmpasdq5v007nmn019elaut3s#records/a/',
			'localmaxxing:cmpasdq5v007nmn019elaut3s#records/b/',
		]);
	});

	it('takes the latest entries across days', () => {
		expect(latestEntries(result.days, 4).map((entry) => entry.date)).toEqual(['2026-05-18', '2026-05-18', '2026-05-18', '2026-05-17']);
	});

	it('pages whole days, small pages for a busy lab', () => {
		const day = (date: string, size: number) => ({ date, entries: Array.from({ length: size }, () => result.days[0].entries[0]) });
		const pages = pagesOfDays([day('2026-05-05', 30), day('2026-05-04', 30), day('2026-05-03', 50), day('2026-05-02', 10)], 60);
		expect(pages.map((page) => page.map((d) => d.date))).toEqual([['2026-05-05', '2026-05-04'], ['2026-05-03', '2026-05-02']]);
		// A day larger than a page is cut; its later part says it continues the day.
		const cut = pagesOfDays([day('2026-05-05', 90), day('2026-05-04', 10)], 60);
		expect(cut.map((page) => page.map((d) => [d.date, d.entries.length, Boolean(d.continued)]))).toEqual([
			[['2026-05-05', 60, false]],
			[['2026-05-05', 30, true], ['2026-05-04', 10, false]],
		]);
		expect(pagesOfDays([], 60)).toEqual([]);
	});

	it('names a day the same in every time zone', () => {
		expect(dayLabel('2026-05-18')).toBe('2026-05-18, Monday');
	});
});
