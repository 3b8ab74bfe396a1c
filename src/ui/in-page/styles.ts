/** The in-page UI's stylesheet, inside its own shadow root (nothing leaks into or from the site). */
import { SEVERITY_COLORS } from '../../page/paint/highlight-style';

const c = SEVERITY_COLORS;

export const IN_PAGE_CSS = `
:host{all:initial}
*{box-sizing:border-box}
.ui{font:13px/1.5 system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#14171a}
.badge{white-space:nowrap;display:inline-flex;align-items:center;gap:6px;padding:2px 8px;border-radius:999px;border:1px solid #c9d1d9;background:#fff;cursor:pointer;font:inherit;font-size:12px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.badge[data-state=ok]{border-color:#2e9d5b;color:#1e6b3d}
.badge[data-state=info]{border-color:${c.info}}
.badge[data-state=warn]{border-color:${c.warn}}
.badge[data-state=block]{border-color:${c.block};background:#fff5f5}
.badge[data-unavailable]{border-style:dashed;border-color:#8c959f;color:#57606a;background:#fff}
.count{display:inline-flex;align-items:center;gap:3px;font-variant-numeric:tabular-nums}
.dot{width:8px;height:8px;border-radius:50%;display:inline-block}
.dot.info{background:${c.info}}.dot.warn{background:${c.warn}}.dot.block{background:${c.block}}
.spin{width:10px;height:10px;border:2px solid #c9d1d9;border-top-color:#555;border-radius:50%;animation:s 0.8s linear infinite}
@keyframes s{to{transform:rotate(360deg)}}
.pop{position:fixed;margin:0;inset:auto;border:1px solid #c9d1d9;border-radius:10px;background:#fff;box-shadow:0 8px 28px rgba(0,0,0,.22);padding:12px;width:min(380px,calc(100vw - 16px));max-height:min(70vh,560px);overflow:auto;color:#14171a;font:13px/1.5 system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif}
.pop h2{font-size:14px;margin:0 0 8px}
.card{border-left:4px solid #c9d1d9;padding:6px 8px;margin:0 0 8px;background:#fafbfc;border-radius:4px}
.card.info{border-color:${c.info}}.card.warn{border-color:${c.warn}}.card.block{border-color:${c.block}}
.card .head{display:flex;gap:6px;align-items:baseline;flex-wrap:wrap}
.tag{font-size:11px;padding:0 6px;border-radius:4px;background:#eef1f4}
.tag.block{background:${c.block};color:#fff}.tag.warn{background:${c.warn};color:#fff}.tag.info{background:${c.info};color:#fff}
.quote{font-weight:600}
.card p{margin:4px 0}
.label{color:#57606a;font-size:11px;margin-right:4px}
button.act{font:inherit;font-size:12px;padding:3px 10px;border-radius:6px;border:1px solid #c9d1d9;background:#fff;cursor:pointer}
button.act.primary{background:#14171a;color:#fff;border-color:#14171a}
button.act.danger{border-color:${c.block};color:${c.block}}
button.act:disabled{opacity:.45;cursor:default}
.row{display:flex;gap:6px;flex-wrap:wrap;margin-top:8px}
textarea.reason{width:100%;min-height:52px;font:inherit;margin-top:6px;padding:4px 6px;border:1px solid #c9d1d9;border-radius:6px}
.hint{color:#57606a;font-size:11px}
.refusal{margin:6px 0;padding:6px 8px;border-radius:6px;border:1px solid ${c.block};background:#fff5f5;color:#14171a}
.notice{position:fixed;margin:0;inset:auto;max-width:360px;padding:8px 10px;border-radius:8px;background:#fff8e1;border:1px solid #d9a300;color:#14171a;font:12px/1.5 system-ui,"Noto Sans CJK JP",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.18)}
.notice button{margin-left:6px}
`;
