/**
 * When two stated values of one label say the same thing: numbers to 0.05% (a figure printed to
 * six places and the same figure in full), text when one contains the other ("Intel Arc Pro B70
 * 32GB" states "Intel Arc Pro B70"), and objects on their verdict (quality on passed, speculation
 * on enabled, an interconnect on its kind), since their details are worded differently.
 */
const normalizedText = (value: string) => value.toLowerCase().replace(/[\s_`]+/g, '');
const VERDICT_KEYS = ['passed', 'enabled', 'kind'];

export function labelValuesAgree(a: unknown, b: unknown): boolean {
	if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 5e-4 * Math.max(Math.abs(a), Math.abs(b));
	if (typeof a === 'string' && typeof b === 'string') {
		const [x, y] = [normalizedText(a), normalizedText(b)];
		return x.includes(y) || y.includes(x);
	}
	if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const verdict = VERDICT_KEYS.find((key) => key in a || key in b);
		if (verdict) return (a as Record<string, unknown>)[verdict] === (b as Record<string, unknown>)[verdict];
		return JSON.stringify(a) === JSON.stringify(b);
	}
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length;
	return a === b;
}
