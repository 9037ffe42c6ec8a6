/**
 * Test helper: a text hard-wrapped at `width` columns the way a wrapping tool
 * does it (greedy, at spaces, trailing space dropped), with the given line end.
 */
export function rewrap(text: string, width: number, eol: '\n' | '\r\n' = '\n'): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((raw) => {
      const line = raw.trimEnd();
      if (line.length <= width) return line;
      const indent = /^\s*/.exec(line)![0];
      const pieces: string[] = [];
      let current = indent;
      for (const word of line.slice(indent.length).split(/ +/)) {
        if (current.trim() === '') current += word;
        else if (current.length + 1 + word.length <= width) current += ` ${word}`;
        else {
          pieces.push(current);
          current = word;
        }
      }
      pieces.push(current);
      return pieces.join(eol);
    })
    .join(eol);
}
