/** The "Last updated" date reads exactly as Starlight's own line wrote it, in every language. */
import { describe, expect, it } from 'vitest';
import { mediumDate } from '../../src/lib/site/medium-date';

describe('the last-updated date', () => {
	it("is Starlight's medium UTC date, whatever the language and however often it is asked", () => {
		const dates = [new Date('2026-05-18T23:30:00Z'), new Date('2026-01-01T00:00:00Z'), new Date('2026-12-02T12:00:00+09:00')];
		for (const lang of ['en', 'de', 'ja', 'en', 'de']) {
			for (const date of dates) expect(mediumDate(date, lang)).toBe(date.toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' }));
		}
		expect(mediumDate(dates[0], 'en')).toBe('May 18, 2026');
	});
});
