/**
 * The text model's walk as it was before blocks of inline text were read whole (one node at a
 * time): the oracle that text-map.test.ts holds the faster model to. Kept deliberately simple;
 * not used by the product.
 */
import { BREAKS, classify, SKIPPED, type IsHidden } from '../../../src/page/skip-rules.ts';

/** The reference text and its text nodes with their [start, end) in it. */
export function referenceModel(start: Node, isHidden?: IsHidden): { text: string; segments: Array<{ node: Text; start: number; end: number }> } {
  let text = '';
  const segments: Array<{ node: Text; start: number; end: number }> = [];
  let pendingBreak = true;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0 || (pendingBreak && !/[^\t\n\f\r ]/.test(data))) return;
      if (pendingBreak && text.length > 0) text += '\n';
      pendingBreak = false;
      segments.push({ node: node as Text, start: text.length, end: text.length + data.length });
      text += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const verdict = classify(node as Element, isHidden);
    if (verdict & BREAKS) pendingBreak = true;
    if (verdict & SKIPPED) return;
    node.childNodes.forEach(visit);
    if (verdict & BREAKS) pendingBreak = true;
  };
  start.childNodes.forEach(visit);
  return { text, segments };
}
