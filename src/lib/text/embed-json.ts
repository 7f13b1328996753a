/**
 * JSON for a `<script>` element in a page. The HTML parser ends a script at the first `</script`
 * whatever the script's type, so lab text such as a record title `</script><svg onload=...>`
 * would close it and run. Escaping `<`, `>` and `&` as \u escapes keeps the JSON identical for
 * JSON.parse while no tag or entity can form; U+2028/U+2029 are escaped because older JavaScript
 * parsers end a line there.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

const ESCAPES: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/** `JSON.stringify(value)` that is safe as the text of any `<script>` element. */
export function jsonForHtml(value: unknown): string {
	const json = JSON.stringify(value) ?? 'null';
	return json.replace(UNSAFE_IN_SCRIPT, (character) => ESCAPES[character]);
}
