// The stock kuromoji entry point, used only to prove our tokenizer gives the same tokens.
declare module 'kuromoji' {
  const kuromoji: {
    builder(options: { dicPath: string }): { build(cb: (err: Error | null, tokenizer: any) => void): void };
  };
  export default kuromoji;
}
