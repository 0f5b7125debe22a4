import type { MapColour } from './api.ts';

/** Status colours of the map, each at least 4.5:1 against white text. */
export const COLOUR_HEX: Record<MapColour, string> = {
  new: '#1c5fb8',
  in_work: '#8a5300',
  solved: '#1e6b32',
  not_solved: '#b3261e',
};
