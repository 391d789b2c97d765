// Units of measure and currencies, with the names a narrator says: singular after
// "one", plural otherwise. Symbols are matched exactly as written, so "m" (metre) is
// not "M" and "in" is only a unit when glued to its number ("5in").

type Names = [singular: string, plural: string];

const SI_PREFIXES: Array<[string, string]> = [
  ['k', 'kilo'], ['M', 'mega'], ['G', 'giga'], ['T', 'tera'], ['m', 'milli'], ['µ', 'micro'], ['μ', 'micro'], ['n', 'nano'], ['c', 'centi'],
];

/** Units taking SI prefixes: symbol → base name. */
const PREFIXABLE: Record<string, string> = { m: 'meter', g: 'gram', s: 'second', W: 'watt', V: 'volt', Hz: 'hertz', J: 'joule', Pa: 'pascal', L: 'liter', l: 'liter', A: 'ampere', Wh: 'watt-hour', B: 'byte', b: 'bit', bps: 'bit per second', Bps: 'byte per second' };
/** Prefixes that make sense with each unit (no "centibyte", no "kilosecond"). */
const PREFIXES_FOR: Record<string, string> = { m: 'kcmµμn', g: 'kmµμ', s: 'mµμn', W: 'kMGTm', V: 'kmM', Hz: 'kMGT', J: 'kM', Pa: 'kMh', L: 'mc', l: 'mc', A: 'mk', Wh: 'kMGT', B: 'kMGT', b: 'kMGT', bps: 'kMGT', Bps: 'kMGT' };

const UNIT_NAMES: Record<string, Names> = {
  // Length, mass, volume, area
  ft: ['foot', 'feet'], in: ['inch', 'inches'], yd: ['yard', 'yards'], mi: ['mile', 'miles'], nmi: ['nautical mile', 'nautical miles'],
  lb: ['pound', 'pounds'], lbs: ['pound', 'pounds'], oz: ['ounce', 'ounces'], t: ['tonne', 'tonnes'],
  gal: ['gallon', 'gallons'], qt: ['quart', 'quarts'], ml: ['milliliter', 'milliliters'], cl: ['centiliter', 'centiliters'],
  dl: ['deciliter', 'deciliters'], cc: ['C C', 'C C'], ha: ['hectare', 'hectares'], ac: ['acre', 'acres'], mcg: ['microgram', 'micrograms'],
  tsp: ['teaspoon', 'teaspoons'], tbsp: ['tablespoon', 'tablespoons'], kgs: ['kilograms', 'kilograms'],
  kms: ['kilometers', 'kilometers'], yds: ['yards', 'yards'], KB: ['kilobyte', 'kilobytes'], Kb: ['kilobit', 'kilobits'], fps: ['frame per second', 'frames per second'],
  // Time
  h: ['hour', 'hours'], hr: ['hour', 'hours'], hrs: ['hours', 'hours'], min: ['minute', 'minutes'], mins: ['minutes', 'minutes'],
  sec: ['second', 'seconds'], secs: ['seconds', 'seconds'], yr: ['year', 'years'], yrs: ['years', 'years'], mo: ['month', 'months'],
  mos: ['months', 'months'], wk: ['week', 'weeks'], wks: ['weeks', 'weeks'],
  // Speed, pressure, energy, data, other
  mph: ['mile per hour', 'miles per hour'], kph: ['kilometer per hour', 'kilometers per hour'], kmh: ['kilometer per hour', 'kilometers per hour'],
  kn: ['knot', 'knots'], psi: ['P S I', 'P S I'], atm: ['atmosphere', 'atmospheres'], hPa: ['hectopascal', 'hectopascals'],
  cal: ['calorie', 'calories'], kcal: ['kilocalorie', 'kilocalories'], kWh: ['kilowatt-hour', 'kilowatt-hours'], hp: ['horsepower', 'horsepower'],
  dB: ['decibel', 'decibels'], mbps: ['megabit per second', 'megabits per second'], kbps: ['kilobit per second', 'kilobits per second'],
  gbps: ['gigabit per second', 'gigabits per second'], rpm: ['revolution per minute', 'revolutions per minute'], mAh: ['milliamp-hour', 'milliamp-hours'],
  '°C': ['degree Celsius', 'degrees Celsius'], '°F': ['degree Fahrenheit', 'degrees Fahrenheit'], '°': ['degree', 'degrees'], K: ['kelvin', 'kelvin'],
  '℃': ['degree Celsius', 'degrees Celsius'], '℉': ['degree Fahrenheit', 'degrees Fahrenheit'],
  '%': ['percent', 'percent'], x: ['times', 'times'], '×': ['times', 'times'],
};

/** Units said per something, after a slash: "/mo", "/kg", "/h". */
const PER_NAMES: Record<string, string> = { s: 'second', m: 'meter', day: 'day', week: 'week', month: 'month', year: 'year', hour: 'hour', night: 'night', person: 'person', head: 'head', unit: 'unit', item: 'item', piece: 'piece', page: 'page', mile: 'mile', litre: 'liter', liter: 'liter', gallon: 'gallon' };

/** Symbols that are also common words or letters: units only when glued to their number ("5in", "4m"). */
const GLUED_ONLY = new Set(['in', 't', 'h', 'x', 'm', 'g', 'l', 'L', 'mo', 'ac', 'V', 'W', 'J', 'min', 'cal', 'hp', 'ha']);
/** Symbols too easily something else ("5s" a plural, "5K" a race, "3D", "4B" a flat): never units on their own. */
const NEVER_ALONE = new Set(['s', 'b', 'B', 'A', 'K', 'd', 'D', 'T', 'G', 'M']);
/** Glued-only symbols read as units when they stand apart too, but only in these shapes. */
const APART_OK = new Set(['m', 'g', 'km', 'kg', 'cm', 'mm', 'ml', 'mg', 'min', 'l', 'L', 'V', 'W', 'h', 'ha']);

