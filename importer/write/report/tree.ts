/** The objectives cascade as a tree: each objective under its parent code; unplaced ones at the root. */
import { Objective } from '../../engine/schema/dossier';

export interface TreeNode {
  objective: Objective;
  children: TreeNode[];
}

export function objectiveTree(objectives: readonly Objective[]): TreeNode[] {
  const nodes = objectives.map((objective) => ({ objective, children: [] as TreeNode[] }));
  const byCode = new Map<string, TreeNode>();
  for (const n of nodes) if (!byCode.has(n.objective.code)) byCode.set(n.objective.code, n);
  const roots: TreeNode[] = [];
  for (const n of nodes) {
    const parent = n.objective.parent ? byCode.get(n.objective.parent) : undefined;
    if (parent && parent !== n && !isAncestor(n, parent)) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** Guards against a cycle in bad data (a code that is its own grandparent). */
function isAncestor(candidate: TreeNode, of: TreeNode): boolean {
  const stack = [...candidate.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === of) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}
