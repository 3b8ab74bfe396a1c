/** The readable report of `npm run check -- --explain "テキスト"` (the data: engine/explain.ts). */
import type { Dropped, EntryBlock, ExplainedHit, Explanation, HitFate, Place, PatternRef, Witness } from '../engine/explain';
import type { Severity } from '../engine/finding';

const LABEL: Record<Severity, string> = { block: '[block 要修正]', warn: '[warn 要確認]', info: '[info 参考]' };

const at = (p: Place) => (p.end > p.start ? `${p.start}–${p.end} 「${p.text}」` : `${p.start} (投稿全体 / whole post)`);
/** a pattern's path and source, a long source cut (the full one: --json, or the list file) */
const SOURCE_SHOWN = 100;
const pat = (r: PatternRef) =>
  `${r.path} 「${r.source.length > SOURCE_SHOWN ? `${r.source.slice(0, SOURCE_SHOWN)}…」(${r.source.length} 字 / chars)` : `${r.source}」`}`;
const witness = (w: Witness) => `${pat(w.pattern)} @ ${at(w.place)}`;

export interface ExplainReportOptions {
  /** only entries (and findings) whose rule id starts with this */
  rule?: string;
}

export function formatExplanation(ex: Explanation, options: ExplainReportOptions = {}): string {
  const wanted = (rule: string) => options.rule === undefined || rule.startsWith(options.rule);
  const out: string[] = [];
  const c = ex.context;
  out.push(`確認 Kakunin --explain${options.rule !== undefined ? ` --rule ${options.rule}` : ''}`);
  out.push(
    `文脈 / context: account ${c.account}, site ${c.site ?? '-'}, date ${c.date ?? '-'}` +
      (c.sensitiveDays.length ? `; 配慮日 / sensitive day: ${c.sensitiveDays.map((d) => `${d.reason.ja} / ${d.reason.en}`).join('; ')}` : ''),
  );
  out.push('');

  // 1. the text as the matchers see it
  out.push(`正規化 / normalized: ${ex.normalized}`);
  if (ex.folded !== ex.normalized) out.push(`折り畳み / folded:    ${ex.folded}`);
  out.push('');
  out.push(`トークン / tokens (${ex.tokens.length}; 位置は元の文字列の UTF-16 / offsets in the original, UTF-16):`);
  for (const t of ex.tokens) {
    const base = t.base !== t.surface ? `  基本形 base ${t.base}` : '';
    const reading = t.reading ? `  読み reading ${t.reading}` : '';
    out.push(`  ${`${t.start}–${t.end}`.padEnd(8)}${t.surface}${base}${reading}  [${t.pos.join(' / ')}]`);
  }
  out.push('');

  // 2. check()'s findings, each with what made it
  const shownFindings = ex.findings.map((f, n) => ({ f, n })).filter(({ f }) => wanted(f.rule));
  const hidden = ex.findings.length - shownFindings.length;
  out.push(
    ex.findings.length === 0
      ? '指摘 / findings: なし / none'
      : `指摘 / findings: ${ex.findings.length} 件 (check と同じ / exactly what check reports)${hidden ? `; ${hidden} 件は --rule 外で省略 / not shown (other rules)` : ''}`,
  );
  for (const { f, n } of shownFindings) {
    out.push('');
    out.push(`#${n + 1} ${LABEL[f.severity]} ${f.category}  ${at({ start: f.start, end: f.end, text: f.text })}  (${f.rule})`);
    out.push(`    ${f.message.ja}`);
    out.push(`    ${f.message.en}`);
    const origin = ex.origins[n]!;
    if (origin.kind === 'detector') {
      const d = ex.detectors[origin.detector]!;
      out.push(`    検出器 / detector: ${d.detector} (コードの規則、辞書のパターンではありません / a code rule, not a dictionary pattern)`);
      if (d.cappedTo) out.push(`    カテゴリ設定で ${d.cappedTo} に / lowered to ${d.cappedTo} by the category setting`);
      continue;
    }
    const e = ex.entries[origin.entry]!;
    const hit = e.hits[origin.hit]!;
    out.push(`    項目 / entry: ${e.rule}  (${e.source}${e.company ? ', 会社のリスト / company list' : ''})`);
    for (const p of hit.patterns) out.push(`    パターン / pattern: ${pat(p)} @ ${at(hit.place)}`);
    for (const r of hit.requires) out.push(`    必須 / requires.${r.group} ✓ ${witness(r.by)}`);
    if (hit.quoted) out.push(`    引用して批判・訂正する文脈で ${e.severity} → ${hit.quoted} / quoted in a post that criticises it: ${e.severity} → ${hit.quoted}`);
    if (hit.cappedTo) out.push(`    カテゴリ設定で ${e.severity} → ${hit.cappedTo} / lowered from ${e.severity} by the category setting`);
    const others = e.hits.filter((h) => h !== hit && h.finding === undefined);
    if (others.length) {
      out.push('    この項目の他の一致 / its other matches:');
      for (const h of others) out.push(...hitLines(h, ex, '      '));
    }
  }
  out.push('');

  // 3. near misses: a pattern matched, no finding
  const near = ex.entries.filter((e) => e.outcome === 'near-miss' && wanted(e.rule));
  const droppedDetectors = ex.detectors.filter((d) => d.finding === undefined && wanted(d.rule));
  out.push(
    near.length + droppedDetectors.length === 0
      ? '惜しい / near misses: なし / none'
      : `惜しい / near misses: ${near.length + droppedDetectors.length} 件 (パターンは一致、指摘なし / a pattern matched, no finding)`,
  );
  for (const e of near) {
    out.push('');
    out.push(`- ${e.rule}  ${LABEL[e.severity]} ${e.category}  (${e.source}${e.company ? ', 会社のリスト / company list' : ''})`);
    for (const b of e.blocks) out.push(`    ✗ ${blockLine(b)}`);
    for (const h of e.hits) out.push(...hitLines(h, ex, '    ', e.blocks.length > 0));
  }
  for (const d of droppedDetectors) {
    out.push('');
    out.push(`- ${d.rule}  ${LABEL[d.severity]}  検出器 / detector ${d.detector} @ ${at(d.place)}`);
    if (d.dropped) out.push(`    ✗ ${droppedLine(d.dropped, ex)}`);
  }

  // with --rule: the entries of that prefix that stayed silent, and why (no pattern matched)
  if (options.rule !== undefined) {
    const silent = ex.entries.filter((e) => e.outcome === 'no-match' && wanted(e.rule));
    out.push('');
    out.push(
      silent.length === 0
        ? `パターン不一致 / no pattern matched: なし / none`
        : `パターン不一致 / no pattern matched: ${silent.length} 項目 / entries`,
    );
    for (const e of silent) {
      out.push('');
      out.push(`- ${e.rule}  ${LABEL[e.severity]} ${e.category}  (${e.source}${e.company ? ', 会社のリスト / company list' : ''})`);
      out.push('    どのパターンもこの下書きに一致しません / none of its patterns matches this draft:');
      for (const p of e.unmatched) out.push(`      ${pat(p)}`);
    }
    if (!ex.entries.some((e) => wanted(e.rule)) && !ex.detectors.some((d) => wanted(d.rule))) {
      out.push('');
      out.push(`「${options.rule}」で始まる項目はありません / no entry id starts with "${options.rule}" (check the id, and --lists for a company list)`);
    }
  }
  if (!ex.consistent) {
    out.push('');
    out.push('注意 / warning: この説明は check の結果と一致しません (不具合です) / this explanation disagrees with check (a bug: please report it)');
  }
  out.push('');
  return out.join('\n');
}

