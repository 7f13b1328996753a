/** URL- and file-name-safe slugs: lowercase letters and digits joined by dashes. */
export function slugify(text: string, maxLength = Number.POSITIVE_INFINITY): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}
