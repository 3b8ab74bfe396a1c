/**
 * A character trie over the folded strings of every part: walking it from a token start finds
 * every part that starts there in one pass, however many parts share a first character.
 * Keyed by UTF-16 code unit (a surrogate pair is two steps), so a walk allocates nothing.
 */
interface Node {
  next: Map<number, Node> | undefined;
  /** parts that end at this node */
  parts: number[] | undefined;
}

export class CharTrie {
  private root: Node = { next: undefined, parts: undefined };

  insert(key: string, part: number): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) {
        child = { next: undefined, parts: undefined };
        node.next.set(c, child);
      }
      node = child;
    }
    node.parts ??= [];
    if (node.parts.at(-1) !== part) node.parts.push(part);
  }

  /** Calls back with (end index, parts) for every key that is a prefix of text.slice(start). */
  walk(text: string, start: number, found: (end: number, parts: readonly number[]) => void): void {
    let node: Node | undefined = this.root;
    for (let i = start; i < text.length; ) {
      node = node.next?.get(text.charCodeAt(i));
      if (!node) return;
      i++;
      if (node.parts) found(i, node.parts);
    }
  }
}
