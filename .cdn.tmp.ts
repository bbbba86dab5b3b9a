import { build } from 'vite';
import { resolve } from 'node:path';
const root = process.argv[2];
const r: any = await build({ root, configFile: resolve(root, 'vite.cdn.config.ts'), logLevel: 'silent', build: { outDir: '/tmp/rootlazy/cdn-' + process.argv[3], sourcemap: false, write: true } });
for (const o of [r].flat()) for (const c of o.output) if (c.type === 'chunk' && /portal-root|accounts|task-link|portal-task/.test(c.fileName)) console.log(c.fileName, c.code.length, 'imports:', c.imports.join(' '), '| dyn:', c.dynamicImports.filter((d: string) => !/messages/.test(d)).join(' '));
