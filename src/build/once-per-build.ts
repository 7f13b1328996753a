/**
 * A value every page of a build shares (an index, a table), computed once per scan of the lab. The
 * dev server computes it again for every request: its pages do not hear the lab session's changes,
 * and a saved note must show at once.
 */
import { labSession } from './lab-session';

export const oncePerBuild = <T>(key: string, compute: () => T): T => (import.meta.env.DEV ? compute() : labSession.memo(key, compute));
