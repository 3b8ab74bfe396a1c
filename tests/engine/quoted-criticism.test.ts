/** A wording quoted in a post that criticises or corrects it is shown one level lower (pipeline/quoted-criticism.ts). */
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import type { EntryInput } from '../../src/engine/dictionary/schema';
import { createEngine } from '../../src/engine/index';
import { tokenizer } from '../support/engine';

const msg = { ja: 'テスト', en: 'test' };
async function engineOf(entries: Array<Partial<EntryInput> & { patterns: EntryInput['patterns'] }>, company = false) {
  const file = parseDictionary(
    { name: 't', entries: entries.map((e, i) => ({ id: `race/t${i}`, category: 'race', severity: 'warn', message: msg, ...e })) },
    't',
  );
  return createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file, source: 't', ...(company ? { company: true } : {}) }] });
}
const severities = (engine: Awaited<ReturnType<typeof engineOf>>, text: string) => engine.check(text).map((f) => `${f.text}:${f.severity}`);

describe('a wording quoted to criticise or correct it', () => {
  it('is one level lower, and says why', async () => {
    const e = await engineOf([{ patterns: ['外人', '外国人お断り'] }, { patterns: ['60-hour week'], severity: 'block' }]);
    // corrected in the next sentence
    const apology = e.check('先日の投稿で「外人」という表現を使用しておりました。不適切な表現であり、お詫びして訂正いたします。');
    expect(apology.map((f) => [f.text, f.severity])).toEqual([['外人', 'info']]);
    expect(apology[0]!.message.ja).toMatch(/^（引用して批判・訂正している文脈のため/);
    expect(apology[0]!.message.en).toMatch(/^\(Quoted in a post that criticises or corrects it/);
    // criticised in its own sentence
    expect(severities(e, '「外国人お断り」の張り紙はなぜ問題なのか、考えてみました。')).toEqual(['外国人お断り:info']);
    // a rumour refuted, a sign taken down
    expect(severities(e, '『外国人お断り』という投稿が拡散していますが、県警はそのような事実は確認されていないと発表しています。')).toEqual(['外国人お断り:info']);
    expect(severities(e, '商店街にあった「外国人お断り」の貼り紙を、全店で撤去しました。')).toEqual(['外国人お断り:info']);
    // a scam warning quoting the scammers' promise
    expect(severities(e, 'Some people claiming to be our advisers promise "外人" deals in private chats.')).toEqual(['外人:info']);
    // English, double quotes; block becomes warn, not info
    expect(severities(e, 'We removed the "60-hour week" language from our job ads. It excluded carers.')).toEqual(['60-hour week:warn']);
    // a list of wording taken out of job ads ("Gone:", "we rewrote", "reworded")
    expect(severities(e, 'We updated every job posting. Gone: "60-hour week" and other phrases.')).toEqual(['60-hour week:warn']);
    expect(severities(e, 'The "60-hour week" line was reworded last month.')).toEqual(['60-hour week:warn']);
  });

  it('is not lowered when used, when the quote is not criticised, or when the criticism is denied', async () => {
    const e = await engineOf([{ patterns: ['外人', '外国人お断り'] }]);
    expect(severities(e, '外人は不適切な言葉だと言われても、外人は外人')).toEqual(['外人:warn', '外人:warn', '外人:warn']); // not quoted
    expect(severities(e, '当店は「外国人お断り」です。ご了承ください。')).toEqual(['外国人お断り:warn']); // quoted, no criticism
    expect(severities(e, '「外国人お断り」は差別じゃない。区別です。')).toEqual(['外国人お断り:warn']); // criticism denied
    // the criticism two sentences later is about something else
    expect(severities(e, '「外国人お断り」にしました。理由は色々。差別はいけないと言う人もいますが。')).toEqual(['外国人お断り:warn']);
    // after a quote, not inside one
    expect(severities(e, '「張り紙」外国人お断り。不適切かな?')).toEqual(['外国人お断り:warn']);
  });

  it('leaves a company list entry at the severity the company gave it', async () => {
    const e = await engineOf([{ patterns: ['外人'] }], true);
    expect(severities(e, '先日の投稿で「外人」という表現を使用しておりました。不適切な表現であり、お詫びして訂正いたします。')).toEqual(['外人:warn']);
  });
});
