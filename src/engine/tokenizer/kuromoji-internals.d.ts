// kuromoji 0.1.2 ships no types; these are the internal classes Kakunin reuses.
declare module 'kuromoji/src/viterbi/ViterbiLattice.js' {
  import type ViterbiNode from 'kuromoji/src/viterbi/ViterbiNode.js';
  export default class ViterbiLattice {
    append(node: ViterbiNode): void;
    appendEos(): void;
  }
}
declare module 'kuromoji/src/viterbi/ViterbiNode.js' {
  export default class ViterbiNode {
    constructor(name: number, cost: number, startPos: number, length: number, type: 'KNOWN' | 'UNKNOWN', leftId: number, rightId: number, surface: string);
    name: number;
    start_pos: number;
    length: number;
    type: 'KNOWN' | 'UNKNOWN';
    surface_form: string;
  }
}
declare module 'kuromoji/src/viterbi/ViterbiSearcher.js' {
  import type ViterbiLattice from 'kuromoji/src/viterbi/ViterbiLattice.js';
  import type ViterbiNode from 'kuromoji/src/viterbi/ViterbiNode.js';
  export default class ViterbiSearcher {
    constructor(connectionCosts: unknown);
    search(lattice: ViterbiLattice): ViterbiNode[];
  }
}
declare module 'kuromoji/src/dict/ConnectionCosts.js' {
  export default class ConnectionCosts {
    constructor(forward: number, backward: number);
    loadConnectionCosts(buffer: Int16Array): void;
  }
}
declare module 'kuromoji/src/dict/UnknownDictionary.js' {
  interface CharacterClass {
    class_id: number;
    class_name: string;
    is_always_invoke: boolean | number;
    is_grouping: boolean | number;
  }
  export default class UnknownDictionary {
    loadUnknownDictionaries(unk: Uint8Array, unkPos: Uint8Array, unkMap: Uint8Array, catMap: Uint8Array, compatCatMap: Uint32Array, invokeDef: Uint8Array): void;
    lookup(ch: string): CharacterClass;
    target_map: Record<number, number[]>;
    dictionary: { getShort(index: number): number };
    getFeatures(id: number | string): string;
  }
}
