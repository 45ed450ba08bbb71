/** opencc-js ships its dictionaries as modules of "from to|from to|…" strings. */
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
