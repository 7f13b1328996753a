/** The tracks of the lab this build reads (its data/tracks.json, else the project's), for pages. */
import { trackLabel as labelIn, type Track } from '../lib/lab/tracks';
import { labSession } from './lab-session';

export const labTracks = (): Track[] => labSession.inventory().tracks;

/** A track id as readers see it: the declared label, the id itself, or "Unclassified". */
export const trackLabel = (id: string | undefined): string => labelIn(id, labTracks());
