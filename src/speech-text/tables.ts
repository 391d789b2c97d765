// Word lists the rules consult. Kept apart from the rules so they can grow.
import type { Word } from './words.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_ABBREVIATIONS: Record<string, string> = {
  Jan: 'January', Feb: 'February', Mar: 'March', Apr: 'April', Jun: 'June', Jul: 'July', Aug: 'August',
  Sep: 'September', Sept: 'September', Oct: 'October', Nov: 'November', Dec: 'December',
};

/** The month a word names, written out or abbreviated with a period ("Aug."). */
export function fullMonth(w: Word | undefined): string | undefined {
  if (!w) return undefined;
  if (MONTHS.includes(w.core)) return w.core;
  return w.trail.startsWith('.') ? MONTH_ABBREVIATIONS[w.core] : undefined;
}

/** Titles said before a name: "Dr. Smith", "St. Louis". */
export const BEFORE_NAME: Record<string, string> = {
  Dr: 'doctor', Mr: 'mister', Mrs: 'missus', Ms: 'miz', Prof: 'professor', St: 'saint', Mt: 'mount', Ft: 'fort',
  Gen: 'general', Gov: 'governor', Sen: 'senator', Rep: 'representative', Capt: 'captain', Lt: 'lieutenant',
  Sgt: 'sergeant', Col: 'colonel', Rev: 'reverend', Fr: 'father', Pres: 'president', Supt: 'superintendent', Det: 'detective',
};

/** Abbreviations said after a name or number: "Elm St.", "12 Oak Dr.", "Ford Jr.". */
export const AFTER_NAME: Record<string, string> = {
  St: 'street', Dr: 'drive', Ave: 'avenue', Rd: 'road', Blvd: 'boulevard', Ln: 'lane', Ct: 'court', Pl: 'place',
  Hwy: 'highway', Pkwy: 'parkway', Sq: 'square', Jr: 'junior', Sr: 'senior', Inc: 'incorporated', Co: 'company',
  Corp: 'corporation', Ltd: 'limited', Bros: 'brothers',
};

/** Abbreviations with one reading wherever they stand. */
export const ANYWHERE: Record<string, string> = {
  etc: 'et cetera', 'e.g': 'for example', 'i.e': 'that is', vs: 'versus', approx: 'approximately',
  dept: 'department', Dept: 'department', govt: 'government', Govt: 'government', min: 'minutes', hrs: 'hours', yrs: 'years',
};

/** Units after a number: [singular, plural]. */
export const UNITS: Record<string, [string, string]> = {
  km: ['kilometer', 'kilometers'], kg: ['kilogram', 'kilograms'], cm: ['centimeter', 'centimeters'], mm: ['millimeter', 'millimeters'],
  mi: ['mile', 'miles'], ft: ['foot', 'feet'], lb: ['pound', 'pounds'], lbs: ['pound', 'pounds'], oz: ['ounce', 'ounces'],
  mph: ['mile per hour', 'miles per hour'], kph: ['kilometer per hour', 'kilometers per hour'], sq: ['square', 'square'],
};

/** Capitalised abbreviations said as words, not letters. */
export const SAID_AS_WORDS = new Set([
  'NASA', 'NATO', 'UNESCO', 'UNICEF', 'OPEC', 'FIFA', 'UEFA', 'AIDS', 'COVID', 'SCUBA', 'LASER', 'RADAR', 'NAFTA', 'FEMA',
  'OSHA', 'DARPA', 'SWAT', 'AWOL', 'NIMBY', 'GIF', 'JPEG', 'PIN', 'SIM', 'ZIP', 'ASEAN', 'INTERPOL', 'MOMA', 'LEGO', 'IKEA',
  'SARS', 'WASP', 'ANSI', 'CAPTCHA', 'SEAL', 'SEALS', 'NOAA', 'PAC', 'MRSA', 'HUD', 'ASCII',
]);

/** Initialisms that are also English words, read as letters unless the sentence shouts. */
export const ALWAYS_LETTERS = new Set(['US', 'UN', 'UFO', 'ID', 'ER']);

/** Words after which a Roman numeral counts a part: "Chapter IV", "World War II". */
export const NUMBERED_PARTS = new Set([
  'chapter', 'part', 'book', 'volume', 'vol', 'act', 'scene', 'section', 'war', 'article', 'appendix', 'phase', 'stage',
  'level', 'round', 'title', 'canto', 'psalm', 'episode', 'season', 'series', 'type', 'class', 'grade', 'bowl', 'mark', 'apollo',
]);

/** Capitalised short forms with a fixed reading other than their letters. */
export const EXPANSIONS: Record<string, string> = {
  WWI: 'World War One', WWII: 'World War Two', OK: 'okay', TBA: 'to be announced',
};
