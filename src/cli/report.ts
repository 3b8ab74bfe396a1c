/** The readable report of `npm run check -- "テキスト"`. */
import type { Finding, Severity } from '../engine/finding';

const LABEL: Record<Severity, string> = { block: '[block 要修正]', warn: '[warn 要確認]', info: '[info 参考]' };

export function formatReport(text: string, findings: Finding[]): string {
  if (findings.length === 0) return '確認 Kakunin: 指摘はありません / no findings\n';
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lines = [`確認 Kakunin: ${findings.length} 件 / findings (block ${count('block')}, warn ${count('warn')}, info ${count('info')})`, ''];
  for (const f of findings) {
    const where = f.end > f.start ? `${f.start}–${f.end} 「${f.text}」` : '(投稿全体 / whole post)';
    lines.push(`${LABEL[f.severity]} ${f.category}  ${where}  (${f.rule})`);
    lines.push(`    ${f.message.ja}`);
    lines.push(`    ${f.message.en}`);
    if (f.suggestion) lines.push(`    提案 / suggestion: ${f.suggestion.ja} / ${f.suggestion.en}`);
    if (f.basis) lines.push(`    根拠 / basis: ${f.basis}`);
    lines.push('');
  }
  void text;
  return lines.join('\n');
}