function expand(symbol: string): Names | undefined {
  if (UNIT_NAMES[symbol]) return UNIT_NAMES[symbol];
  if (PREFIXABLE[symbol]) return [PREFIXABLE[symbol], pluralUnit(PREFIXABLE[symbol])];
  for (const [prefix, name] of SI_PREFIXES) {
    if (!symbol.startsWith(prefix)) continue;
    const base = symbol.slice(prefix.length);
    if (PREFIXABLE[base] && PREFIXES_FOR[base]!.includes(prefix)) {
      const singular = name + PREFIXABLE[base];
      return [singular, pluralUnit(singular)];
    }
  }
  // Powers: "m2", "m²", "km³".
  const power = /^(.+?)(2|²|3|³)$/.exec(symbol);
  if (power && !/\d$/.test(power[1]!)) {
    const inner = expand(power[1]!);
    if (!inner) return undefined;
    const word = /[2²]/.test(power[2]!) ? 'square' : 'cubic';
    return [`${word} ${inner[0]}`, `${word} ${inner[1]}`];
  }
  return undefined;
}

function pluralUnit(singular: string): string {
  if (/ per /.test(singular)) return singular.replace(/^(\S+)/, (w) => pluralUnit(w));
  if (/(hertz|celsius|fahrenheit|kelvin)$/i.test(singular)) return singular;
  return `${singular}s`;
}

/** The names of a unit symbol, "km/h" and "m/s" included; glued says it touches its number. */
export function unitNames(symbol: string, glued: boolean): Names | undefined {
  const lower = symbol === 'MPH' || symbol === 'Mbps' || symbol === 'Gbps' || symbol === 'Kbps' ? symbol.toLowerCase() : symbol;
  if (NEVER_ALONE.has(lower) || (!glued && GLUED_ONLY.has(lower) && !APART_OK.has(lower))) return undefined;
  const direct = expand(lower);
  if (direct) return direct;
  const per = /^([^/]+)\/([^/]+)$/.exec(lower);
  if (per) {
    const top = expand(per[1]!);
    const bottom = perName(per[2]!);
    if (top && bottom) return [`${top[0]} per ${bottom}`, `${top[1]} per ${bottom}`];
  }
  return undefined;
}

/** "kg" → "kilogram", "mo" → "month", "hr" → "hour": what follows "per". */
export function perName(symbol: string): string | undefined {
  if (PER_NAMES[symbol]) return PER_NAMES[symbol];
  const names = expand(symbol);
  return names ? names[0].replace(/^(hours|minutes|seconds|years|months|weeks)$/, (w) => w.slice(0, -1)) : undefined;
}

export interface Currency {
  one: string;
  many: string;
  cent: string;
  cents: string;
}

const DOLLAR: Currency = { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' };
const named = (one: string, many = `${one}s`, cent = 'cent', cents = 'cents'): Currency => ({ one, many, cent, cents });

/** Currency signs written before an amount; "US$", "C$" and "A$" say whose dollar. */
export const CURRENCY_SIGNS: Record<string, Currency> = {
  $: DOLLAR,
  US$: named('U S dollar'),
  C$: named('Canadian dollar'),
  CA$: named('Canadian dollar'),
  A$: named('Australian dollar'),
  AU$: named('Australian dollar'),
  NZ$: named('New Zealand dollar'),
  HK$: named('Hong Kong dollar'),
  S$: named('Singapore dollar'),
  R$: named('real', 'reais', 'centavo', 'centavos'),
  '£': named('pound', 'pounds', 'penny', 'pence'),
  '€': named('euro'),
  '¥': named('yen', 'yen', 'sen', 'sen'),
  '₩': named('won', 'won', 'jeon', 'jeon'),
  '₹': named('rupee', 'rupees', 'paisa', 'paise'),
  '₽': named('ruble', 'rubles', 'kopeck', 'kopecks'),
  '₺': named('lira', 'lira', 'kurus', 'kurus'),
  '₪': named('shekel', 'shekels', 'agora', 'agorot'),
  '₱': named('peso', 'pesos', 'centavo', 'centavos'),
  '₦': named('naira', 'naira', 'kobo', 'kobo'),
  '฿': named('baht', 'baht', 'satang', 'satang'),
};

/** ISO 4217 codes, written before or after an amount: "USD 20", "20 EUR". */
export const CURRENCY_CODES: Record<string, Currency> = {
  USD: named('U S dollar'), EUR: named('euro'), GBP: named('pound', 'pounds', 'penny', 'pence'), JPY: named('yen', 'yen', 'sen', 'sen'),
  CAD: named('Canadian dollar'), AUD: named('Australian dollar'), NZD: named('New Zealand dollar'), CHF: named('Swiss franc', 'Swiss francs', 'centime', 'centimes'),
  CNY: named('yuan', 'yuan', 'fen', 'fen'), RMB: named('yuan', 'yuan', 'fen', 'fen'), INR: named('rupee', 'rupees', 'paisa', 'paise'),
  KRW: named('won', 'won', 'jeon', 'jeon'), SEK: named('Swedish krona', 'Swedish kronor', 'öre', 'öre'), NOK: named('Norwegian krone', 'Norwegian kroner', 'øre', 'øre'),
  DKK: named('Danish krone', 'Danish kroner', 'øre', 'øre'), MXN: named('Mexican peso'), BRL: named('real', 'reais', 'centavo', 'centavos'),
  ZAR: named('rand', 'rand'), RUB: named('ruble'), HKD: named('Hong Kong dollar'), SGD: named('Singapore dollar'), PLN: named('zloty', 'zlotys', 'grosz', 'groszy'),
};
