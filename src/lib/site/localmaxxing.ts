/**
 * Where a LocalMaxxing run lives: its public run page (the form the lab's notes link). Set here once (or with
 * LOCALMAXXING_RESULT_URL, "{id}" standing for the id) so that it can be corrected in one place.
 */
export const DEFAULT_LOCALMAXXING_RESULT_URL = 'https://www.localmaxxing.com/en/runs/{id}';

export function localmaxxingUrl(id: string, template = DEFAULT_LOCALMAXXING_RESULT_URL): string {
	return template.replace('{id}', encodeURIComponent(id));
}
