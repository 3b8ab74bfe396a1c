// kuromoji 0.1.2 ships no types; these are the internal classes Kakunin reuses.
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
