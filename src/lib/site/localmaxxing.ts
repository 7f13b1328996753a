/**
 * Where a LocalMaxxing result lives. The address pattern is set here once (or with
 * LOCALMAXXING_RESULT_URL, "{id}" standing for the id) so that it can be corrected in one place.
 */
export const DEFAULT_LOCALMAXXING_RESULT_URL = 'https://localmaxxing.com/results/{id}';

export function localmaxxingUrl(id: string, template = DEFAULT_LOCALMAXXING_RESULT_URL): string {
	return template.replace('{id}', encodeURIComponent(id));
}
