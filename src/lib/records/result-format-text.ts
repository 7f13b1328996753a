/**
 * The community result format as text: one "Label: value" line per row, in the rows' order.
 * Kept apart from labels.ts because the record page's copy button runs it in the browser on the
 * rows of the table it shows, so the page does not carry the same labels twice.
 */
export interface ResultFormatLine {
	label: string;
	value: string;
}

export function resultFormatLines(rows: ResultFormatLine[]): string {
	return rows.map((row) => `${row.label}: ${row.value}`).join('\n');
}
