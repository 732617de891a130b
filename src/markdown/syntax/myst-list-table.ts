import type { List, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';

/**
 * MyST's `{list-table}`: a bullet list of rows, each a bullet list of cells. Returns the table, or
 * undefined when the body is not that shape (its text is then published as it is).
 */
export function listTable(children: readonly RootContent[], headerRows: number): Table | undefined {
  const rows = children.filter((c): c is List => c.type === 'list');
  if (rows.length !== 1) return undefined;
  const tableRows: TableRow[] = [];
  for (const row of rows[0]!.children) {
    const cells = row.children.find((c): c is List => c.type === 'list');
    if (!cells) return undefined;
    tableRows.push({
      type: 'tableRow',
      children: cells.children.map(
        (cell): TableCell => ({ type: 'tableCell', children: phrasing(cell.children) }),
      ),
    });
  }
  if (tableRows.length === 0) return undefined;
  // Pylon's tables have one header row: without one, an empty header keeps every row as data.
  if (headerRows < 1) {
    const width = Math.max(...tableRows.map((r) => r.children.length));
    tableRows.unshift({
      type: 'tableRow',
      children: Array.from({ length: width }, () => ({ type: 'tableCell', children: [] })),
    });
  }
  return { type: 'table', children: tableRows };
}

/** A cell's blocks as one line of phrasing content (paragraphs joined with a space). */
function phrasing(blocks: readonly RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of blocks) {
    if (out.length > 0) out.push({ type: 'text', value: ' ' });
    if (block.type === 'paragraph' || block.type === 'heading') out.push(...block.children);
    else if (block.type === 'code') out.push({ type: 'inlineCode', value: block.value });
    else if ('children' in block) out.push(...phrasing(block.children as RootContent[]));
    else if ('value' in block) out.push({ type: 'text', value: String(block.value) });
  }
  return out;
}
