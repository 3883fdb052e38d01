/** Maximum one-to-one matching in a bipartite graph (Kuhn's augmenting paths). Pure. */

/**
 * Matches left items to right items where `compatible(l, r)` holds, each used at most once,
 * maximising the number of pairs. Earlier left items get first pick of earlier right items,
 * so ties resolve deterministically. Returns, for each left index, its right index or -1.
 */
export function maximumMatching(leftCount: number, rightCount: number, compatible: (l: number, r: number) => boolean): number[] {
  const adjacency: number[][] = [];
  for (let l = 0; l < leftCount; l++) {
    const row: number[] = [];
    for (let r = 0; r < rightCount; r++) if (compatible(l, r)) row.push(r);
    adjacency.push(row);
  }
  const rightOwner = new Array<number>(rightCount).fill(-1);
  const leftMatch = new Array<number>(leftCount).fill(-1);

  const augment = (l: number, seen: boolean[]): boolean => {
    for (const r of adjacency[l] ?? []) {
      if (seen[r]) continue;
      seen[r] = true;
      const owner = rightOwner[r] ?? -1;
      if (owner === -1 || augment(owner, seen)) {
        rightOwner[r] = l;
        leftMatch[l] = r;
        return true;
      }
    }
    return false;
  };

  for (let l = 0; l < leftCount; l++) augment(l, new Array<boolean>(rightCount).fill(false));
  return leftMatch;
}
