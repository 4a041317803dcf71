// The README the VSIX ships: the repository's, with its screenshots inlined as data: URIs. VS Code's Extensions page
// loads README images only from https: or data: sources, so a relative `docs/*.png` shows as a broken image there.
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const readme = await readFile('README.md', 'utf8');
const images = [...readme.matchAll(/!\[([^\]]*)\]\((docs\/[^)\s]+\.png)\)/g)];
let out = readme;
for (const [whole, alt, file] of images) {
  const data = (await readFile(file)).toString('base64');
  out = out.replace(whole, `![${alt}](data:image/png;base64,${data})`);
}
await mkdir('out/vsix', { recursive: true });
await writeFile('out/vsix/README.md', out);
console.log(`out/vsix/README.md: ${images.length} screenshots inlined`);
