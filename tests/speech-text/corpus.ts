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
  { rule: 'time with p.m.', text: 'Doors open at 7:30 p.m. on Friday.', spoken: 'Doors open at seven thirty P M on Friday.', heard: 'Doors open at seven thirty pm on Friday.' },
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
  { rule: 'telephone number', text: 'Call 555-0142 after six.', spoken: 'Call five five five, oh one four two after six.', literalMisread: true },
  { rule: 'units after a number', text: 'The trail is 5 km long.', spoken: 'The trail is five kilometers long.' },
  { rule: 'regnal Roman numeral, not a name', text: 'Louis XIV outlived Malcolm X by centuries.', spoken: 'Louis the fourteenth outlived Malcolm X by centuries.' },
  { rule: 'title before a name', text: 'Dr. Smith will see you now.', spoken: 'doctor Smith will see you now.' },
  { rule: 'saint before a name', text: 'They moved to St. Louis in June.', spoken: 'They moved to saint Louis in June.', literalMisread: true },
  { rule: 'street after a name', text: 'The shop is on Elm St. near the bank.', spoken: 'The shop is on Elm street near the bank.', literalMisread: true },
  { rule: 'drive after a name at the end', text: 'She lives at 12 Oak Dr.', spoken: 'She lives at twelve Oak drive.' },
  { rule: 'mister and junior', text: 'Mr. Lee and Sam Ford Jr. arrived.', spoken: 'mister Lee and Sam Ford junior arrived.' },
  { rule: 'latin abbreviations', text: 'Bring fruit, e.g. apples, pears, etc.', spoken: 'Bring fruit, for example apples, pears, et cetera.' },
  { rule: 'initialism spelled', text: 'The ACLU filed a brief.', spoken: 'The A C L U filed a brief.', ipa: 'ðə ˌeɪsˌiːˌɛljˈuː fˈaɪld ɐ bɹˈiːf', literalMisread: true },
  { rule: 'capitals for emphasis', text: 'The wave was HUGE, she said.', spoken: 'The wave was huge, she said.' },
  { rule: 'initialism that is also a word', text: 'He joined the US Navy.', spoken: 'He joined the U S Navy.', ipa: 'hiː dʒˈɔɪnd ðə jˌuːˈɛs nˈeɪvi' },
  { rule: 'initialism said as a word', text: 'NASA sent a probe.', spoken: 'NASA sent a probe.' },
  { rule: 'dotted initialism', text: 'She studied in the U.S. for a year.', spoken: 'She studied in the U S for a year.', ipa: 'ʃiː stˈʌdid ɪnðə jˌuːˈɛs fɚɹə jˈɪɹ' },
  { rule: 'Roman numeral regnal', text: 'King Henry VIII had six wives.', spoken: 'King Henry the eighth had six wives.', literalMisread: true },
  { rule: 'Roman numeral part', text: 'Chapter IV begins at sea.', spoken: 'Chapter four begins at sea.' },
  { rule: 'Roman numeral war', text: 'He flew in World War II.', spoken: 'He flew in World War two.' },
  { rule: 'shouted heading', text: 'THE END', spoken: 'THE END' },
  { rule: 'em dash pause', text: 'The door opened—slowly—and stopped.', spoken: 'The door opened slowly and stopped.' },
  { rule: 'spaced en dash', text: 'We waited – and waited.', spoken: 'We waited and waited.' },
  { rule: 'ellipsis', text: 'Well... maybe tomorrow.', spoken: 'Well maybe tomorrow.' },
  { rule: 'curly quotes', text: '“Stay here,” she said.', spoken: 'Stay here, she said.' },
  { rule: 'parentheses', text: 'The mayor (who was late) spoke first.', spoken: 'The mayor who was late spoke first.' },
];
