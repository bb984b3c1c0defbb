// read.mjs prints what pdf.js (the reader inside Firefox) sees in each PDF
// named on the command line, as one JSON document on standard output:
//
//   [{"file": "a.pdf", "markInfo": {...} | null,
//     "pages": [{"structTree": {...} | null, "text": ["1.", "Lie on ...", ...]}]}]
//
// structTree is page.getStructTree(): roles, alt texts and children in
// reading order, as assistive technology gets them from Firefox;
// text is page.getTextContent()'s items in order, the order Firefox reads
// and copies a page in. handout's Go tests (render/pdfjs_test.go) run it;
// docs/accessibility.md says what they check.
//
// Usage: node tools/pdfjs/read.mjs FILE.pdf...
import { readFile } from "node:fs/promises";

// pdf.js warns on console.log (that Node lacks the canvas polyfills,
// which reading text does not need): standard output is for the JSON.
console.log = (...args) => console.error(...args);
// The legacy build runs in Node without a browser's globals.
const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");

async function read(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({
    data,
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const structTree = await page.getStructTree();
      const content = await page.getTextContent();
      const text = content.items.map((item) => item.str).filter((s) => s.trim() !== "");
      pages.push({ structTree, text });
      page.cleanup();
    }
    return { file, markInfo: await doc.getMarkInfo(), pages };
  } finally {
    await doc.destroy();
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("usage: node read.mjs FILE.pdf...\n");
  process.exit(2);
}
const out = [];
for (const file of files) {
  try {
    out.push(await read(file));
  } catch (err) {
    process.stderr.write(`${file}: ${err.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out) + "\n");
