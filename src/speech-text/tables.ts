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

const MONTH_BY_LOWERCASE = new Map<string, string>([
  ...MONTHS.map((m): [string, string] => [m.toLowerCase(), m]),
  ...Object.entries(MONTH_ABBREVIATIONS).map(([abbr, m]): [string, string] => [abbr.toLowerCase(), m]),
]);

/** The month a word may name, in any case, full or short ("june", "SEPT", "Jan"); the caller checks it stands by a day. */
export function monthOf(w: Word | undefined): string | undefined {
  if (!w) return undefined;
  const month = MONTH_BY_LOWERCASE.get(w.core.toLowerCase());
  if (!month) return undefined;
  // Mixed case other than a capital first letter is not a month: "mAy".
  return w.core === w.core.toLowerCase() || w.core === w.core.toUpperCase() || /^[A-Z][a-z]+$/.test(w.core) ? month : undefined;
}

/** Titles said before a name: "Dr. Smith", "St. Louis". */
export const BEFORE_NAME: Record<string, string> = {
  Dr: 'doctor', Mr: 'mister', Mrs: 'missus', Ms: 'miz', Prof: 'professor', St: 'saint', Mt: 'mount', Ft: 'fort',
  Gen: 'general', Gov: 'governor', Sen: 'senator', Rep: 'representative', Capt: 'captain', Lt: 'lieutenant',
  Sgt: 'sergeant', Col: 'colonel', Hon: 'the honorable', Rev: 'reverend', Fr: 'father', Pres: 'president', Supt: 'superintendent', Det: 'detective',
};

/** Abbreviations said after a name or number: "Elm St.", "12 Oak Dr.", "Ford Jr.". */
export const AFTER_NAME: Record<string, string> = {
  St: 'street', Dr: 'drive', Ave: 'avenue', Rd: 'road', Blvd: 'boulevard', Ln: 'lane', Ct: 'court', Pl: 'place',
  Hwy: 'highway', Pkwy: 'parkway', Sq: 'square', Jr: 'junior', Sr: 'senior', Inc: 'incorporated', Co: 'company',
  Corp: 'corporation', Ltd: 'limited', Bros: 'brothers',
};

/** Abbreviations with one reading wherever they stand. */
export const ANYWHERE: Record<string, string> = {
  etc: 'et cetera', pp: 'pages', 'e.g': 'for example', 'i.e': 'that is', vs: 'versus', approx: 'approximately',
  dept: 'department', Dept: 'department', govt: 'government', Govt: 'government', min: 'minutes', hrs: 'hours', yrs: 'years',
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

/** Street types, written short or in full, any case: said in full after a street's name. */
export const STREET_TYPES: Record<string, string> = {
  st: 'Street', street: 'Street', ave: 'Avenue', av: 'Avenue', avenue: 'Avenue', rd: 'Road', road: 'Road', blvd: 'Boulevard', boulevard: 'Boulevard',
  dr: 'Drive', drive: 'Drive', ln: 'Lane', lane: 'Lane', ct: 'Court', court: 'Court', pl: 'Place', place: 'Place', expy: 'Expressway',
  expressway: 'Expressway', hwy: 'Highway', highway: 'Highway', pkwy: 'Parkway', parkway: 'Parkway', sq: 'Square', square: 'Square',
  ter: 'Terrace', terrace: 'Terrace', cir: 'Circle', circle: 'Circle', trl: 'Trail', trail: 'Trail', cres: 'Crescent', crescent: 'Crescent',
  aly: 'Alley', alley: 'Alley', fwy: 'Freeway', freeway: 'Freeway', tpke: 'Turnpike', turnpike: 'Turnpike',
};

/** Compass points before a street's name: "1211 E Arques Ave". */
export const DIRECTIONS: Record<string, string> = { N: 'North', S: 'South', E: 'East', W: 'West', NE: 'Northeast', NW: 'Northwest', SE: 'Southeast', SW: 'Southwest' };

/** US state codes, said in full after a city in an address: "Santa Clara, CA 95051". */
export const STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware', FL: 'Florida',
  GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine',
  MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska',
  NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio',
  OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas',
  UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', DC: 'D C',
};
