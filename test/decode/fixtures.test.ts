import { describe, expect, it } from 'vitest';
import { FIXTURES, naiveTexts, parseFixtureNaively, readFixture } from '../fixtures/gemini-real.js';
import { awkwardOffsets, chunksOf, decodeInPieces, randomCuts } from './harness.js';

const SEEDS = [1, 2, 3, 42, 1337, 20240601];

function everyOffset(body: Uint8Array): number[] {
  return Array.from({ length: body.length - 1 }, (_, i) => i + 1);
}

it('covers every fixture listed in INDEX.json', () => {
  const index = JSON.parse(Buffer.from(readFixture('INDEX.json')).toString('utf8')) as { file: string }[];
  expect(FIXTURES.map((fixture) => fixture.name).sort()).toEqual(index.map((entry) => entry.file).sort());
});

describe.each(FIXTURES)('$name', ({ name, framing }) => {
  const body = readFixture(name);
  const whole = decodeInPieces(body, framing);

  it('decodes cleanly into the chunks a naive whole-file parse finds', () => {
    expect(whole.problems).toEqual([]);
    expect(whole.items.every((item) => item.type === 'chunk')).toBe(true);
    expect(chunksOf(whole)).toEqual(parseFixtureNaively(name));
  });

  it.each(SEEDS)('gives identical items when cut at random offsets (seed %i)', (seed) => {
    const cuts = randomCuts(body, seed);
    const { insideCharacter, insideCrlf } = awkwardOffsets(body);
    if (insideCharacter.length > 0) expect(cuts.some((cut) => insideCharacter.includes(cut))).toBe(true);
    if (insideCrlf.length > 0) expect(cuts.some((cut) => insideCrlf.includes(cut))).toBe(true);
    expect(decodeInPieces(body, framing, cuts)).toEqual(whole);
  });

  it('gives identical items when fed one byte at a time', () => {
    expect(decodeInPieces(body, framing, everyOffset(body))).toEqual(whole);
  });
});

describe('facts of the recorded streams', () => {
  function decodedChunks(name: string): Record<string, any>[] {
    const fixture = FIXTURES.find((entry) => entry.name === name);
    if (fixture === undefined) throw new Error(`no fixture ${name}`);
    return chunksOf(decodeInPieces(readFixture(name), fixture.framing, randomCuts(readFixture(name), 7)));
  }

  it('2.5-pro-thought-summaries.sse: 23 chunks, 4 of thoughts, usage of the last chunk', () => {
    const chunks = decodedChunks('2.5-pro-thought-summaries.sse');
    expect(chunks).toHaveLength(23);
    expect(chunks.filter((chunk) => chunk.candidates[0].content.parts[0].thought === true)).toHaveLength(4);
    const { thoughtText, answerText } = naiveTexts(chunks);
    expect({ thoughtText, answerText }).toEqual(naiveTexts(parseFixtureNaively('2.5-pro-thought-summaries.sse')));
    expect(thoughtText).toHaveLength(1575);
    expect(thoughtText.startsWith("**Clarifying User Goals**\n\nI'm currently focused on defining")).toBe(true);
    expect(answerText).toHaveLength(1938);
    expect(answerText.startsWith('This is a great question! Safely crossing the street')).toBe(true);
    expect(chunks.at(-1)?.usageMetadata).toEqual({
      promptTokenCount: 34,
      candidatesTokenCount: 469,
      totalTokenCount: 1290,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 34 }],
      thoughtsTokenCount: 787,
    });
    expect(chunks.at(-1)?.candidates[0].finishReason).toBe('STOP');
    expect(chunks.at(-1)?.modelVersion).toBe('gemini-2.5-pro');
  });

  it('flash-latest-thoughts.json-array: thought, answer, then a signature-only chunk', () => {
    const chunks = decodedChunks('flash-latest-thoughts.json-array');
    expect(chunks).toHaveLength(3);
    expect(naiveTexts(chunks)).toEqual({
      thoughtText:
        '**Considering the Constraint**\n\nI\'m focusing intently on the "just the name" constraint. It demands a ' +
        "single, direct name; no fluff, no preliminaries. I'm actively suppressing any inclination to offer " +
        'multiple options or explain my reasoning. This constraint is paramount.\n\n\n',
      answerText: 'Scoop',
    });
    const lastPart = chunks[2]?.candidates[0].content.parts[0];
    expect(lastPart.text).toBe('');
    expect(lastPart.thoughtSignature).toMatch(/^Eq0JCqoJ.*8vJ4$/);
    expect(chunks[2]?.usageMetadata).toMatchObject({
      promptTokenCount: 11,
      candidatesTokenCount: 2,
      totalTokenCount: 304,
      thoughtsTokenCount: 291,
    });
  });

  it('1.x-basic-reply-long.sse: six answer chunks, no usage', () => {
    const chunks = decodedChunks('1.x-basic-reply-long.sse');
    expect(chunks).toHaveLength(6);
    expect(chunks.some((chunk) => 'usageMetadata' in chunk)).toBe(false);
    expect(naiveTexts(chunks).answerText).toHaveLength(3285);
  });

  it('1.x-utf8.sse: the exact multi-byte text', () => {
    const chunks = decodedChunks('1.x-utf8.sse');
    expect(chunks).toHaveLength(4);
    expect(naiveTexts(chunks).answerText).toBe(
      '秋风瑟瑟，叶落纷纷，\n西风残照，寒霜渐浓。\n枫叶红了，菊花黄了，\n秋雨绵绵，秋意浓浓。\n\n' +
        '秋夜漫漫，思绪万千，\n明月当空，星星眨眼。\n思念远方的亲人，\n祝愿他们幸福安康。\n\n' +
        '秋天是收获的季节，\n人们忙着收割庄稼，\n为一年的辛劳画上圆满的句号。\n秋天也是团圆的季节，\n' +
        '一家人围坐在一起，\n分享丰收的喜悦，共度美好时光。\n\n秋天是一个美丽的季节，\n它有着独特的韵味，\n' +
        '让人沉醉其中，流连忘返。\n让我们一起欣赏秋天的美景，\n感受秋天的气息，领悟秋天的哲理。',
    );
  });

  it('1.x-prompt-blocked-safety.sse: one chunk, blockReason SAFETY, no candidates', () => {
    const chunks = decodedChunks('1.x-prompt-blocked-safety.sse');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.promptFeedback.blockReason).toBe('SAFETY');
    expect(chunks[0]?.candidates).toBeUndefined();
  });
});
