import { ClickCountsTally } from './click-counts';

const M1 = '0a5c1c4e-1111-4111-8111-111111111111';
const M2 = '7f00aa10-2222-4222-8222-222222222222';
const click = (messageId: string, linkId: string, classification: string, impliedOpen = false) => ({
  messageId,
  linkId,
  classification,
  impliedOpen,
});

describe('ClickCountsTally', () => {
  type Step = (tally: ClickCountsTally) => void;
  it.each<[string, Step[], [string, string, number, number, number][]]>([
    ['nothing recorded', [], []],
    [
      'clicks of one message and link add up; the human ones and implied opens apart',
      [
        (t) => t.addClick(click(M1, '7', 'human', true)),
        (t) => t.addClick(click(M1, '7', 'machine:scanner')),
        (t) => t.addClick(click(M1, '7', 'human')),
      ],
      [[M1, '7', 3, 2, 1]],
    ],
    [
      'rows in (message, link) order, links as numbers',
      [
        (t) => t.addClick(click(M2, '1', 'human')),
        (t) => t.addClick(click(M1, '10', 'human')),
        (t) => t.addClick(click(M1, '9', 'machine:scanner')),
      ],
      [
        [M1, '9', 1, 0, 0],
        [M1, '10', 1, 1, 0],
        [M2, '1', 1, 1, 0],
      ],
    ],
    [
      'a demotion takes a human click (and its implied open) but not the click',
      [(t) => t.addDemotion(M1, '3', true), (t) => t.addDemotion(M1, '4', false)],
      [
        [M1, '3', 0, -1, -1],
        [M1, '4', 0, -1, 0],
      ],
    ],
    [
      'an erased click is taken back; what cancels out is no row',
      [
        (t) => t.addClick(click(M1, '3', 'human', true)),
        (t) => t.addClick(click(M1, '3', 'human', true), -1),
        (t) => t.addClick(click(M2, '3', 'machine:scanner'), -1),
      ],
      [[M2, '3', -1, 0, 0]],
    ],
  ])('%s', (_, steps, expected) => {
    const tally = new ClickCountsTally();
    for (const step of steps) step(tally);
    expect(
      tally
        .rows()
        .map((row) => [row.messageId, row.linkId, row.clicks, row.humanClicks, row.impliedOpens]),
    ).toEqual(expected);
  });
});
