/**
 * A character trie over the folded strings of every part: walking it from a token start finds
 * every part that starts there in one pass, however many parts share a first character.
 */
interface Node {
  next: Map<string, Node>;
  /** parts that end at this node */
  parts: number[];
}

export class CharTrie {
  private root: Node = { next: new Map(), parts: [] };

  insert(key: string, part: number): void {
    let node = this.root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), parts: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (node.parts.at(-1) !== part) node.parts.push(part);
  }

  /** Calls back with (end index, parts) for every key that is a prefix of text.slice(start). */
  walk(text: string, start: number, found: (end: number, parts: readonly number[]) => void): void {
    let node: Node | undefined = this.root;
    let i = start;
    while (node && i < text.length) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      node = node.next.get(ch);
      i += ch.length;
      if (node && node.parts.length) found(i, node.parts);
    }
  }
}
