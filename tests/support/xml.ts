/** Well-formed XML 1.0, strictly: no control characters, no "]]>" in text. Returns the error or true. */
import { SyntaxValidator } from 'fast-xml-validator';

export function xmlProblem(xml: string): string | undefined {
	try {
		SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true }, xmlDeclaraion: { optional: false } });
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}
