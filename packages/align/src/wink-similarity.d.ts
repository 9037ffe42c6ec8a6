/** wink-nlp's similarity utility (CommonJS, shipped without types for its utilities). */
declare module 'wink-nlp/utilities/similarity.js' {
  const similarity: {
    bow: { cosine(a: Record<string, number>, b: Record<string, number>): number };
  };
  export default similarity;
}
