import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_LAYER = join(ROOT, 'shared', 'data');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (type-only ones too), `import()` and `require()`. */
function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The specifiers of `file` that resolve into the data layer (`shared/data/`). */
function dataLayerImports(file: string, source: string): string[] {
  return specifiersOf(source).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = resolve(dirname(file), specifier);
    return target === DATA_LAYER || target.startsWith(`${DATA_LAYER}/`);
  });
}

describe('layering', () => {
  const handlers = sourceFiles(join(ROOT, 'functions'));

  it('no module under functions/ imports the data layer: a handler calls one use case, which owns the data access', () => {
    expect(handlers.length).toBeGreaterThan(70);
    const offenders = handlers.flatMap((file) => dataLayerImports(file, readFileSync(file, 'utf8')).map((s) => `${relative(ROOT, file)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the check sees every form an import takes', () => {
    const file = join(ROOT, 'functions', 'area', 'handler.ts');
    const source = [
      "import { getOfficer } from '../../shared/data/officer.repository';",
      "import type { Page } from '../../shared/data/paging';",
      "export { keys } from '../../shared/data/keys';",
      "const lazy = () => import('../../shared/data/client');",
      "import { defineHandler } from '../../shared/http/handler';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(dataLayerImports(file, source)).toEqual([
      '../../shared/data/officer.repository',
      '../../shared/data/paging',
      '../../shared/data/keys',
      '../../shared/data/client',
    ]);
  });
});
