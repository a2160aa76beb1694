import { foldCase, Label, LabelAutomaton } from './label-automaton';

const label = (text: string, slug: string, priority = 0): Label => ({ text, slug, priority });

const SALES_LABELS = [
  label('Sales', 'sales'),
  label('Sales Kickoff', 'sales-kickoff'),
  label('SKO', 'sales-kickoff', 1),
  label('Closed Lost', 'closed-lost'),
  label('Sales Champion', 'sales-champion'),
  label('lead', 'lead'),
  label('lead generation funnel', 'lead-generation-funnel'),
  label('generation', 'generation'),
  label('open rate', 'open-rate'),
  label('rate', 'rate'),
];

/** The obvious quadratic algorithm the automaton must agree with. */
function naiveMentions(labels: Label[], text: string) {
  const folded = foldCase(text);
  const isWord = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}\p{M}_]/u.test(folded[i]);
  const candidates: { start: number; end: number; label: Label }[] = [];
  for (const candidate of labels) {
    const needle = foldCase(candidate.text);
    for (
      let start = folded.indexOf(needle);
      start !== -1;
      start = folded.indexOf(needle, start + 1)
    ) {
      const end = start + needle.length;
      if (!isWord(start - 1) && !isWord(end)) candidates.push({ start, end, label: candidate });
    }
  }
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      a.label.priority - b.label.priority ||
      a.label.slug.localeCompare(b.label.slug),
  );
  const chosen: typeof candidates = [];
  for (const candidate of candidates)
    if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end))
      chosen.push(candidate);
  return chosen
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, label: { slug } }) => ({
      slug,
      start,
      end,
      matched: text.slice(start, end),
    }));
}

describe('LabelAutomaton', () => {
  const automaton = new LabelAutomaton(SALES_LABELS);

  it.each([
    ['no labels at all', 'Nothing to see here.', []],
    ['empty text', '', []],
    ['a name, any case', 'our sales champion said', [['sales-champion', 4, 18, 'sales champion']]],
    ['an alias', 'See you at SKO!', [['sales-kickoff', 11, 14, 'SKO']]],
    [
      'the longest wins where mentions overlap',
      'The Sales Kickoff is next week',
      [['sales-kickoff', 4, 17, 'Sales Kickoff']],
    ],
    [
      'a shorter label still counts where it stands alone',
      'Sales grew; Sales Kickoff went well',
      [
        ['sales', 0, 5, 'Sales'],
        ['sales-kickoff', 12, 25, 'Sales Kickoff'],
      ],
    ],
    ['no match inside a word', 'wholesales and skoda', []],
    ['no match across a word start', 'presales', []],
    ['a label at the very end', 'deal was closed lost', [['closed-lost', 9, 20, 'closed lost']]],
    [
      'punctuation is a boundary',
      '(SKO),closed lost.',
      [
        ['sales-kickoff', 1, 4, 'SKO'],
        ['closed-lost', 6, 17, 'closed lost'],
      ],
    ],
    [
      'nested labels inside a longer one are not repeated',
      'our lead generation funnel',
      [['lead-generation-funnel', 4, 26, 'lead generation funnel']],
    ],
    [
      'a label that is a suffix of another is found through failure links',
      'the open rate and the rate',
      [
        ['open-rate', 4, 13, 'open rate'],
        ['rate', 22, 26, 'rate'],
      ],
    ],
    ['digits are word characters', 'SKO2 SKO_x', []],
    [
      'offsets stay right after characters whose lower case is longer',
      'İ SKO',
      [['sales-kickoff', 2, 5, 'SKO']],
    ],
    ['accented letters are word characters', 'éSKO', []],
  ])('%s', (_, text, expected) => {
    expect(automaton.find(text)).toEqual(
      (expected as [string, number, number, string][]).map(([slug, start, end, matched]) => ({
        slug,
        start,
        end,
        matched,
      })),
    );
  });

  it('gives a label shared by two terms to the better priority, then the lower slug', () => {
    const shared = new LabelAutomaton([
      label('ACV', 'annual-contract-value-hidden', 2),
      label('ACV', 'average-contract-value', 1),
      label('ACV', 'annual-contract-value', 1),
    ]);
    expect(shared.find('ACV').map((mention) => mention.slug)).toEqual(['annual-contract-value']);
  });

  it('ignores blank labels and trims the others', () => {
    const trimmed = new LabelAutomaton([label('  ', 'blank'), label(' SKO ', 'sko')]);
    expect(trimmed.labelCount).toBe(1);
    expect(trimmed.find('an SKO')).toEqual([{ slug: 'sko', start: 3, end: 6, matched: 'SKO' }]);
  });

  it('agrees with the naive algorithm on random texts over a small alphabet', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['a', 'ab', 'b', 'ba', 'aba', 'abab'];
    const labels = [
      label('a', 'a'),
      label('a b', 'a-b'),
      label('b a', 'b-a'),
      label('a b a', 'a-b-a'),
      label('ab', 'ab'),
      label('aba', 'aba'),
      label('ba ab', 'ba-ab'),
    ];
    const random_automaton = new LabelAutomaton(labels);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + random(12) }, () => words[random(words.length)]).join(
        [' ', ', ', '-'][random(3)],
      );
      expect(random_automaton.find(text)).toEqual(naiveMentions(labels, text));
    }
  });
});
