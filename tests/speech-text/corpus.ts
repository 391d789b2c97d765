// Tricky sentences, each with what a good narrator says. `spoken` is the local voice's
// spoken text (letters said one by one shown spaced, lexicon phonemes as /ipa/).
// `heard`, when given, is plain text eSpeak NG says the same way, for the phoneme check
// (used where plain `spoken` text would be read differently, e.g. "P M" as "p.m.").
// `literalMisread` marks cases where eSpeak NG, given the written text, says it wrong:
// the test proves the rule changes what is heard.
export interface CorpusCase {
  rule: string;
  text: string;
  spoken: string;
  heard?: string;
  /** The IPA eSpeak NG should produce, where no plain text says it (spelled letters). */
  ipa?: string;
  literalMisread?: boolean;
}

export const CORPUS: CorpusCase[] = [
  { rule: 'year after a preposition', text: 'The flood came in 1969.', spoken: 'The flood came in nineteen sixty-nine.', literalMisread: true },
  { rule: 'year before a noun', text: 'We watched the 1972 film twice.', spoken: 'We watched the nineteen seventy-two film twice.', literalMisread: true },
  { rule: 'year opening a sentence', text: '1969 was a strange year.', spoken: 'nineteen sixty-nine was a strange year.' },
  { rule: 'year before a verb', text: 'Since then 1987 remains the wettest year.', spoken: 'Since then nineteen eighty-seven remains the wettest year.' },
  { rule: 'year with oh', text: 'The mill burned down in 1905.', spoken: 'The mill burned down in nineteen oh five.' },
  { rule: 'year two thousand', text: 'She left town in 2008 and came back in 2019.', spoken: 'She left town in two thousand eight and came back in twenty nineteen.' },
  { rule: 'four digits counting things', text: 'About 1500 people came.', spoken: 'About one thousand five hundred people came.' },
  { rule: 'decade', text: 'Music changed in the 1960s.', spoken: 'Music changed in the nineteen sixties.', literalMisread: true },
  { rule: 'short decade', text: "Those were the '80s, after all.", spoken: 'Those were the eighties, after all.' },
  { rule: 'full date', text: 'It opened on March 3, 1958, at noon.', spoken: 'It opened on March third, nineteen fifty-eight, at noon.', literalMisread: true },
  { rule: 'day before month', text: 'We met on 14 February 2011.', spoken: 'We met on the fourteenth of February twenty eleven.' },
  { rule: 'abbreviated month', text: 'The fair runs until Aug. 9 this year.', spoken: 'The fair runs until August ninth this year.' },
  { rule: 'time', text: 'The bus leaves at 9:05 sharp.', spoken: 'The bus leaves at nine oh five sharp.' },
  { rule: 'time on the hour', text: 'Meet me at 10:00 by the gate.', spoken: "Meet me at ten o'clock by the gate." },
  { rule: 'time with p.m.', text: 'Doors open at 7:30 p.m. on Friday.', spoken: 'Doors open at seven thirty P.M on Friday.', heard: 'Doors open at seven thirty pm on Friday.' },
  { rule: 'money as a modifier', text: 'He paid a $4,150 fee for the permit.', spoken: 'He paid a four thousand one hundred fifty dollar fee for the permit.', literalMisread: true },
  { rule: 'money as an amount', text: 'The repair cost $4,150 in the end.', spoken: 'The repair cost four thousand one hundred fifty dollars in the end.', literalMisread: true },
  { rule: 'money with cents', text: 'A loaf was $2.75 then.', spoken: 'A loaf was two dollars and seventy-five cents then.' },
  { rule: 'money with a magnitude', text: 'The bridge will cost $1.2 billion.', spoken: 'The bridge will cost one point two billion dollars.' },
  { rule: 'pounds', text: 'Tickets are £15 each.', spoken: 'Tickets are fifteen pounds each.' },
  { rule: 'percentage', text: 'Turnout rose by 12.5% this spring.', spoken: 'Turnout rose by twelve point five percent this spring.' },
  { rule: 'ordinal', text: 'She finished 4th and he came 21st.', spoken: 'She finished fourth and he came twenty-first.' },
  { rule: 'ordinal compound', text: 'It is a 19th-century house.', spoken: 'It is a nineteenth-century house.' },
  { rule: 'thousands separator', text: 'The town has 12,480 residents.', spoken: 'The town has twelve thousand four hundred eighty residents.' },
  { rule: 'year range', text: 'He served from 1958–1974 without a break.', spoken: 'He served from nineteen fifty-eight to nineteen seventy-four without a break.', literalMisread: true },
  { rule: 'short year range', text: 'The war lasted 1939-45 in Europe.', spoken: 'The war lasted nineteen thirty-nine to forty-five in Europe.' },
  { rule: 'number range', text: 'Read pages 10–12 tonight.', spoken: 'Read pages ten to twelve tonight.' },
  { rule: 'telephone number', text: 'Call 555-0142 after six.', spoken: 'Call five five five, zero one four two after six.', literalMisread: true },
  { rule: 'units after a number', text: 'The trail is 5 km long.', spoken: 'The trail is five kilometers long.' },
  { rule: 'regnal Roman numeral, not a name', text: 'Louis XIV outlived Malcolm X by centuries.', spoken: 'Louis the fourteenth outlived Malcolm X by centuries.' },
  { rule: 'title before a name', text: 'Dr. Smith will see you now.', spoken: 'doctor Smith will see you now.' },
  { rule: 'saint before a name', text: 'They moved to St. Louis in June.', spoken: 'They moved to saint Louis in June.', literalMisread: true },
  { rule: 'street after a name', text: 'The shop is on Elm St. near the bank.', spoken: 'The shop is on Elm street near the bank.', literalMisread: true },
  { rule: 'drive after a name at the end', text: 'She lives at 12 Oak Dr.', spoken: 'She lives at twelve Oak drive.' },
  { rule: 'mister and junior', text: 'Mr. Lee and Sam Ford Jr. arrived.', spoken: 'mister Lee and Sam Ford junior arrived.' },
  { rule: 'latin abbreviations', text: 'Bring fruit, e.g. apples, pears, etc.', spoken: 'Bring fruit, for example apples, pears, et cetera.' },
  { rule: 'initialism spelled', text: 'The ACLU filed a brief.', spoken: 'The A.C.L.U filed a brief.', literalMisread: true },
  { rule: 'capitals for emphasis', text: 'The wave was HUGE, she said.', spoken: 'The wave was huge, she said.' },
  { rule: 'initialism that is also a word', text: 'He joined the US Navy.', spoken: 'He joined the U.S Navy.' },
  { rule: 'initialism said as a word', text: 'NASA sent a probe.', spoken: 'NASA sent a probe.' },
  { rule: 'dotted initialism', text: 'She studied in the U.S. for a year.', spoken: 'She studied in the U.S for a year.' },
  { rule: 'Roman numeral regnal', text: 'King Henry VIII had six wives.', spoken: 'King Henry the eighth had six wives.', literalMisread: true },
  { rule: 'Roman numeral part', text: 'Chapter IV begins at sea.', spoken: 'Chapter four begins at sea.' },
  { rule: 'Roman numeral war', text: 'He flew in World War II.', spoken: 'He flew in World War two.' },
  { rule: 'shouted heading', text: 'THE END', spoken: 'THE END' },
  { rule: 'em dash pause', text: 'The door opened—slowly—and stopped.', spoken: 'The door opened slowly and stopped.' },
  { rule: 'spaced en dash', text: 'We waited – and waited.', spoken: 'We waited and waited.' },
  { rule: 'ellipsis', text: 'Well... maybe tomorrow.', spoken: 'Well maybe tomorrow.' },
  { rule: 'curly quotes', text: '“Stay here,” she said.', spoken: 'Stay here, she said.' },
  { rule: 'parentheses', text: 'The mayor (who was late) spoke first.', spoken: 'The mayor who was late spoke first.' },

  // Dates: a day beside a month is an ordinal; numeric dates month first unless the first part is over 12.
  { rule: 'month and day without a comma', text: 'The ferry sank on Feb 9 1952 off the point.', spoken: 'The ferry sank on February ninth nineteen fifty-two off the point.', literalMisread: true },
  { rule: 'lowercase month', text: 'we sailed on october 12 1988.', spoken: 'we sailed on October twelfth nineteen eighty-eight.', literalMisread: true },
  { rule: 'capital abbreviated month', text: 'Filed OCT. 4 by the clerk.', spoken: 'Filed October fourth by the clerk.' },
  { rule: 'ordinal day before a month', text: 'We met on the 3rd June and parted on 9th July.', spoken: 'We met on the third of June and parted on the ninth of July.', literalMisread: true },
  { rule: 'day before a short month', text: 'The sale ends 30 Nov.', spoken: 'The sale ends the thirtieth of November.' },
  { rule: 'year, month, day with slashes', text: 'The log entry is dated 2019/11/05.', spoken: 'The log entry is dated November fifth twenty nineteen.', literalMisread: true },
  { rule: 'month, day, year with slashes', text: 'Her letter was dated 4/22/87.', spoken: 'Her letter was dated April twenty-second eighty-seven.', literalMisread: true },
  { rule: 'day first when it cannot be a month', text: 'The form said 23.06.2011 in blue ink.', spoken: 'The form said the twenty-third of June twenty eleven in blue ink.', literalMisread: true },
  { rule: 'ISO date with hyphens', text: 'The backup from 2021-03-14 was lost.', spoken: 'The backup from March fourteenth twenty twenty-one was lost.', literalMisread: true },
  { rule: 'month glued to its day', text: 'The tide table starts Mar-21.', spoken: 'The tide table starts March twenty-first.' },
  { rule: 'may as a verb', text: 'You may 3 times ask for help.', spoken: 'You may three times ask for help.' },
  { rule: 'year before a counted noun', text: 'The hall seats 1850 people.', spoken: 'The hall seats one thousand eight hundred fifty people.' },
  { rule: 'early year after a lead-in', text: 'The abbey was founded in 1066.', spoken: 'The abbey was founded in ten sixty-six.', literalMisread: true },
  // Times
  { rule: 'time with seconds', text: 'The race ended at 01:42:07.', spoken: 'The race ended at one hour forty-two minutes and seven seconds.', literalMisread: true },
  { rule: 'dotted time before p.m.', text: 'The boat left at 4.15 p.m. sharp.', spoken: 'The boat left at four fifteen P.M sharp.', heard: 'The boat left at four fifteen pm sharp.', literalMisread: true },
  { rule: 'p.m. ending a sentence', text: 'The shop shuts at 6 p.m.', spoken: 'The shop shuts at six P.M.', heard: 'The shop shuts at six pm.' },
  { rule: 'glued meridiem and zone', text: 'The call is at 9am PST.', spoken: 'The call is at nine A.M P.S.T.' },
  { rule: 'twenty-four hour clock on the hour', text: 'The watch changes at 18:00 each day.', spoken: 'The watch changes at eighteen hundred each day.' },
  // Money beyond the dollar
  { rule: 'euro amount', text: 'Lunch came to €14.20 for two.', spoken: 'Lunch came to fourteen euros and twenty cents for two.', literalMisread: true },
  { rule: 'yen with a magnitude letter', text: 'The studio earned ¥45 b that year.', spoken: 'The studio earned forty-five billion yen that year.', literalMisread: true },
  { rule: 'ISO code before the amount', text: 'The invoice was CHF 250 in total.', spoken: 'The invoice was two hundred fifty Swiss francs in total.' },
  { rule: 'ISO code after the amount', text: 'Each room costs 90 EUR a night.', spoken: 'Each room costs ninety euros a night.' },
  { rule: 'cents only', text: 'Stamps were $0.08 back then.', spoken: 'Stamps were eight cents back then.', literalMisread: true },
  { rule: 'more than two decimal places keep their digits', text: 'Fuel was $3.459 a gallon.', spoken: 'Fuel was three point four five nine dollars a gallon.', literalMisread: true },
  { rule: 'money per period', text: 'Rent is $900/mo plus heat.', spoken: 'Rent is nine hundred dollars per month plus heat.', literalMisread: true },
  { rule: 'money range', text: 'Seats cost £20-£35 tonight.', spoken: 'Seats cost twenty pounds to thirty-five pounds tonight.', literalMisread: true },
  { rule: 'money range with the sign once', text: 'Tips run $2-5 a bag.', spoken: 'Tips run two to five dollars a bag.' },
  { rule: 'currency sign apart from its amount', text: 'It cost $ 12 then.', spoken: 'It cost twelve dollars then.' },
  // Measures
  { rule: 'unit glued to its number', text: 'The pack weighs 14kg when full.', spoken: 'The pack weighs fourteen kilograms when full.', literalMisread: true },
  { rule: 'degrees Celsius', text: 'Water froze at -3°C overnight.', spoken: 'Water froze at minus three degrees Celsius overnight.', literalMisread: true },
  { rule: 'unit after a magnitude', text: 'The dam holds 40 million m³ of water.', spoken: 'The dam holds forty million cubic meters of water.', literalMisread: true },
  { rule: 'singular unit after one', text: 'The cable carries 1 Gbps at most.', spoken: 'The cable carries one gigabit per second at most.' },
  { rule: 'speed with a slash', text: 'Wind gusts reached 90 km/h.', spoken: 'Wind gusts reached ninety kilometers per hour.', literalMisread: true },
  { rule: 'per unit', text: 'Seed sells at 12/kg in spring.', spoken: 'Seed sells at twelve per kilogram in spring.' },
  { rule: 'square feet', text: 'The loft is 850 sq ft.', spoken: 'The loft is eight hundred fifty square feet.' },
  { rule: 'unit range', text: 'Pick 3-4lb melons.', spoken: 'Pick three to four pounds melons.' },
  { rule: 'feet and inches', text: 'He stood 5\'11" in his boots.', spoken: 'He stood five feet eleven inches in his boots.' },
  { rule: 'dimensions', text: 'Cut a 4x6 sheet.', spoken: 'Cut a four by six sheet.' },
  // Fractions
  { rule: 'half', text: 'Add 1/2 a cup of stock.', spoken: 'Add one half a cup of stock.', literalMisread: true },
  { rule: 'mixed number', text: 'The board was 2 3/4 inches thick.', spoken: 'The board was two and three quarters inches thick.', literalMisread: true },
  { rule: 'fraction with an ordinal ending', text: 'Only 1/8th of the map survived.', spoken: 'Only one eighth of the map survived.' },
  { rule: 'fraction glyph', text: 'She ran ¾ of a mile.', spoken: 'She ran three quarters of a mile.' },
  { rule: 'slashed numbers that are names', text: 'The shop is open 24/7 now.', spoken: 'The shop is open twenty-four seven now.' },
  // Cardinals and ordinals
  { rule: 'long digit string without separators', text: 'The parcel number is 80417 on the label.', spoken: 'The parcel number is eight zero four one seven on the label.' },
  { rule: 'long number that counts something', text: 'Some 25000 runners took part.', spoken: 'Some twenty-five thousand runners took part.' },
  { rule: 'numbers beyond a trillion', text: 'The estimate was 3,000,000,000,000,000 grains.', spoken: 'The estimate was three quadrillion grains.' },
  { rule: 'a wrong ordinal ending is read as written', text: 'The sign said 3th floor.', spoken: 'The sign said three th floor.' },
  { rule: 'ordinal with a separator', text: 'The 1,000th visitor won a prize.', spoken: 'The one thousandth visitor won a prize.' },
  { rule: 'decimal without a leading zero', text: 'The odds were .25 at best.', spoken: 'The odds were point two five at best.' },
  // Ranges
  { rule: 'decade range', text: 'The style ran from the 1920s-1930s.', spoken: 'The style ran from the nineteen twenties to nineteen thirties.' },
  { rule: 'prefix before a decade', text: 'It was a mid-1970s design.', spoken: 'It was a mid nineteen seventies design.' },
  { rule: 'meridiem range', text: 'The desk is staffed 8am-5pm.', spoken: 'The desk is staffed eight A.M to five P.M.', literalMisread: true },
  // Telephone, electronic, addresses
  { rule: 'international number', text: 'Ring +1 212-555-0187 for tickets.', spoken: 'Ring plus one, two one two, five five five, zero one eight seven for tickets.', literalMisread: true },
  { rule: 'area code in brackets', text: 'Call (312) 555-0199 today.', spoken: 'Call three one two, five five five, zero one nine nine today.', literalMisread: true },
  { rule: 'IP address', text: 'The router sits at 10.0.0.254 on the shelf.', spoken: 'The router sits at one zero dot zero dot zero dot two five four on the shelf.', literalMisread: true },
  { rule: 'e-mail address', text: 'Write to tide.tables@harbor.org soon.', spoken: 'Write to tide dot tables at harbor dot org soon.' },
  { rule: 'web address', text: 'See https://lighthouse.example.com/keepers for more.', spoken: 'See H.T.T.P.S colon slash slash lighthouse dot example dot com slash keepers for more.', literalMisread: true },
  { rule: 'street address', text: 'She moved to 1642 W Harbor Rd, Salem, OR 97301.', spoken: 'She moved to sixteen forty-two West Harbor Road, Salem, Oregon nine seven three zero one.', literalMisread: true },
  { rule: 'section of a code', text: 'He maxed out his 403(b) last year.', spoken: 'He maxed out his four oh three b last year.' },
  // Abbreviations
  { rule: 'abbreviation ending a sentence keeps no spoken dot', text: 'She works for Harbor Co.', spoken: 'She works for Harbor company.' },
  { rule: 'numbered part in capitals', text: 'BOOK XII CONTINUES HERE', spoken: 'BOOK twelve CONTINUES HERE' },
];
