/**
 * A date as "Dec 2, 2026" (the medium style of the page's language, in UTC), from one formatter
 * per language: building an Intl formatter is the expensive part, and a build formats a date on
 * every page.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function mediumDate(date: Date, lang: string): string {
	let formatter = formatters.get(lang);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
		formatters.set(lang, formatter);
	}
	return formatter.format(date);
}
