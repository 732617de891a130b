import type { CreateArticleOp, MoveArticleOp, Plan } from '../plan/types.js';
import { escapeHtml as h } from './escape.js';
import { placement } from './summary.js';

interface TreeNode {
  key: string | null;
  title: string;
  status: 'root' | 'created' | 'existing';
  children: TreeNode[];
  articles: (CreateArticleOp | MoveArticleOp)[];
}

/**
 * The collections this plan creates, nested by `parentKey`, with the articles created or moved into each.
 * Existing collections are not in the plan: they appear only when something new goes into them, by key.
 */
export function renderCollectionTree(plan: Plan): string {
  const root: TreeNode = {
    key: null,
    title: plan.knowledgeBase.title,
    status: 'root',
    children: [],
    articles: [],
  };
  const nodes = new Map<string, TreeNode>();
  const existing = (key: string): TreeNode => {
    let node = nodes.get(key);
    if (!node) {
      node = { key, title: key, status: 'existing', children: [], articles: [] };
      nodes.set(key, node);
      root.children.push(node);
    }
    return node;
  };
  for (const op of plan.operations) {
    if (op.kind !== 'create-collection') continue;
    const node: TreeNode = { key: op.key, title: op.title, status: 'created', children: [], articles: [] };
    const known = nodes.get(op.key);
    if (known) {
      // Referenced before it was declared: adopt the placeholder's children and take its place.
      node.children = known.children;
      node.articles = known.articles;
      root.children.splice(root.children.indexOf(known), 1);
    }
    nodes.set(op.key, node);
    (op.parentKey === null ? root : existing(op.parentKey)).children.push(node);
  }
  for (const op of plan.operations) {
    if (op.kind !== 'create-article' && op.kind !== 'move-article') continue;
    (op.collectionKey === null ? root : existing(op.collectionKey)).articles.push(op);
  }
  if (nodes.size === 0 && root.articles.length === 0) {
    return '<p class="empty">No collections are created and no articles are created or moved.</p>';
  }
  return `<ul class="tree" data-testid="collection-tree">${renderNode(root)}</ul>`;
}

function renderNode(node: TreeNode): string {
  const badge =
    node.status === 'created'
      ? '<span class="badge create">new collection</span>'
      : node.status === 'existing'
        ? '<span class="badge existing">existing collection</span>'
        : '<span class="badge existing">knowledge base</span>';
  const key = node.key === null ? '' : ` <code>${h(node.key)}</code>`;
  const items = [
    ...node.children.map(renderNode),
    ...node.articles.map((op) => {
      const status =
        op.kind === 'create-article'
          ? '<span class="badge create">create</span>'
          : `<span class="badge move">move</span> <span class="from">from <code>${h(
              placement(op.from.collectionKey, op.from.slug),
            )}</code></span>`;
      return `<li class="leaf" data-testid="tree-article">${status} ${h(op.title)} <code>${h(op.slug)}</code></li>`;
    }),
  ];
  const list = items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
  return `<li class="node ${node.status}" data-testid="tree-collection">${badge} <strong>${h(node.title)}</strong>${key}${list}</li>`;
}
