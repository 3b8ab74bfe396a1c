/**
 * A character trie over the folded strings of every part: walking it from a token start finds
 * every part that starts there in one pass, however many parts share a first character.
 * Keyed by UTF-16 code unit (a surrogate pair is two steps), so a walk allocates nothing. Most
 * nodes have one child: it is kept inline, and a Map is made only for a second one (tens of
 * thousands fewer Maps to build on a cold start).
 */
interface Node {
  /** the only child's code unit (-1: none, or see `next`) */
  code: number;
  child: Node | undefined;
  /** all children, once there are two or more */
  next: Map<number, Node> | undefined;
  /** parts that end at this node */
  parts: number[] | undefined;
}

const newNode = (): Node => ({ code: -1, child: undefined, next: undefined, parts: undefined });

function childOf(node: Node, c: number): Node | undefined {
  return node.next ? node.next.get(c) : node.code === c ? node.child : undefined;
}

export class CharTrie {
  private root: Node = newNode();
  /** code units some key starts with: most walks end here, before any Map lookup */
  private starts = new Uint8Array(0x10000);

  insert(key: string, part: number): void {
    if (key.length) this.starts[key.charCodeAt(0)] = 1;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = childOf(node, c);
      if (!child) {
        child = newNode();
        if (node.next) node.next.set(c, child);
        else if (node.code === -1) {
          node.code = c;
          node.child = child;
        } else {
          node.next = new Map([[node.code, node.child!], [c, child]]);
          node.code = -1;
          node.child = undefined;
        }
      }
      node = child;
    }
    node.parts ??= [];
    if (node.parts.at(-1) !== part) node.parts.push(part);
  }

  /** Calls back with (end index, parts) for every key that is a prefix of text.slice(start). */
  walk(text: string, start: number, found: (end: number, parts: readonly number[]) => void): void {
    if (start >= text.length || !this.starts[text.charCodeAt(start)]) return;
    let node: Node | undefined = this.root;
    for (let i = start; i < text.length; ) {
      node = childOf(node, text.charCodeAt(i));
      if (!node) return;
      i++;
      if (node.parts) found(i, node.parts);
    }
  }
}
