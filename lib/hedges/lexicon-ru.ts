import { type HedgeTerm, hedgePatterns, hedgeWords } from '@/lib/hedges/hedge-term';

/** One optional word in between: "по словам" and "по его словам". */
const MAYBE_WORD = '(?:[\\p{L}-]+ )?';

/** Russian hedges and reported-speech markers; the reported-speech particles "мол" and "дескать" included. */
export const RUSSIAN_HEDGES: HedgeTerm[] = [
  ...hedgeWords('doubt', 'якобы', 'будто', 'будто бы', 'предположительно', 'видимо', 'по-видимому', 'судя по всему'),
  ...hedgeWords('doubt', 'так называемый', 'так называемая', 'так называемые', 'так называемого'),
  ...hedgePatterns('attribution', `по ${MAYBE_WORD}словам`, `по ${MAYBE_WORD}данным`, `по ${MAYBE_WORD}информации`),
  ...hedgePatterns('attribution', `по ${MAYBE_WORD}сообщениям`, 'заяви(?:л|ла|ли)', 'сообщи(?:л|ла|ли)'),
  ...hedgeWords('attribution', 'как сообщается', 'как утверждается', 'сообщается', 'утверждается', 'мол', 'дескать'),
  ...hedgeWords('possibility', 'возможно', 'вероятно', 'может быть', 'мог бы', 'могла бы', 'могли бы'),
];
