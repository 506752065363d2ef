/**
 * Dates as pages print them, in the languages of the sites we read most:
 * "Nov 19, 2019", "12 October 2017", "25. September 2018", "3 de mayo de
 * 2021", "1er février 2020", and the year first in numbers, as East Asian
 * sites print it ("2018-08-25", "2018년 8월 25일"). Letters are listed, not
 * matched with \p{L}: compiling a Unicode property class costs a fresh page
 * about 0.5 ms.
 */

/** Each month's full names, in English, German, French, Spanish, Italian, Portuguese and Dutch. */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari'],
  ['february', 'februar', 'février', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'märz', 'mars', 'marzo', 'março', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'août', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dezember', 'décembre', 'diciembre', 'dicembre', 'dezembro'],
];
/**
 * The abbreviations each month is printed with. Listed, not any prefix of
 * a name: "out" (outubro), "set" (settembre) or "mag" (maggio) are words
 * too, so the other languages' are read only where the day comes first.
 */
const ENGLISH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep|sept', 'oct', 'nov', 'dec'];
const OTHER_ABBREVIATIONS = [
  'jän|janv|ene|gen', 'fév|févr|fev|febr', 'mär|mrz|mrt', 'avr|abr', 'mag|mai', 'juin|giu|jun', 'juil|lug|jul',
  'ago|aoû', 'set|sept|sep', 'okt|ott|out', 'nov', 'dez|déc|dic|dec',
];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month's name or abbreviation ("Sept.", "Dez.", "févr."): 1 to 12, or 0 for any other word. */
function monthNumber(word: string, anyLanguage: boolean): number {
  const w = word.toLowerCase();
  for (let m = 0; m < 12; m++) {
    const names = anyLanguage ? MONTHS[m]! : MONTHS[m]!.slice(0, 1);
    const short = (anyLanguage ? `${ENGLISH_ABBREVIATIONS[m]}|${OTHER_ABBREVIATIONS[m]}` : ENGLISH_ABBREVIATIONS[m]!).split('|');
    if (names.includes(w) || short.includes(w)) return m + 1;
  }
  return 0;
}

const WORD = '[a-zà-ÿ]{3,10}';
const YEAR = '((?:19|20)\\d{2})';
/** "Nov. 19, 2019": the month first, as English writes it. */
const MONTH_FIRST = new RegExp(`(?<![a-zà-ÿ])(${WORD})\\.?\\s+(\\d{1,2}),?\\s+${YEAR}(?!\\d)`, 'gi');
/** "19 Nov 2019", "25. September 2018", "3 de mayo de 2021", "1er février 2020": the day first. */
const DAY_FIRST = new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?(${WORD})\\.?,?\\s+(?:de\\s+)?${YEAR}(?!\\d)`, 'gi');
/**
 * "2018-08-25", "2018.08.25", "2018년 8월 25일", "2018年8月25日": the year first, then the month. No one
 * prints the day before the month in this order, so, unlike "08/25/2018", it cannot be read two ways.
 */
const YEAR_FIRST = new RegExp(`(?<!\\d)${YEAR}(?:([-./])(\\d{1,2})\\2(\\d{1,2})|\\s*[년年]\\s*(\\d{1,2})\\s*[월月]\\s*(\\d{1,2})\\s*[일日])(?!\\d)`, 'g');
const PARSEABLE_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface PrintedDate {
  /** Where the date starts in the text, and how long it is there. */
  index: number;
  length: number;
  /** The date in the English form every browser's Date.parse reads as local midnight ("Sep 25, 2018"). */
  parseable: string;
}

function parseable(month: number, day: number, year: string): string | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]! ? `${PARSEABLE_MONTHS[month - 1]} ${day}, ${year}` : null;
}

/** The first printed date in a text, or null. */
export function findPrintedDate(text: string): PrintedDate | null {
  let first: PrintedDate | null = null;
  YEAR_FIRST.lastIndex = 0;
  for (let m = YEAR_FIRST.exec(text); m; m = YEAR_FIRST.exec(text)) {
    const date = parseable(Number(m[3] ?? m[5]), Number(m[4] ?? m[6]), m[1]!);
    if (date) {
      first = { index: m.index, length: m[0].length, parseable: date };
      break;
    }
  }
  for (const [pattern, dayFirst] of [[MONTH_FIRST, false], [DAY_FIRST, true]] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const date = parseable(monthNumber(dayFirst ? m[2]! : m[1]!, dayFirst), Number(dayFirst ? m[1] : m[2]), m[3]!);
      if (!date) continue;
      if (!first || m.index < first.index) first = { index: m.index, length: m[0].length, parseable: date };
      break;
    }
  }
  return first;
}
