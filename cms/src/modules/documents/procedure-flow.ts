import { html, type SafeHtml } from './html';
import type { ActivityView, StandardView } from './models';

/**
 * The procedure chart of a Standar Pelayanan: the document's own chart (flowchartSteps, as in
 * Magetan's "graph TD") when it has one, else derived from the SOP's activities. HTML boxes
 * and numbered arrows, so long labels wrap; the same markup serves the PDF and the web page.
 */
export interface FlowNode {
  kind: 'terminal' | 'process' | 'decision';
  label: string;
  caption?: string;
  /** Exits of a decision, e.g. "Ya (Layak) → langkah 6". */
  branches?: string[];
  /** Where a step goes when that is not the box below it, e.g. "→ langkah 8". */
  jump?: string;
  /** Whether the box above leads into this one: no arrow is drawn between branches. */
  fromAbove?: boolean;
}

export function procedureNodes(std: StandardView): FlowNode[] {
  if (std.flowchartSteps.length) {
    return std.flowchartSteps.map((label, i) => ({ kind: i === 0 ? 'terminal' : 'process', label }));
  }
  const sop = std.sop;
  if (!sop?.activities.length) return std.procedureSteps.map((label) => ({ kind: 'process', label }));
  const executorLabel = new Map(sop.executors.map((e) => [e.key, e.label]));
  const activities = [...sop.activities].sort((a, b) => a.number - b.number);
  // An activity without an explicit next goes on to the one below it (the SOP tables' reading).
  const exits = (a: ActivityView, below?: ActivityView): number[] => {
    if (a.symbol === 'end') return [];
    if (a.symbol === 'decision') return [a.yesNext, a.noNext].filter((n): n is number => typeof n === 'number');
    return typeof a.next === 'number' ? [a.next] : below ? [below.number] : [];
  };
  return activities.map((a, i) => {
    const below = activities[i + 1];
    const above = activities[i - 1];
    const next = exits(a, below);
    return {
      kind: a.symbol === 'decision' ? 'decision' : a.symbol === 'process' ? 'process' : 'terminal',
      label: a.text,
      caption: `${a.number}. ${executorLabel.get(a.executor) ?? a.executor}`,
      branches:
        a.symbol === 'decision'
          ? [a.yesNext ? `Ya${a.yesLabel ? ` (${a.yesLabel})` : ''} → langkah ${a.yesNext}` : '', a.noNext ? `Tidak${a.noLabel ? ` (${a.noLabel})` : ''} → langkah ${a.noNext}` : ''].filter(Boolean)
          : undefined,
      jump: a.symbol !== 'decision' && next.length && next[0] !== below?.number ? `→ langkah ${next[0]}` : undefined,
      fromAbove: i === 0 || exits(above, a).includes(a.number),
    };
  });
}

export const FLOW_CSS = `
.flow { list-style: none; margin: 6px 0; padding: 0; display: flex; flex-direction: column; align-items: center; }
.flow li { display: flex; flex-direction: column; align-items: center; width: 100%; break-inside: avoid; }
.flow-box { border: 1.2px solid #000; background: #fff; padding: 4px 10px; max-width: 86%; text-align: center; font-size: 9pt; }
.flow-box .caption { display: block; font-size: 7.5pt; font-weight: bold; color: #333; }
.flow .terminal .flow-box { border-radius: 999px; padding: 4px 16px; }
.flow .decision .flow-box { border-style: double; border-width: 3px; }
.flow .decision .flow-box::before { content: "◇ "; font-weight: bold; }
.flow-branches { font-size: 8pt; font-style: italic; margin-top: 2px; text-align: center; }
.flow-arrow { display: flex; flex-direction: column; align-items: center; height: 24px; position: relative; }
.flow-arrow .line { width: 0; flex: 1; border-left: 1.2px solid #000; }
.flow-arrow .head { width: 0; height: 0; border-left: 5px solid transparent; border-right: 5px solid transparent; border-top: 7px solid #000; }
.flow-arrow .num { position: absolute; left: 8px; top: 3px; font-size: 7.5pt; }
.flow-gap { height: 14px; border-top: 1px dashed #777; width: 40%; margin-top: 8px; }
.flow-jump { font-size: 8pt; font-style: italic; margin-top: 2px; }
`;

export function procedureFlowHtml(nodes: FlowNode[]): SafeHtml {
  if (!nodes.length) return html``;
  let arrows = 0;
  const into = (n: FlowNode, i: number) => {
    if (i === 0) return '';
    // A box the one above doesn't lead to (the other branch of a decision) is set apart, not joined.
    if (n.fromAbove === false) return html`<div class="flow-gap" aria-hidden="true"></div>`;
    arrows += 1;
    return html`<div class="flow-arrow" aria-hidden="true"><span class="line"></span><span class="head"></span><span class="num">${arrows}</span></div>`;
  };
  return html`<ol class="flow" aria-label="Bagan alir prosedur pelayanan">${nodes.map(
    (n, i) => html`<li class="${n.kind}">${into(n, i)}
<div class="flow-box">${n.caption ? html`<span class="caption">${n.caption}</span>` : ''}${n.label}</div>
${n.branches?.length ? html`<div class="flow-branches">${n.branches.join(' · ')}</div>` : ''}${n.jump ? html`<div class="flow-jump">${n.jump}</div>` : ''}</li>`,
  )}</ol>`;
}