/** One match of an entry and what became of it. */
function hitLines(h: ExplainedHit, ex: Explanation, indent: string, blocked = false): string[] {
  const lines = [`${indent}${at(h.place)}  ← ${h.patterns.map(pat).join(', ')}`];
  for (const r of h.requires) lines.push(`${indent}  requires.${r.group} ✓ ${witness(r.by)}`);
  if (h.finding !== undefined) lines.push(`${indent}  → 指摘 / finding #${h.finding + 1}`);
  else if (h.dropped) lines.push(`${indent}  ✗ ${droppedLine(h.dropped, ex)}`);
  else if (h.fate.kind === 'fires') {
    lines.push(
      blocked
        ? `${indent}  (上の理由がなければ指摘になります / would be a finding but for the reason above)`
        : `${indent}  ✗ 不明 / unexplained`,
    );
  } else lines.push(...fateLines(h.fate, indent));
  return lines;
}

function fateLines(f: Exclude<HitFate, { kind: 'fires' }>, indent: string): string[] {
  switch (f.kind) {
    case 'requires':
      return f.groups.flatMap((g) => {
        const cond = [
          g.within !== undefined ? `${g.within} 文字以内 / within ${g.within}` : '',
          g.position === 'before' ? '前 / before the hit' : g.position === 'after' ? '後 / after the hit' : '',
          g.scope === 'sentence' ? '同じ文 / same sentence' : g.scope === 'adjacent' ? '同じか隣の文 / same or adjacent sentence' : '',
        ].filter(Boolean);
        const head = `${indent}  ✗ requires.${g.group} 不成立 / unmet${cond.length ? ` (${cond.join(', ')})` : ''}: `;
        if (g.found.length === 0) return [`${head}下書きのどこにも一致なし / matches nowhere in the draft`];
        return [`${head}一致はあるが条件外 / its matches are outside the condition:`, ...g.found.map((w) => `${indent}      ${witness(w)}`)];
      });
    case 'unless-near':
      return [`${indent}  ✗ unless.${f.group} が近くで一致 / matched near it: ${witness(f.by)}`];
    case 'allow':
      return [`${indent}  ✗ allow の文脈に重なる / inside an allowed context: ${witness(f.by)}`];
    case 'overlap':
      return [`${indent}  ✗ 同じ項目の重なる一致を採用 / a longer (or earlier) overlapping match of this entry is kept: ${at(f.kept)}`];
  }
}

function blockLine(b: EntryBlock): string {
  switch (b.kind) {
    case 'account':
      return `when.account: ${b.wants} のアカウントのみ / only for ${b.wants} accounts (この下書き / this draft: ${b.draft}; --account)`;
    case 'sites':
      return `when.sites: ${b.wants.join(', ')} のみ / only on these sites (この下書き / this draft: ${b.draft})`;
    case 'sensitive-date':
      return `when.sensitiveDate: 配慮日のみ / only on a sensitive date (${b.date ? `${b.date} は配慮日ではありません / ${b.date} is not one` : '日付なし / no date given: --date'})`;
    case 'unless':
      return `unless が一致、下書き全体で無効 / unless matched, the entry is silent for the whole draft: ${b.by.map(witness).join('; ')}`;
  }
}

function droppedLine(d: Dropped, ex?: Explanation): string {
  switch (d.kind) {
    case 'rule-off':
      return '設定で無効 / switched off in the settings (disabled rule)';
    case 'category-off':
      return `カテゴリ ${d.category} は設定で off / category ${d.category} is off in the settings`;
    case 'merged': {
      const into = ex?.findings[d.into];
      return `同じ場所・同じカテゴリの指摘 #${d.into + 1} に統合 / merged into finding #${d.into + 1}${into ? ` (${into.rule}, ${into.severity})` : ''}: one finding per place and category (more severe, then longer, then listed first)`;
    }
  }
}
